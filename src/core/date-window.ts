import { fieldError } from './errors.js';

/**
 * The dates hearback keeps: 1970-01-01 to 2100-12-31 (UTC). Every dated input is checked against this
 * window at the edge (see `instant` and `localDate` in fields.ts), so every stored instant is one that the
 * planner, the serialisers (JSON, CSV, ICS) and a backup restore all accept: a year like 9999 would let the
 * planner step into year 10000, which ISO 8601 text, and so every reader, refuses.
 */
export const firstDate = '1970-01-01';
export const lastDate = '2100-12-31';
export const earliestInstant = `${firstDate}T00:00:00.000Z`;
export const latestInstant = `${lastDate}T23:59:59.999Z`;

const earliestMs = Date.parse(earliestInstant);
const latestMs = Date.parse(latestInstant);

export const dateWindowMessage = `must be between ${firstDate} and ${lastDate}`;

/**
 * How far past the clock a "happened at" time may be: a phone's clock a little ahead of the server's is
 * not a mistake worth refusing.
 */
export const clockSkewMinutes = 5;

export function isInstantInWindow(value: string): boolean {
  const ms = Date.parse(value);
  return ms >= earliestMs && ms <= latestMs;
}

export function isLocalDateInWindow(value: string): boolean {
  return value >= firstDate && value <= lastDate && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/**
 * An instant moved into the window: what readers show for a row stored out of it by an older version
 * (or planned from a date at the window's edge), so no read, export or backup fails on it. Text that is
 * not a date at all reads as the window's start.
 */
export function clampInstant(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || ms < earliestMs) return earliestInstant;
  if (ms > latestMs) return latestInstant;
  return value;
}

/** A local date (YYYY-MM-DD) moved into the window, like `clampInstant`. */
export function clampLocalDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < firstDate) return firstDate;
  return value > lastDate ? lastDate : value;
}

/**
 * Refuses a "happened at" time in the future (beyond `clockSkewMinutes`): something done, skipped, sent,
 * received or reached cannot have happened later than now. `now` comes from the caller's clock.
 */
export function assertHappened(field: string, value: string | null | undefined, now: string): void {
  if (value == null) return;
  const limit = Date.parse(now) + clockSkewMinutes * 60_000;
  if (Date.parse(value) > limit) {
    throw fieldError(field, `must not be in the future (it is ${value}; now is ${now})`);
  }
}
