import { Temporal } from 'temporal-polyfill';
import { cleanIcsLine } from './ics-text.js';

/**
 * The properties whose values are DATE or DATE-TIME (RFC 5545 sections 3.8.2, 3.8.4.4, 3.8.5, 3.8.7), with
 * RDATE, which may also hold PERIODs, and TRIGGER, which holds a date-time only with VALUE=DATE-TIME.
 */
const dateProperties = new Set([
  'DTSTART',
  'DTEND',
  'DUE',
  'RECURRENCE-ID',
  'EXDATE',
  'RDATE',
  'DTSTAMP',
  'CREATED',
  'LAST-MODIFIED',
  'COMPLETED',
]);

export type ImpossibleDate = {
  /** The physical line (1-based) the property starts on. */
  readonly line: number;
  readonly property: string;
  readonly value: string;
};

const contentLine =
  /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:]*)(?:,(?:"[^"]*"|[^";:]*))*)*):(.*)$/s;
const dateOrDateTime = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/;

/**
 * The first date or date-time value in the file that does not name a real day and time, or null.
 * Parsers roll such values over without a word (ical.js reads 20260230 as 2 March), so they are found
 * in the text itself, where the line number is still known.
 */
export function findImpossibleDate(text: string): ImpossibleDate | null {
  const physical = text.split(/\r\n|\n|\r/);
  let start = 0;
  let logical = '';
  const check = (): ImpossibleDate | null => {
    const match = contentLine.exec(logical);
    if (!match) return null;
    const property = (match[1] ?? '').toUpperCase();
    const params = (match[2] ?? '').toUpperCase();
    const isDateTrigger = property === 'TRIGGER' && /;VALUE=DATE-TIME(?:;|$)/.test(params);
    if (!dateProperties.has(property) && !isDateTrigger) return null;
    const value = match[3] ?? '';
    for (const part of value.split(',')) {
      const [from, to] = part.split('/');
      const isPeriod = property === 'RDATE' && to !== undefined;
      const bad = !isRealDate(from ?? '') || (isPeriod && !/^[+-]?P/.test(to ?? '') && !isRealDate(to ?? ''));
      if (bad) return { line: start + 1, property, value: cleanIcsLine(value).slice(0, 100) };
    }
    return null;
  };
  for (let index = 0; index < physical.length; index++) {
    const line = physical[index] ?? '';
    if ((line.startsWith(' ') || line.startsWith('\t')) && index > 0) {
      logical += line.slice(1);
      continue;
    }
    const found = check();
    if (found) return found;
    start = index;
    logical = line;
  }
  return check();
}

/** A DATE (20260302) or DATE-TIME (20260302T100000, with or without Z) naming a real day and time. */
export function isRealDate(value: string): boolean {
  const match = dateOrDateTime.exec(value);
  if (!match) return false;
  try {
    Temporal.PlainDate.from(
      { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) },
      { overflow: 'reject' },
    );
  } catch {
    return false;
  }
  if (match[4] === undefined) return true;
  // A second of 60 is a leap second, which RFC 5545 allows.
  return Number(match[4]) <= 23 && Number(match[5]) <= 59 && Number(match[6]) <= 60;
}
