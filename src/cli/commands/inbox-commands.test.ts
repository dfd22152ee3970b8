import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasDovecot,
  noDovecotMessage,
  startDovecot,
  type TestImapServer,
} from '../../../test/support/dovecot.js';
import { inProcessCli } from '../../../test/support/in-process-cli.js';

describe('hearback inbox and settings set --imap-url', () => {
  const { hearback, json, dataDir } = inProcessCli('inbox');

  it('refuses a mailbox URL that is not imaps:// (imap:// only to loopback), naming the flag', async () => {
    const plain = await hearback('settings', 'set', '--imap-url', 'imap://me:pw@imap.example.com:143');
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('--imap-url (imapUrl): imap:// sends the password unencrypted');
    const web = await hearback('settings', 'set', '--imap-url', 'https://me:pw@imap.example.com');
    expect(web.code).toBe(1);
    expect(web.stderr).toContain('--imap-url (imapUrl): must start with imaps://');
    expect(web.stderr).not.toContain('pw@');
    const sync = await hearback('inbox', 'sync');
    expect(sync.code).toBe(1);
    expect(sync.stderr).toContain('No mailbox is connected');
  });

  describe.skipIf(!hasDovecot())('against a real IMAP server (dovecot)', () => {
    let imap: TestImapServer;
    beforeAll(async () => {
      imap = await startDovecot();
    });
    afterAll(async () => {
      await imap?.close();
    });

    it('connects with settings set --imap-url, syncs with --json, keeps the key file private and forgets', async () => {
      await json('add', '--company', 'Acme', '--title', 'Backend Engineer');
      await json('company', 'edit', 'Acme', '--website', 'https://acme.example');
      await imap.deliver(
        `From: Dana <dana@acme.example>\r\nTo: ${imap.user}\r\nSubject: Your application\r\nDate: ${new Date(Date.now() + 2_000).toUTCString()}\r\nMessage-ID: <1@acme.example>\r\n\r\nHi, thank you for applying. Unfortunately we have decided to move forward with other candidates.\r\n`,
      );
      await imap.deliver(
        `From: News <newsletter@jobs.example>\r\nTo: ${imap.user}\r\nSubject: 5 interview tips\r\nList-Unsubscribe: <mailto:u@jobs.example>\r\nDate: ${new Date().toUTCString()}\r\n\r\nAce your next interview! Unsubscribe any time.\r\n`,
      );
      const set = await hearback('settings', 'set', '--imap-url', imap.url);
      expect(set.code).toBe(0);
      expect(set.stdout + set.stderr).not.toContain(imap.password);
      const status = await json('inbox', 'status');
      expect(status).toMatchObject({ connected: true, account: `${imap.user} on 127.0.0.1:${imap.port}` });
      expect(JSON.stringify(status)).not.toContain(imap.password);

      expect(await json('inbox', 'sync')).toEqual({
        fetched: 2,
        matched: 1,
        queued: 0,
        ignored: 1,
        failed: [],
      });
      const human = await hearback('inbox', 'sync');
      expect(human.stdout).toContain('Fetched 0: 0 on the timeline, 0 queued for review, 0 ignored.');

      // The key that seals the password sits beside the database, readable by its owner only.
      expect(fs.statSync(path.join(dataDir(), 'secret.key')).mode & 0o777).toBe(0o600);
      const database = fs.readFileSync(path.join(dataDir(), 'hearback.db'));
      expect(database.includes(Buffer.from(imap.password))).toBe(false);
      const forgotten = await json('inbox', 'forget');
      expect(forgotten).toMatchObject({ connected: false });
    });
  });

  if (!hasDovecot()) it.skip(noDovecotMessage, () => {});
});
