import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasDovecot,
  noDovecotMessage,
  startDovecot,
  type TestImapServer,
} from '../../../test/support/dovecot.js';
import { openTestRuntime, type TestRuntime } from '../../../test/support/test-runtime.js';
import { maxTextLength } from '../../core/inbox-account.js';
import { classifyMail } from '../../core/inbox-classify.js';
import { connectInbox, syncInbox } from '../../services/inbox.js';
import { imapMailbox } from './imap-mailbox.js';
import { readIncomingMail } from './read-incoming-mail.js';
import { createSecretBox } from './secret-box.js';

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'latin1');

function deepNesting(depth: number): Buffer {
  const head = ['From: deep@acme.example', 'To: me@example.test', 'Subject: deep', 'MIME-Version: 1.0'];
  const parts: string[] = [];
  for (let i = 0; i < depth; i++)
    parts.push(`Content-Type: multipart/mixed; boundary="b${i}"`, '', `--b${i}`);
  parts.push('Content-Type: text/plain', '', 'we have decided to move forward with other candidates');
  for (let i = depth - 1; i >= 0; i--) parts.push(`--b${i}--`);
  return crlf([...head, ...parts]);
}

/** Hostile messages: each must be read without a crash, nothing run, nothing written to disk. */
const hostileMessages: Record<string, Buffer> = {
  huge: Buffer.concat([
    crlf(['From: big@acme.example', 'Subject: huge', 'Content-Type: text/plain', '', '']),
    Buffer.alloc(6_000_000, 'a'),
  ]),
  'deep MIME nesting': deepNesting(2_000),
  'malformed headers': crlf([
    'From: =?utf-8?B?!!!notbase64?= <<<@@@>>>',
    'Subject: =?x-unknown-charset?Q?=FF=FE?= \u0000 nul',
    'Date: the thirty-second of Nonember',
    'Content-Type: multipart/mixed; boundary=',
    'In-Reply-To: <<<<>>>>',
    `References: ${'<a@b> '.repeat(5_000)}`,
    'this line has no colon',
    'Content-Transfer-Encoding: base64',
    '',
    '!!!% not base64 at all %%%',
  ]),
  'HTML with scripts': crlf([
    'From: ats@greenhouse-mail.io',
    'Subject: <script>globalThis.__hearbackPwned = 1</script>',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<html><head><script>globalThis.__hearbackPwned = 1</script></head><body onload="globalThis.__hearbackPwned=1"><img src=x onerror="globalThis.__hearbackPwned=1"><iframe src="javascript:globalThis.__hearbackPwned=1"></iframe><p>Hello</p></body></html>',
  ]),
  'attachment named ../../x': crlf([
    'From: x@acme.example',
    'Subject: attachment',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="z"',
    '',
    '--z',
    'Content-Type: text/plain',
    '',
    'see attached',
    '--z',
    'Content-Type: application/octet-stream; name="../../hearback-hostile-x"',
    'Content-Disposition: attachment; filename="../../hearback-hostile-x"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('owned').toString('base64'),
    '--z',
    'Content-Type: text/calendar; name="../../../hearback-hostile.ics"',
    'Content-Disposition: attachment; filename="/tmp/hearback-hostile.ics"',
    '',
    'BEGIN:VCALENDAR',
    'END:VCALENDAR',
    '--z--',
  ]),
  'bad encodings': crlf([
    'From: enc@acme.example',
    'Subject: =?utf-8?Q?=C3=28?= =?iso-2022-jp?B?GyRCJUYlOSVIGyhC?=',
    'Content-Type: text/plain; charset=utf-7',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    '=FF=FE=00=D8 +AGEAYgBj- broken =\r\n=ZZ',
  ]),
};

/** The files an attachment name of these messages could have made (other processes share /tmp). */
function listing(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((name) => name.startsWith('hearback-hostile') || name === 'x')
      .sort();
  } catch {
    return [];
  }
}

/** Folders where a careless attachment writer would drop a file. */
const watched = () => [
  process.cwd(),
  path.dirname(process.cwd()),
  path.dirname(path.dirname(process.cwd())),
  os.tmpdir(),
  '/tmp',
];

describe('hostile mail', () => {
  it('reads every hostile message without a crash, runs nothing and writes nothing', async () => {
    const before = watched().map(listing);
    for (const [name, raw] of Object.entries(hostileMessages)) {
      const mail = await readIncomingMail(7, raw);
      expect(mail.text.length, name).toBeLessThanOrEqual(maxTextLength);
      expect(mail.subject.includes('\u0000'), name).toBe(false);
      expect(mail.text).not.toMatch(/<script|onerror|javascript:/i);
      const kind = classifyMail({
        subject: mail.subject,
        text: mail.text,
        headers: mail.headers,
        fromAddress: mail.from?.address ?? '',
        hasCalendar: mail.calendars.length > 0,
      });
      expect(kind.rule, name).toBeTruthy();
    }
    expect((globalThis as { __hearbackPwned?: number }).__hearbackPwned).toBeUndefined();
    expect(watched().map(listing)).toEqual(before);
  });

  it('reads a deeply nested message by its headers only, and a huge one only up to the limit', async () => {
    const deep = await readIncomingMail(1, hostileMessages['deep MIME nesting']!);
    expect(deep.from?.address).toBe('deep@acme.example');
    const huge = await readIncomingMail(2, hostileMessages.huge!);
    expect(huge.text.length).toBe(maxTextLength);
  });

  describe.skipIf(!hasDovecot())('through a real IMAP server (dovecot)', () => {
    let imap: TestImapServer;
    let runtime: TestRuntime;
    let keyDir: string;
    beforeAll(async () => {
      imap = await startDovecot();
      runtime = await openTestRuntime('sqlite');
      keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-hostile-key-'));
    });
    afterAll(async () => {
      await imap?.close();
      await runtime?.close();
      fs.rmSync(keyDir, { recursive: true, force: true });
    });

    it('syncs every hostile message: each is fetched and settled, nothing crashes, nothing lands on disk', async () => {
      const deps = {
        ...runtime.deps,
        inbox: {
          secrets: createSecretBox({ keyFile: path.join(keyDir, 'secret.key') }),
          mailbox: imapMailbox,
        },
      };
      for (const raw of Object.values(hostileMessages)) await imap.deliver(raw);
      await connectInbox(deps, { imapUrl: imap.url });
      const before = watched().map(listing);
      const report = await syncInbox(deps);
      expect(report.fetched).toBe(Object.keys(hostileMessages).length);
      expect(report.fetched).toBe(report.matched + report.queued + report.ignored + report.failed.length);
      expect(watched().map(listing)).toEqual(before);
      expect((globalThis as { __hearbackPwned?: number }).__hearbackPwned).toBeUndefined();
    });
  });

  if (!hasDovecot()) it.skip(noDovecotMessage, () => {});
});
