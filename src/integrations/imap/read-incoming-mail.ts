import { simpleParser } from 'mailparser';
import { type IncomingMail, maxBodyLength, maxTextLength } from '../../core/inbox-account.js';

/** Messages above this many bytes are read only this far: enough for any reply's headers and text. */
export const maxSourceBytes = 1_000_000;
/** Multipart nesting deeper than this is not parsed part by part; the rules then see the headers only. */
const maxMultipartDepth = 30;
const maxCalendars = 3;
const maxCalendarLength = 200_000;

const headersRead = [
  'auto-submitted',
  'x-autoreply',
  'x-autorespond',
  'x-auto-response-suppress',
  'precedence',
  'list-id',
  'list-unsubscribe',
] as const;

/**
 * Parses a raw message (as the IMAP server hands it over, possibly cut at `maxSourceBytes`) into the few
 * things hearback reads. Everything stays in memory: attachments are never written anywhere, their names are
 * never used, HTML is turned into text and never rendered or run.
 */
export async function readIncomingMail(uid: number, source: Buffer): Promise<IncomingMail> {
  const raw = source.length > maxSourceBytes ? source.subarray(0, maxSourceBytes) : source;
  const tooDeep = multipartDepthOf(raw) > maxMultipartDepth;
  const parsed = await simpleParser(tooDeep ? headerBlockOf(raw) : raw, {
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    keepCidLinks: false,
  });
  const headers: Record<string, string> = {};
  for (const name of headersRead) {
    const value = parsed.headers.get(name);
    if (value !== undefined && value !== null) headers[name] = headerText(value).slice(0, 500);
  }
  // mailparser gathers the List-* headers into one `list` header: { id: …, unsubscribe: … }.
  const list = parsed.headers.get('list') as Record<string, unknown> | undefined;
  if (list && typeof list === 'object') {
    if (list.id && !headers['list-id']) headers['list-id'] = headerText(list.id).slice(0, 500);
    if (list.unsubscribe && !headers['list-unsubscribe']) {
      headers['list-unsubscribe'] = headerText(list.unsubscribe).slice(0, 500);
    }
  }
  const from = parsed.from?.value.find((a) => a.address);
  const text = (parsed.text ?? '').slice(0, maxTextLength);
  const calendars = (parsed.attachments ?? [])
    .filter(
      (a) => /^text\/calendar\b|^application\/ics\b/i.test(a.contentType) || /\.ics$/i.test(a.filename ?? ''),
    )
    .slice(0, maxCalendars)
    .map((a) => a.content.subarray(0, maxCalendarLength).toString('utf8'));
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null;
  return {
    uid,
    messageId: cleanId(parsed.messageId),
    inReplyTo: cleanId(parsed.inReplyTo),
    references: (Array.isArray(parsed.references)
      ? parsed.references
      : parsed.references
        ? [parsed.references]
        : []
    )
      .flatMap((r) => r.split(/\s+/))
      .map(cleanId)
      .filter((r): r is string => r !== null)
      .slice(0, 100),
    from: from?.address
      ? {
          address: from.address.toLowerCase().slice(0, 320),
          name: from.name ? from.name.slice(0, 200) : null,
        }
      : null,
    replyTo:
      parsed.replyTo?.value
        .find((a) => a.address)
        ?.address?.toLowerCase()
        .slice(0, 320) ?? null,
    date,
    subject: (parsed.subject ?? '').replace(/[\u0000-\u0008\u000b-\u001f]/g, ' ').slice(0, 500),
    text: text.replace(/\u0000/g, ''),
    headers,
    calendars,
  };
}

/**
 * The plain text of a message a user confirmed, at most `maxBodyLength` characters: mailparser's text part,
 * or its HTML turned into text (never rendered or run), with NULs and other control characters but tab and
 * line breaks taken out.
 */
export async function readBodyText(source: Buffer): Promise<string> {
  const raw = source.length > maxSourceBytes ? source.subarray(0, maxSourceBytes) : source;
  if (multipartDepthOf(raw) > maxMultipartDepth) return '';
  const parsed = await simpleParser(raw, {
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    keepCidLinks: false,
  });
  return (parsed.text ?? '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .slice(0, maxBodyLength);
}

function headerText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as { value?: unknown; text?: unknown };
    if (typeof v.text === 'string') return v.text;
    if (typeof v.value === 'string') return v.value;
    return JSON.stringify(value);
  }
  return String(value);
}

function cleanId(value: string | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim().replace(/^<|>$/g, '').slice(0, 500);
  return trimmed ? trimmed.toLowerCase() : null;
}

/** How deep `multipart/*` parts could nest: the count of distinct boundaries declared, a cheap upper bound. */
function multipartDepthOf(raw: Buffer): number {
  const text = raw.toString('latin1');
  let count = 0;
  const pattern = /boundary\s*=/gi;
  while (pattern.exec(text)) {
    count++;
    if (count > maxMultipartDepth) break;
  }
  return count;
}

function headerBlockOf(raw: Buffer): Buffer {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const head = end < 0 ? text : text.slice(0, end);
  const withoutType = head.replace(/^content-type:.*(\r?\n[ \t].*)*/gim, 'Content-Type: text/plain');
  return Buffer.from(`${withoutType}\r\n\r\n`, 'latin1');
}
