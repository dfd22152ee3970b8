import fs from 'node:fs';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { corporaSkipMessage, corpusPath, hasCorpora } from '../../../test/support/corpora.js';
import { defaultDraftTemplates, renderDraft } from '../../core/drafts.js';
import { AppError } from '../../core/errors.js';
import { composeEml } from './compose-eml.js';
import type { EmailMessage } from './email-message.js';

const message: EmailMessage = {
  from: { name: 'Maya Okafor', address: 'maya@example.org' },
  to: [{ name: 'Ada Lovelace', address: 'ada@northwind.example' }],
  subject: 'Thank you for the technical interview',
  text: 'Dear Ada,\n\nThank you.\n\nBest regards,\nMaya',
  date: '2026-03-04T18:00:00.000Z',
};

const allowedHeaders = [
  'x-unsent',
  'from',
  'to',
  'cc',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'content-transfer-encoding',
  'mime-version',
  'content-type',
];

/**
 * The body as it came back: a 7-bit body gains a final line break in transit (its last line must end in
 * CRLF), an encoded one does not. Anything else must be exactly what was sent.
 */
function isSameText(received: string | undefined, sent: string): boolean {
  return received === sent || received === `${sent}\n`;
}

/** The header names in the raw message, read by hand (unfolding continuation lines), not by a parser. */
function rawHeaderNames(eml: Buffer): string[] {
  const raw = eml.toString('latin1');
  const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
  return head
    .split('\r\n')
    .filter((line) => !/^[ \t]/.test(line))
    .map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
}

describe('composing an .eml draft', () => {
  it('writes a message a mail client opens as an unsent draft, with sender, recipient, subject and body', async () => {
    const eml = await composeEml(message);
    const parsed = await simpleParser(eml);
    expect(parsed.from?.value).toEqual([{ name: 'Maya Okafor', address: 'maya@example.org' }]);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : null).toEqual([
      { name: 'Ada Lovelace', address: 'ada@northwind.example' },
    ]);
    expect(parsed.subject).toBe('Thank you for the technical interview');
    expect(isSameText(parsed.text, 'Dear Ada,\n\nThank you.\n\nBest regards,\nMaya')).toBe(true);
    expect(parsed.date?.toISOString()).toBe('2026-03-04T18:00:00.000Z');
    expect(parsed.headers.get('x-unsent')).toBe('1');
    expect(eml.toString('latin1')).toMatch(/\r\nSubject: Thank you for the technical interview\r\n/);
  });

  it('keeps non-ASCII text exactly, encoded for mail', async () => {
    const eml = await composeEml({
      ...message,
      subject: 'Danke schön — 面接ありがとう 🙏',
      text: 'Grüße\nЮля',
    });
    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe('Danke schön — 面接ありがとう 🙏');
    expect(parsed.text).toBe('Grüße\nЮля');
    expect(eml.every((byte) => byte < 128)).toBe(true);
  });

  it('never lets a line break in a subject or display name start a header', async () => {
    const eml = await composeEml({
      ...message,
      from: { name: 'Maya\r\nBcc: victim@example.org', address: 'maya@example.org' },
      to: [{ name: 'Ada\nX-Injected: yes', address: 'ada@northwind.example' }],
      subject: 'Hello\r\nBcc: victim@example.org\r\n\r\nFake body',
    });
    expect(rawHeaderNames(eml).every((name) => allowedHeaders.includes(name))).toBe(true);
    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe('Hello Bcc: victim@example.org  Fake body');
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.headers.has('x-injected')).toBe(false);
    expect(parsed.from?.value[0]).toEqual({
      name: 'Maya Bcc: victim@example.org',
      address: 'maya@example.org',
    });
  });

  it('writes every line break of the body as CRLF, including a lone CR', async () => {
    const eml = await composeEml({ ...message, text: 'one\rtwo\r\nthree\nfour' });
    expect(isSameText((await simpleParser(eml)).text, 'one\ntwo\nthree\nfour')).toBe(true);
    expect(eml.toString('latin1')).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  });

  it('refuses a bad address with an error naming the field', async () => {
    const attempt = composeEml({ ...message, to: [{ address: 'ada@northwind.example\r\nBcc: x@y.z' }] });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: /^to\.0\.address: / });
    await expect(composeEml({ ...message, to: [] })).rejects.toMatchObject({
      message: /^to: needs at least one/,
    });
  });

  it('composes a rendered draft as it was rendered', async () => {
    const draft = renderDraft(defaultDraftTemplates.closing_note, {
      user: { name: 'Maya Okafor', email: 'maya@example.org' },
      company: { name: 'Northwind Labs' },
      application: { jobTitle: 'Platform Engineer', appliedAt: null },
      contact: { name: 'Ada Lovelace', email: 'ada@northwind.example' },
      timeZone: 'Europe/Berlin',
    });
    const parsed = await simpleParser(
      await composeEml({ ...message, subject: draft.subject, text: draft.body }),
    );
    expect(parsed.subject).toBe('Closing the loop: Platform Engineer');
    expect(isSameText(parsed.text, draft.body)).toBe(true);
  });
});

describe.skipIf(!hasCorpora())('hostile strings in .eml files (shared corpora)', () => {
  if (!hasCorpora()) console.warn(corporaSkipMessage);

  it('keeps every naughty string inert in names, subject and body: a clear error or an exact round trip', async () => {
    const blns = JSON.parse(fs.readFileSync(corpusPath('payloads', 'blns', 'blns.json'), 'utf8')) as string[];
    const crlf = fs
      .readFileSync(corpusPath('payloads', 'payloadsallthethings', 'crlf', 'crlfinjection.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.length > 0);
    const strings = [...blns, ...crlf, ...crlf.map((l) => l.replace(/%0d/gi, '\r').replace(/%0a/gi, '\n'))];
    const failures: string[] = [];
    let refused = 0;
    for (const value of strings) {
      let eml: Buffer;
      try {
        eml = await composeEml({
          ...message,
          from: { name: value, address: 'maya@example.org' },
          to: [{ name: value, address: 'ada@northwind.example' }],
          subject: `Re: ${value}`,
          text: `Topics: ${value}\nEnd`,
        });
      } catch (error) {
        if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
          refused++;
          continue;
        }
        throw error;
      }
      const names = rawHeaderNames(eml);
      if (!names.every((name) => allowedHeaders.includes(name)))
        failures.push(`${JSON.stringify(value)}: ${names}`);
      const parsed = await simpleParser(eml);
      const single = value.replace(/\r\n|[\r\n\u000b\u000c\u0085\u2028\u2029]/g, ' ');
      // Whitespace at the very end of a header is not kept by mail (RFC 5322 unfolding); the rest must be.
      const subject = `Re: ${single}`;
      if (parsed.subject !== subject && parsed.subject !== subject.trimEnd()) {
        failures.push(`${JSON.stringify(value)}: subject ${parsed.subject}`);
      }
      if (!isSameText(parsed.text, `Topics: ${value.replace(/\r\n|\r/g, '\n')}\nEnd`)) {
        failures.push(`${JSON.stringify(value)}: body ${JSON.stringify(parsed.text)}`);
      }
      const to = parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : [];
      if (to.length !== 1 || to[0]?.address !== 'ada@northwind.example') {
        failures.push(`${JSON.stringify(value)}: recipients ${JSON.stringify(to)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(refused).toBeLessThan(strings.length / 10);
  });
});
