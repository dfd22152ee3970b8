/**
 * What user text may look like once it is inside an iCalendar TEXT value. RFC 5545 forbids control
 * characters other than HTAB, and several parsers split lines on more than CRLF (Unicode line and paragraph
 * separators, NEL, vertical tab, form feed), so any of those could start a forged property or component.
 * Line-like characters become a newline (escaped to `\n` by the writer); other controls and lone
 * surrogates, which have no UTF-8 encoding, are dropped.
 */
const lineBreaks = /\r\n|[\r\n\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/g;
const forbidden =
  /[\u0000-\u0008\u000e-\u001b\u001f\u007f-\u0084\u0086-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanIcsText(value: string): string {
  return value.replace(lineBreaks, '\n').replace(forbidden, '');
}

/** A TEXT value escaped per RFC 5545 section 3.3.11, for properties the writer library leaves unescaped. */
export function escapeIcsText(value: string): string {
  return cleanIcsText(value)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/** One line of plain text: every line break becomes a space (for titles and names). */
export function cleanIcsLine(value: string): string {
  return cleanIcsText(value).replace(/\n+/g, ' ').trim();
}

/**
 * An http(s) URL fit for a URI value, or null. The writer escapes `;` and `,` as if the value were TEXT,
 * which URI values do not allow, so they are percent-encoded first (equivalent for the links we emit).
 */
export function safeIcsUri(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href.replace(/;/g, '%3B').replace(/,/g, '%2C');
}

/**
 * Folds content lines as RFC 5545 section 3.1 asks: no line longer than 75 octets, breaks only between
 * characters (never inside a UTF-8 sequence or a surrogate pair). It breaks where ical-generator's own
 * foldLines does, byte for byte, but counts octets from code points instead of encoding every character,
 * which made folding most of the cost of a feed.
 */
export function foldIcsLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}

function foldLine(line: string): string {
  if (line.length <= 18 || (line.length <= 74 && /^[\u0000-\u007f]*$/.test(line))) return line;
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length; ) {
    const codePoint = line.codePointAt(i) ?? 0;
    const size = utf8Length(codePoint);
    octets += size;
    if (octets > 74) {
      parts.push(line.slice(start, i));
      start = i;
      octets = size;
    }
    i += codePoint > 0xffff ? 2 : 1;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}
