import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServerModeApp, type ServerModeApp, signUpAccount } from '../../test/support/server-mode.js';
import { postgresFlavour } from '../../test/support/test-runtime.js';

describe(`server mode: the mailbox URL cannot reach the server's own network ${postgresFlavour()}`, () => {
  let server: ServerModeApp;

  beforeAll(async () => {
    server = await openServerModeApp();
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  it.each([
    'imaps://me:app-pass@10.0.0.1:993/',
    'imaps://me:app-pass@192.168.1.1:993/',
    'imaps://me:app-pass@169.254.169.254:993/',
    'imaps://me:app-pass@[::1]:993/',
    'imap://me:app-pass@127.0.0.1:1143/',
  ])('PUT /api/inbox %s is refused by field and nothing is stored', async (imapUrl) => {
    const account = await signUpAccount(server, `imap-${crypto.randomUUID()}@example.org`);
    const answer = await server.send({
      method: 'PUT',
      url: '/api/inbox',
      cookie: account.cookie,
      payload: { imapUrl },
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.code).toBe('VALIDATION_FAILED');
    expect(answer.json().error.message).toMatch(/^imapUrl: .*(private|not on the public internet)/);
    expect(answer.body).not.toContain('app-pass');
    const status = await server.send({ method: 'GET', url: '/api/inbox', cookie: account.cookie });
    expect(status.json().connected).toBe(false);
  });
});
