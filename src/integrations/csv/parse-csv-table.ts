import Papa from 'papaparse';
import {
  type CsvDelimiter,
  type CsvLimits,
  type CsvRecord,
  type CsvTable,
  csvDelimiters,
  defaultCsvLimits,
} from '../../core/csv-import.js';
import { AppError, fieldError } from '../../core/errors.js';

/**
 * Reads a CSV file as spreadsheets and trackers write it: UTF-8 (with or without BOM), UTF-16 from Excel's
 * "Unicode text", or Windows-1252 from older Excel; comma, semicolon, tab or pipe separated (detected from
 * the header, or Excel's `sep=;` first line); quoted cells may hold newlines. Blank lines are skipped but
 * still counted, so row numbers match what a spreadsheet shows. Binary files and oversized files are
 * refused with an error naming `file`.
 */
export function parseCsvTable(input: string | Uint8Array, limits: CsvLimits = defaultCsvLimits): CsvTable {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > limits.maxBytes) {
    const message = `the CSV file is ${formatMegabytes(size, 'up')}; the limit is ${formatMegabytes(limits.maxBytes)}`;
    throw new AppError('BODY_TOO_LARGE', `file: ${message}`, {
      issues: [{ field: 'file', message }],
      limit: limits.maxBytes,
    });
  }
  const { text: decoded, encoding } = decode(input);
  assertLooksLikeText(decoded);
  let text = decoded.startsWith('\uFEFF') ? decoded.slice(1) : decoded;
  let declared: CsvDelimiter | null = null;
  const sepLine = /^sep=(.)\r?\n/i.exec(text);
  if (sepLine && csvDelimiters.includes(sepLine[1] as CsvDelimiter)) {
    declared = sepLine[1] as CsvDelimiter;
    text = text.slice(sepLine[0].length);
  }
  const delimiter = declared ?? detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const quoteError = parsed.errors.find((error) => error.type === 'Quotes');
  if (quoteError) {
    throw fieldError('file', `line ${lineAt(text, quoteError.index)}: ${describeQuoteError(quoteError)}`);
  }
  const raw = parsed.data;
  const headerIndex = raw.findIndex((cells) => !isBlankRecord(cells));
  if (headerIndex === -1) throw fieldError('file', 'the CSV file is empty; it needs a header row');
  const headers = nameHeaders(raw[headerIndex]!);
  const records: CsvRecord[] = [];
  for (let i = headerIndex + 1; i < raw.length; i++) {
    const cells = raw[i]!;
    if (isBlankRecord(cells)) continue;
    records.push({ row: i + 1, cells });
  }
  if (records.length > limits.maxRows) {
    const message = `the CSV file has ${records.length} rows; the limit is ${limits.maxRows}`;
    throw new AppError('BODY_TOO_LARGE', `file: ${message}`, {
      issues: [{ field: 'file', message }],
      limitRows: limits.maxRows,
    });
  }
  return { delimiter, encoding, headers, records };
}

/** The separator used most often, outside quotes, on the first line; a comma when there is nothing to count. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(csvDelimiters.map((d) => [d, 0]));
  let isQuoted = false;
  let sawContent = false;
  for (let i = 0; i < text.length && i < 1_000_000; i++) {
    const c = text[i]!;
    if (c === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (c === '\n' || c === '\r')) {
      if (sawContent) break;
    } else if (!isQuoted && counts.has(c as CsvDelimiter)) {
      counts.set(c as CsvDelimiter, counts.get(c as CsvDelimiter)! + 1);
      sawContent = true;
    } else if (c.trim() !== '') sawContent = true;
  }
  let best: CsvDelimiter = ',';
  for (const d of csvDelimiters) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

function decode(input: string | Uint8Array): { text: string; encoding: CsvTable['encoding'] } {
  if (typeof input === 'string') return { text: input, encoding: 'utf-8' };
  const bytes = input;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Excel on Windows saves "CSV (Comma delimited)" in the ANSI code page, almost always 1252.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Text files have no NUL characters and very few control characters; images, archives and spreadsheets
 * saved as .xlsx have plenty. Checking a sample keeps this cheap on large files.
 */
function assertLooksLikeText(text: string): void {
  if (text.startsWith('PK\u0003\u0004')) throw notText('it is a ZIP archive (an .xlsx workbook?)');
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) throw notText('it contains NUL bytes');
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.01) throw notText('it is full of control characters');
}

function notText(why: string): AppError {
  return fieldError(
    'file',
    `this is not a CSV text file (${why}); save or export the sheet as CSV and try again`,
  );
}

function describeQuoteError(error: Papa.ParseError): string {
  return error.code === 'MissingQuotes'
    ? 'a quoted cell is never closed (a " is missing)'
    : 'a quoted cell has text after its closing quote (a " inside a quoted cell must be doubled: "")';
}

/** The 1-based line of a character offset, as an editor shows it. */
function lineAt(text: string, index: number | undefined): number {
  let line = 1;
  const end = Math.min(index ?? 0, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Header cells trimmed; empty ones named by position and repeated ones numbered, so every column has a name. */
function nameHeaders(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = cell.trim() === '' ? `Column ${index + 1}` : cell.trim();
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** A size in MB to one decimal; a file's size is rounded up, so one just over the limit never reads as the limit. */
function formatMegabytes(bytes: number, rounding: 'nearest' | 'up' = 'nearest'): string {
  const tenths = (bytes * 10) / (1024 * 1024);
  return `${((rounding === 'up' ? Math.ceil(tenths) : Math.round(tenths)) / 10).toFixed(1)} MB`;
}
