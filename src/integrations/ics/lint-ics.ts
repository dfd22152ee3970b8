/**
 * Our own checker of the safe iCalendar profile (STACK.md) that the feed and the downloads follow. It is
 * stricter than RFC 5545 where the profile is (an allow-list of components and properties), so text that
 * smuggled a property or a component into the output is caught even when a parser would accept it.
 */
import { isRealDate } from './ics-date-values.js';

export type IcsRule =
  | 'line-ending'
  | 'line-length'
  | 'folding'
  | 'syntax'
  | 'nesting'
  | 'required'
  | 'uid-unique'
  | 'all-day-end'
  | 'end-before-start'
  | 'tzid'
  | 'value'
  | 'unexpected-component'
  | 'unexpected-property'
  | 'repeated-property';

export type IcsProblem = {
  readonly rule: IcsRule;
  /** The physical line (1-based) the problem starts on; 0 for the file as a whole. */
  readonly line: number;
  readonly message: string;
};

export type LintOptions = {
  /** Require METHOD:PUBLISH (the feed and downloads always carry it). Default true. */
  readonly requirePublish?: boolean;
  /** Require REFRESH-INTERVAL and X-PUBLISHED-TTL (the subscription feed). Default false. */
  readonly requireRefresh?: boolean;
};

const maxOctets = 75;

type Spec = {
  readonly children: readonly string[];
  readonly properties: readonly string[];
  readonly once: readonly string[];
  readonly required: readonly string[];
};

const specs: Readonly<Record<string, Spec>> = {
  VCALENDAR: {
    children: ['VEVENT', 'VTIMEZONE'],
    properties: [
      'VERSION',
      'PRODID',
      'METHOD',
      'CALSCALE',
      'NAME',
      'X-WR-CALNAME',
      'X-WR-CALDESC',
      'X-WR-TIMEZONE',
      'TIMEZONE-ID',
      'DESCRIPTION',
      'REFRESH-INTERVAL',
      'X-PUBLISHED-TTL',
      'URL',
      'SOURCE',
      'COLOR',
      'X-APPLE-CALENDAR-COLOR',
    ],
    once: [
      'VERSION',
      'PRODID',
      'METHOD',
      'CALSCALE',
      'NAME',
      'X-WR-CALNAME',
      'REFRESH-INTERVAL',
      'X-PUBLISHED-TTL',
    ],
    required: ['VERSION', 'PRODID'],
  },
  VEVENT: {
    children: ['VALARM'],
    properties: [
      'UID',
      'DTSTAMP',
      'DTSTART',
      'DTEND',
      'DURATION',
      'SEQUENCE',
      'SUMMARY',
      'DESCRIPTION',
      'LOCATION',
      'URL',
      'CREATED',
      'LAST-MODIFIED',
      'STATUS',
      'TRANSP',
      'CLASS',
      'CATEGORIES',
      'PRIORITY',
      'GEO',
      'ORGANIZER',
      'ATTENDEE',
      'CONTACT',
      'RECURRENCE-ID',
      'X-MICROSOFT-CDO-ALLDAYEVENT',
      'X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT',
      'X-MICROSOFT-CDO-BUSYSTATUS',
    ],
    once: [
      'UID',
      'DTSTAMP',
      'DTSTART',
      'DTEND',
      'DURATION',
      'SEQUENCE',
      'SUMMARY',
      'DESCRIPTION',
      'LOCATION',
      'URL',
      'CREATED',
      'LAST-MODIFIED',
      'STATUS',
      'TRANSP',
      'CLASS',
      'PRIORITY',
      'GEO',
      'ORGANIZER',
      'RECURRENCE-ID',
      'X-MICROSOFT-CDO-ALLDAYEVENT',
      'X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT',
    ],
    required: ['UID', 'DTSTAMP', 'DTSTART'],
  },
  VALARM: {
    children: [],
    properties: ['ACTION', 'TRIGGER', 'DESCRIPTION', 'SUMMARY', 'REPEAT', 'DURATION', 'ATTENDEE', 'ATTACH'],
    once: ['ACTION', 'TRIGGER', 'DESCRIPTION', 'SUMMARY', 'REPEAT', 'DURATION'],
    required: ['ACTION', 'TRIGGER'],
  },
  VTIMEZONE: {
    children: ['STANDARD', 'DAYLIGHT'],
    properties: ['TZID', 'LAST-MODIFIED', 'TZURL', 'X-LIC-LOCATION'],
    once: ['TZID', 'LAST-MODIFIED', 'TZURL'],
    required: ['TZID'],
  },
  STANDARD: observanceSpec(),
  DAYLIGHT: observanceSpec(),
};

function observanceSpec(): Spec {
  return {
    children: [],
    properties: ['DTSTART', 'TZOFFSETFROM', 'TZOFFSETTO', 'RRULE', 'RDATE', 'TZNAME', 'COMMENT'],
    once: ['DTSTART', 'TZOFFSETFROM', 'TZOFFSETTO', 'RRULE'],
    required: ['DTSTART', 'TZOFFSETFROM', 'TZOFFSETTO'],
  };
}

