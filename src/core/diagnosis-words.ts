import { Temporal } from 'temporal-polyfill';
import { formatFullDate } from './date-words.js';
import type { Interview } from './interview.js';
import { roundNouns } from './labels.js';

/** How the diagnosis writes dates, counts and lists in its sentences; the same on every machine. */

/** "Tuesday 10 March 2026": spelled out so no reader mistakes day for month. */
export function formatDate(date: Temporal.PlainDate): string {
  return formatFullDate(date.toString());
}

/** The local calendar date an instant falls on in a time zone. */
export function localDateOf(instant: string, timeZone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(Date.parse(instant))
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
}

export function roundName(interview: Pick<Interview, 'round'>): string {
  return roundNouns[interview.round];
}

export function formatDays(days: number): string {
  return Number.isInteger(days) ? String(days) : days.toFixed(1);
}

export { plural } from './plural.js';

export function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
