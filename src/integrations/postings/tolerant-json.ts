/**
 * JSON as pages really ship it inside `<script type="application/ld+json">`: wrapped in HTML comments or
 * CDATA, with `//` and `/* *\/` comments, raw newlines and tabs inside strings, and trailing commas. Strict
 * JSON is tried first; the repair runs only when that fails. Nesting is checked before parsing so that a
 * hostile document cannot make any later walk expensive.
 */
export type TolerantJsonResult =
  | { readonly ok: true; readonly value: unknown; readonly repaired: boolean }
  | { readonly ok: false; readonly reason: string };

export const defaultMaxJsonDepth = 64;

export function parseTolerantJson(
  text: string,
  options: { readonly maxDepth?: number } = {},
): TolerantJsonResult {
  const maxDepth = options.maxDepth ?? defaultMaxJsonDepth;
  const unwrapped = unwrap(text);
  if (unwrapped === '') return { ok: false, reason: 'it is empty' };
  const depth = measureDepth(unwrapped, maxDepth);
  if (depth > maxDepth) return { ok: false, reason: `it is nested deeper than ${maxDepth} levels` };
  try {
    return { ok: true, value: JSON.parse(unwrapped), repaired: false };
  } catch {
    // Not strict JSON: fall through to the repair.
  }
  try {
    return { ok: true, value: JSON.parse(repairJson(unwrapped)), repaired: true };
  } catch (error) {
    return { ok: false, reason: `it is not valid JSON (${(error as Error).message.slice(0, 120)})` };
  }
}

function unwrap(text: string): string {
  let t = text.replace(/^\uFEFF/, '').trim();
  t = t.replace(/^<!--/, '').replace(/-->$/, '').trim();
  t = t
    .replace(/^(?:\/\/|\/\*)?\s*<!\[CDATA\[(?:\s*\*\/)?/, '')
    .replace(/(?:\/\/|\/\*)?\s*\]\]>(?:\s*\*\/)?$/, '')
    .trim();
  return t.replace(/;$/, '').trim();
}

/** The deepest bracket nesting outside strings, counting stops once past `limit`. */
function measureDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

const escapes: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};
const validEscape = /["\\/bfnrtu]/;

/** One pass: drops comments and trailing commas outside strings, escapes raw control characters inside them. */
export function repairJson(text: string): string {
  const out: string[] = [];
  let inString = false;
  let pendingComma = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') {
        const next = text[i + 1] ?? '';
        if (validEscape.test(next)) out.push(ch, next);
        else out.push(next === '' ? '\\\\' : next);
        i += 2;
        continue;
      }
      if (ch === '"') inString = false;
      const code = ch.charCodeAt(0);
      if (code < 0x20) out.push(escapes[ch] ?? `\\u${code.toString(16).padStart(4, '0')}`);
      else out.push(ch);
      i++;
      continue;
    }
    if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      continue;
    }
    if (/\s/.test(ch)) {
      out.push(ch);
      i++;
      continue;
    }
    if (pendingComma) {
      if (ch !== '}' && ch !== ']') out.push(',');
      pendingComma = false;
    }
    if (ch === ',') pendingComma = true;
    else {
      if (ch === '"') inString = true;
      out.push(ch);
    }
    i++;
  }
  if (pendingComma) out.push(',');
  return out.join('');
}
