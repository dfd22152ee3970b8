import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { endQuietlyWhenPipeCloses, localDateTime, localDay } from './output.js';

/** What the CLI printed before UTC was read without Intl: the en-CA formatter, its comma removed. */
function withIntl(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(instant))
    .replace(',', '');
}

const instants = [
  '1970-01-01T00:00:00.000Z',
  '2026-03-29T00:59:59.999Z',
  '2026-03-29T01:00:00Z',
  '2026-06-30T23:30:00.5Z',
  '2026-12-31T23:59:59.999Z',
  '2024-02-29T12:00:00+05:30',
  '2100-12-31T23:59:00Z',
];

describe('local dates in the CLI', () => {
  it('prints UTC as the Intl formatter does, without one', () => {
    for (const zone of ['UTC', 'Etc/UTC']) {
      for (const instant of instants) {
        expect(localDateTime(instant, zone)).toBe(withIntl(instant, zone));
        expect(localDay(instant, zone)).toBe(withIntl(instant, zone).slice(0, 10));
      }
    }
    expect(localDateTime('2026-06-30T23:30:00Z', 'UTC')).toBe('2026-06-30 23:30');
  });

  it('prints other zones in their local time', () => {
    for (const zone of ['Europe/Berlin', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Kiritimati']) {
      for (const instant of instants) expect(localDateTime(instant, zone)).toBe(withIntl(instant, zone));
    }
    expect(localDateTime('2026-06-30T23:30:00Z', 'Europe/Berlin')).toBe('2026-07-01 01:30');
    expect(localDay('2026-06-30T23:30:00Z', 'America/New_York')).toBe('2026-06-30');
    expect(localDateTime(null, 'UTC')).toBe('');
  });
});

describe('a pipe closed early', () => {
  it('ends with success on EPIPE and still throws any other write error', () => {
    const stream = new EventEmitter();
    const exits: number[] = [];
    endQuietlyWhenPipeCloses(stream, (code) => exits.push(code));
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(exits).toEqual([0]);
    expect(() => stream.emit('error', Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toThrow(
      'no space',
    );
    expect(exits).toEqual([0]);
  });
});
