import fs from 'node:fs';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { describe, expect, it } from 'vitest';
import { type Classification, classifyMail, type InboxKind, inboxKinds } from '../../core/inbox-classify.js';
import { readIncomingMail } from './read-incoming-mail.js';

type CorpusMessage = {
  readonly expected: InboxKind;
  readonly language: string;
  readonly note: string;
  readonly headers: Record<string, string>;
  readonly body: string;
};

const ics = fs.readFileSync(path.join(import.meta.dirname, '../ics/fixtures/google-invite.ics'), 'utf8');

function readCorpus(): CorpusMessage[] {
  const text = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/inbox-corpus.txt'), 'utf8');
  return text
    .split(/^=== /m)
    .slice(1)
    .map((chunk) => {
      const [title, ...rest] = chunk.split('\n');
      const [expected, language, note] = title!.split('|').map((s) => s.trim());
      const blank = rest.indexOf('');
      const headers = Object.fromEntries(
        rest.slice(0, blank).map((line) => {
          const at = line.indexOf(':');
          return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
        }),
      );
      if (!inboxKinds.includes(expected as InboxKind)) throw new Error(`unknown kind ${expected}`);
      return {
        expected: expected as InboxKind,
        language: language!,
        note: note!,
        headers,
        body: rest
          .slice(blank + 1)
          .join('\n')
          .trim(),
      };
    });
}

/** The message as a mail server would hold it: composed by nodemailer, then read back as a sync reads it. */
async function classifyCorpusMessage(m: CorpusMessage): Promise<Classification> {
  const { From, Subject, Html, Ics, ...extra } = m.headers;
  const raw = await new MailComposer({
    from: From,
    to: 'robin@example.org',
    subject: Subject,
    ...(Html === 'yes' ? { html: m.body } : { text: m.body }),
    ...(Ics === 'yes' && { icalEvent: { method: 'REQUEST', content: ics } }),
    headers: extra,
  })
    .compile()
    .build();
  const mail = await readIncomingMail(1, raw);
  return classifyMail({
    subject: mail.subject,
    text: mail.text,
    headers: mail.headers,
    fromAddress: mail.from?.address ?? '',
    hasCalendar: mail.calendars.length > 0,
  });
}

describe('the inbox rules on the corpus (src/integrations/imap/fixtures/inbox-corpus.txt)', () => {
  it('classifies at least 120 messages with per-class precision and recall, and no false positive when certain', async () => {
    const corpus = readCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(120);
    const results = await Promise.all(corpus.map(async (m) => ({ m, got: await classifyCorpusMessage(m) })));
    const lines: string[] = ['kind                  n  precision  recall  (certain: n, false positives)'];
    const certainFalsePositives: string[] = [];
    for (const kind of inboxKinds) {
      const truth = results.filter((r) => r.m.expected === kind);
      const predicted = results.filter((r) => r.got.kind === kind);
      const right = predicted.filter((r) => r.m.expected === kind);
      const certain = predicted.filter((r) => r.got.certain);
      const certainWrong = certain.filter((r) => r.m.expected !== kind);
      for (const r of certainWrong)
        certainFalsePositives.push(`${r.m.note}: ${r.m.expected} read as certain ${kind} (${r.got.rule})`);
      const precision = predicted.length ? right.length / predicted.length : 1;
      const recall = truth.length ? right.length / truth.length : 1;
      lines.push(
        `${kind.padEnd(20)} ${String(truth.length).padStart(3)}  ${precision.toFixed(2).padStart(9)}  ${recall.toFixed(2).padStart(6)}  (${certain.length}, ${certainWrong.length})`,
      );
    }
    const wrong = results.filter((r) => r.got.kind !== r.m.expected);
    const accuracy = 1 - wrong.length / results.length;
    lines.push(`accuracy ${(accuracy * 100).toFixed(1)}% of ${results.length}`);
    for (const r of wrong)
      lines.push(
        `  miss: [${r.m.language}] ${r.m.note}: expected ${r.m.expected}, got ${r.got.kind} (${r.got.rule})`,
      );
    console.log(lines.join('\n'));
    expect(certainFalsePositives).toEqual([]);
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
    for (const language of ['en', 'de']) expect(results.some((r) => r.m.language === language)).toBe(true);
  });
});
