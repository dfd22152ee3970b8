import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasDovecot,
  noDovecotMessage,
  startDovecot,
  type TestImapServer,
} from '../../test/support/dovecot.js';
import { imapMailbox } from '../integrations/imap/imap-mailbox.js';
import { createSecretBox } from '../integrations/imap/secret-box.js';
import { type Runtime, startRuntime } from '../runtime.js';
import { createApplication } from './applications.js';
import { updateCompany } from './companies.js';
import { connectInbox, syncInbox } from './inbox.js';

describe.skipIf(!hasDovecot())('inbox sync killed with SIGKILL mid-way (dovecot, SQLite file)', () => {
  let imap: TestImapServer;
  let dir: string;
  beforeAll(async () => {
    imap = await startDovecot();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-inbox-kill-'));
  });
  afterAll(async () => {
    await imap?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('records each message exactly once after a kill and a second sync', async () => {
    const file = path.join(dir, 'hearback.db');
    const keyFile = path.join(dir, 'secret.key');
    let runtime: Runtime = await startRuntime({ kind: 'sqlite', file });
    const deps = () => ({
      ...runtime.deps,
      inbox: { secrets: createSecretBox({ keyFile }), mailbox: imapMailbox },
    });
    const names = ['Alpha', 'Bravo', 'Charlie', 'Delta'];
    const ids: string[] = [];
    for (const name of names) {
      const a = await createApplication(deps(), {
        companyName: name,
        jobTitle: 'Engineer',
        stageAt: '2026-01-05T10:00:00Z',
      });
      await updateCompany(deps(), a.company.id, { website: `https://${name.toLowerCase()}.example` });
      ids.push(a.id);
      const raw = await new MailComposer({
        from: `jobs@${name.toLowerCase()}.example`,
        to: imap.user,
        subject: `Your application at ${name}`,
        text: 'Unfortunately we have decided to move forward with other candidates.',
        date: new Date(Date.now() - 60_000),
      })
        .compile()
        .build();
      await imap.deliver(raw);
    }
    await connectInbox(deps(), { imapUrl: imap.url });
    await runtime.close();

    const tsx = path.resolve('node_modules/.bin/tsx');
    const child = spawn(tsx, [path.resolve('test/support/inbox-sync-child.ts'), file, keyFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if ((out.match(/settled/g) ?? []).length >= 2) resolve();
      });
      child.once('exit', (code) => reject(new Error(`the sync ended before the kill (${code}): ${out}`)));
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    runtime = await startRuntime({ kind: 'sqlite', file });
    try {
      const after = await syncInbox(deps());
      expect(after.fetched).toBe(2);
      const replies = await runtime.deps.db
        .selectFrom('events')
        .select(['application_id'])
        .where('kind', '=', 'reply_received')
        .execute();
      expect(replies.map((r) => r.application_id).sort()).toEqual([...ids].sort());
      expect(await syncInbox(deps())).toMatchObject({ fetched: 0 });
    } finally {
      await runtime.close();
    }
  });
});

if (!hasDovecot()) it.skip(noDovecotMessage, () => {});