type ContentLine = {
  readonly line: number;
  readonly name: string;
  readonly params: ReadonlyMap<string, string>;
  readonly value: string;
};

type Node = {
  readonly name: string;
  readonly line: number;
  readonly properties: ContentLine[];
  readonly children: Node[];
};

export function lintIcs(input: string | Uint8Array, options: LintOptions = {}): IcsProblem[] {
  const problems: IcsProblem[] = [];
  const report = (rule: IcsRule, line: number, message: string) => problems.push({ rule, line, message });
  const text = typeof input === 'string' ? input : checkBytes(input, report);

  const physical = checkLineEndings(text, report);
  checkPhysicalLines(physical, typeof input === 'string', report);
  const root = buildTree(parseContentLines(physical, report), report);
  if (root) checkCalendar(root, options, report);
  return problems;
}

type Report = (rule: IcsRule, line: number, message: string) => void;

/** With bytes in hand, a fold that split a multi-byte sequence shows as a line that is not valid UTF-8. */
function checkBytes(bytes: Uint8Array, report: Report): string {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    const atEnd = i === bytes.length;
    if (!atEnd && bytes[i] !== 0x0a) continue;
    const end = !atEnd && i > start && bytes[i - 1] === 0x0d ? i - 1 : i;
    try {
      strict.decode(bytes.subarray(start, end));
    } catch {
      report('folding', line, 'the line is not valid UTF-8 on its own: a fold split a multi-byte character');
    }
    start = i + 1;
    line++;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

function checkLineEndings(text: string, report: Report): string[] {
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] !== '\n') report('line-ending', line, 'a CR not followed by LF');
    if (c === '\n') {
      if (text[i - 1] !== '\r') report('line-ending', line, 'a bare LF; lines must end with CRLF');
      line++;
    }
  }
  if (text.length > 0 && !text.endsWith('\n')) {
    report('line-ending', line, 'the last line does not end with CRLF');
  }
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

const encoder = new TextEncoder();

function checkPhysicalLines(lines: readonly string[], isString: boolean, report: Report): void {
  lines.forEach((line, index) => {
    const number = index + 1;
    const octets = encoder.encode(line).length;
    if (octets > maxOctets) report('line-length', number, `${octets} octets; at most ${maxOctets} allowed`);
    if (!isString) return;
    const next = lines[index + 1];
    const continues = next !== undefined && (next.startsWith(' ') || next.startsWith('\t'));
    if (/[\uD800-\uDBFF]$/.test(line) || (continues && /^[ \t][\uDC00-\uDFFF]/.test(next))) {
      report('folding', number, 'a fold splits a surrogate pair, so the character cannot be encoded');
    } else if (continues && (line.endsWith('\uFFFD') || next.startsWith('\uFFFD', 1))) {
      report('folding', number, 'a replacement character at a fold: a multi-byte character was split');
    }
  });
}

const contentLinePattern =
  /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/s;
