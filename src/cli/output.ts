import pc from 'picocolors';

/**
 * How the CLI talks: tables and colour for people (colour only on a terminal), JSON with --json for scripts.
 * Everything goes through an Output so tests can capture it.
 */
export type Output = {
  readonly isJson: boolean;
  readonly color: boolean;
  line(text?: string): void;
  error(text: string): void;
  json(value: unknown): void;
};

export function createOutput(options: {
  json: boolean;
  /** NO_COLOR is set: no colour even on a terminal. */
  noColor?: boolean;
  stdout?: { write(text: string): unknown; isTTY?: boolean };
  stderr?: { write(text: string): unknown };
}): Output {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  return {
    isJson: options.json,
    color: Boolean(stdout.isTTY) && !options.noColor,
    line: (text = '') => stdout.write(`${text}\n`),
    error: (text) => stderr.write(`${text}\n`),
    json: (value) => stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  };
}

/**
 * A reader that closes the pipe early (`hearback export | head`) is not a failure: stop quietly with success,
 * as Unix tools do, instead of crashing on an unhandled EPIPE. Any other write error is still thrown.
 */
export function endQuietlyWhenPipeCloses(
  stream: NodeJS.EventEmitter,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    exit(0);
  });
}

export type Column<T> = {
  readonly header: string;
  readonly value: (row: T) => string;
  readonly max?: number;
};

/** A plain aligned table; cells are cut to their column's maximum width with an ellipsis. */
export function formatTable<T>(
  rows: readonly T[],
  columns: ReadonlyArray<Column<T>>,
  color: boolean,
): string {
  const cells = rows.map((row) => columns.map((c) => clip(oneLine(c.value(row)), c.max ?? 40)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]!.length)));
  const render = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const header = render(columns.map((c) => c.header));
  return [color ? pc.bold(header) : header, ...cells.map(render)].join('\n');
}

/** Key/value lines for one record. */
export function formatFields(
  fields: ReadonlyArray<readonly [string, string | null | undefined]>,
  color: boolean,
) {
  const width = Math.max(...fields.map(([k]) => k.length));
  return fields
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${color ? pc.dim(k.padEnd(width)) : k.padEnd(width)}  ${v}`)
    .join('\n');
}

/** The short reference the CLI shows for an id: its random tail, which the commands accept back. */
export function shortId(id: string): string {
  return id.slice(-6).toLowerCase();
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A formatter per time zone: making one costs about as much as listing a page of rows with it. */
function dateTimeFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(timeZone, format);
  }
  return format;
}

/**
 * Zones whose local time is UTC all year: their dates and times are read from the ISO form, with no `Intl`
 * formatter. The first formatter of a process costs about 12 ms of CPU (V8 builds its list of available
 * locales), more than the rest of printing a list (issue 12, item 11).
 */
const utcZones = new Set(['UTC', 'Etc/UTC']);

/** `YYYY-MM-DD HH:mm` in the time zone. */
export function localDateTime(instant: string | null, timeZone: string): string {
  if (!instant) return '';
  if (utcZones.has(timeZone)) {
    const iso = new Date(instant).toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  return dateTimeFormatIn(timeZone).format(new Date(instant)).replace(',', '');
}

export function localDay(instant: string | null, timeZone: string): string {
  return localDateTime(instant, timeZone).slice(0, 10);
}

// Control characters are shown as visible escapes so a hostile title cannot move the cursor or recolour
// the terminal when listed.
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) =>
    c === '\n' || c === '\t' ? ' ' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export function safeText(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/** The values an option takes, as its help shows them: `email | phone | linkedin`. */
export function choices(values: readonly string[]): string {
  return values.join(' | ');
}