const paramPattern = /;([A-Za-z0-9-]+)=((?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)/g;
const controls = /[\u0000-\u0008\u000a-\u001f\u007f]/;

function parseContentLines(physical: readonly string[], report: Report): ContentLine[] {
  const unfolded: { line: number; text: string }[] = [];
  physical.forEach((text, index) => {
    const last = unfolded.at(-1);
    if ((text.startsWith(' ') || text.startsWith('\t')) && last) {
      last.text += text.slice(1);
    } else {
      unfolded.push({ line: index + 1, text });
    }
  });
  const result: ContentLine[] = [];
  for (const { line, text } of unfolded) {
    const match = contentLinePattern.exec(text);
    if (!match) {
      report('syntax', line, text === '' ? 'an empty line' : 'not a content line (NAME;PARAM=…:value)');
      continue;
    }
    const value = match[3] ?? '';
    if (controls.test(value)) report('syntax', line, 'a control character in the value');
    const params = new Map<string, string>();
    for (const p of (match[2] ?? '').matchAll(paramPattern)) {
      params.set((p[1] ?? '').toUpperCase(), (p[2] ?? '').replace(/^"|"$/g, ''));
    }
    result.push({ line, name: (match[1] ?? '').toUpperCase(), params, value });
  }
  return result;
}

function buildTree(lines: readonly ContentLine[], report: Report): Node | undefined {
  const stack: Node[] = [];
  let root: Node | undefined;
  for (const cl of lines) {
    const top = stack.at(-1);
    if (cl.name === 'BEGIN') {
      const node: Node = { name: cl.value.toUpperCase(), line: cl.line, properties: [], children: [] };
      if (top) top.children.push(node);
      else if (root) report('nesting', cl.line, `a second top-level component ${node.name}`);
      else root = node;
      stack.push(node);
    } else if (cl.name === 'END') {
      const name = cl.value.toUpperCase();
      if (!top) report('nesting', cl.line, `END:${name} without a matching BEGIN`);
      else if (top.name !== name) report('nesting', cl.line, `END:${name} closes BEGIN:${top.name}`);
      else stack.pop();
    } else if (!top) {
      report('nesting', cl.line, `${cl.name} outside any component`);
    } else {
      top.properties.push(cl);
    }
  }
  for (const open of stack) report('nesting', open.line, `BEGIN:${open.name} is never closed`);
  if (!root) report('required', 0, 'no VCALENDAR component');
  else if (root.name !== 'VCALENDAR') report('nesting', root.line, `the file starts with ${root.name}`);
  return root?.name === 'VCALENDAR' ? root : undefined;
}

function checkCalendar(root: Node, options: LintOptions, report: Report): void {
  checkComponent(root, report);
  const version = first(root, 'VERSION');
  if (version && version.value !== '2.0') report('value', version.line, 'VERSION must be 2.0');
  if (options.requirePublish ?? true) {
    const method = first(root, 'METHOD');
    if (method?.value.toUpperCase() !== 'PUBLISH') {
      report('required', method?.line ?? root.line, 'the calendar must say METHOD:PUBLISH');
    }
  }
  if (options.requireRefresh) {
    for (const name of ['REFRESH-INTERVAL', 'X-PUBLISHED-TTL']) {
      if (!first(root, name)) report('required', root.line, `the feed needs ${name}`);
    }
  }
  const zones = new Set(
    root.children.filter((c) => c.name === 'VTIMEZONE').map((c) => first(c, 'TZID')?.value ?? ''),
  );
  checkTzids(root, zones, report);
  const uids = new Map<string, number>();
  for (const event of root.children.filter((c) => c.name === 'VEVENT')) {
    const uid = first(event, 'UID');
    if (uid) {
      const key = `${uid.value}\u0000${first(event, 'RECURRENCE-ID')?.value ?? ''}`;
      const seen = uids.get(key);
      if (seen !== undefined) report('uid-unique', uid.line, `UID ${uid.value} already used on line ${seen}`);
      else uids.set(key, uid.line);
    }
    checkEventTimes(event, report);
  }
}

function checkComponent(node: Node, report: Report): void {
  const spec = specs[node.name];
  if (!spec) return;
  const counts = new Map<string, number>();
  for (const p of node.properties) {
    if (!spec.properties.includes(p.name)) {
      report('unexpected-property', p.line, `${p.name} is not part of the profile inside ${node.name}`);
    }
    const count = (counts.get(p.name) ?? 0) + 1;
    counts.set(p.name, count);
    if (count === 2 && spec.once.includes(p.name)) {
      report('repeated-property', p.line, `${p.name} may appear only once in ${node.name}`);
    }
  }
  for (const name of spec.required) {
    if (!counts.has(name)) report('required', node.line, `${node.name} has no ${name}`);
  }
  if (counts.has('DTEND') && counts.has('DURATION')) {
    report('repeated-property', node.line, `${node.name} has both DTEND and DURATION`);
  }
  for (const child of node.children) {
    if (!spec.children.includes(child.name)) {
      report('unexpected-component', child.line, `${child.name} is not allowed inside ${node.name}`);
    } else {
      checkComponent(child, report);
    }
  }
}

function checkTzids(node: Node, zones: ReadonlySet<string>, report: Report): void {
  if (node.name === 'VTIMEZONE') return;
  for (const p of node.properties) {
    const tzid = p.params.get('TZID');
    if (tzid !== undefined && !zones.has(tzid)) {
      report('tzid', p.line, `TZID=${tzid} has no VTIMEZONE with that TZID`);
    }
  }
  for (const child of node.children) checkTzids(child, zones, report);
}

const dateValue = /^\d{8}$/;
const dateTimeValue = /^\d{8}T\d{6}Z?$/;

function checkEventTimes(event: Node, report: Report): void {
  const stamp = first(event, 'DTSTAMP');
  if (stamp && (!/^\d{8}T\d{6}Z$/.test(stamp.value) || !isRealDate(stamp.value)))
    report('value', stamp.line, 'DTSTAMP must be a UTC date-time');
  const start = first(event, 'DTSTART');
  const end = first(event, 'DTEND');
  if (!start) return;
  const isAllDay = start.params.get('VALUE')?.toUpperCase() === 'DATE';
  const pattern = isAllDay ? dateValue : dateTimeValue;
  if (!pattern.test(start.value) || !isRealDate(start.value))
    report('value', start.line, `DTSTART ${start.value} is not a valid value`);
  if (!end) return;
  if (isAllDay) {
    if (end.params.get('VALUE')?.toUpperCase() !== 'DATE' || !dateValue.test(end.value)) {
      report('all-day-end', end.line, 'an all-day event must end with a DATE DTEND');
    } else if (end.value <= start.value) {
      report('all-day-end', end.line, 'an all-day DTEND is exclusive: it must be after DTSTART');
    }
    return;
  }
  if (!dateTimeValue.test(end.value) || !isRealDate(end.value)) {
    report('value', end.line, `DTEND ${end.value} is not a valid value`);
    return;
  }
  const sameZone =
    start.params.get('TZID') === end.params.get('TZID') &&
    start.value.endsWith('Z') === end.value.endsWith('Z');
  if (sameZone && end.value < start.value) report('end-before-start', end.line, 'DTEND is before DTSTART');
}

function first(node: Node, name: string): ContentLine | undefined {
  return node.properties.find((p) => p.name === name);
}
