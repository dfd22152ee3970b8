import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advancePostingWatch,
  type BoardJob,
  errorBackoffMs,
  hashPostingContent,
  jitterFraction,
  nextDailyCheck,
  type ObservedPosting,
  type PostingCheckResult,
  type PostingWatch,
  parseRetryAfter,
  startPostingWatch,
  type WatchContext,
} from './posting-watch.js';

const hour = 3_600_000;
const now = '2026-03-02T10:00:00.000Z';
const context: WatchContext = { now, today: '2026-03-02', snapshotValidThrough: null };

const pageWatch = (overrides: Partial<PostingWatch> = {}): PostingWatch => ({
  ...startPostingWatch({
    applicationId: '01HWATCH0000000000000000AA',
    url: 'https://careers.example.com/jobs/1',
    jobTitle: 'Backend Engineer',
    ats: null,
    host: 'careers.example.com',
    now,
  }),
  ...overrides,
});

const atsWatch = (overrides: Partial<PostingWatch> = {}): PostingWatch =>
  pageWatch({
    url: 'https://boards.greenhouse.io/woodgrove/jobs/111',
    ats: { vendor: 'greenhouse', board: 'woodgrove', jobId: '111', region: 'global' },
    host: 'boards-api.greenhouse.io',
    ...overrides,
  });

const posting = (overrides: Partial<ObservedPosting> = {}): ObservedPosting => ({
  source: 'json-ld',
  title: 'Backend Engineer',
  descriptionText: 'Build APIs in TypeScript.',
  validThrough: null,
  isClosed: false,
  ...overrides,
});

const answer = (overrides: Partial<PostingCheckResult> = {}): PostingCheckResult => ({
  status: 200,
  retryAfter: null,
  etag: null,
  lastModified: null,
  posting: posting(),
  boardJobs: null,
  error: null,
  ...overrides,
});

const gone = (status = 404, boardJobs: BoardJob[] | null = null) =>
  answer({ status, posting: null, boardJobs });
const failed = (status: number | null, retryAfter: string | null = null) =>
  answer({
    status,
    retryAfter,
    posting: null,
    error: { code: 'POSTING_FETCH_FAILED', message: `HTTP ${status}` },
  });

/** Runs checks in order, as the service would, and returns every step. */
function run(start: PostingWatch, results: PostingCheckResult[], ctx: WatchContext = context) {
  let watch = start;
  return results.map((result) => {
    const step = advancePostingWatch(watch, result, ctx);
    watch = step.watch;
    return step;
  });
}

describe('advancePostingWatch', () => {
  it('records nothing on the first reading of a posting, and keeps its validators and fingerprint', () => {
    const step = advancePostingWatch(
      pageWatch(),
      answer({ etag: '"a"', lastModified: 'Mon, 02 Mar 2026' }),
      context,
    );
    expect(step.event).toBeNull();
    expect(step.watch).toMatchObject({
      state: 'online',
      etag: '"a"',
      lastModified: 'Mon, 02 Mar 2026',
      contentHash: hashPostingContent('Backend Engineer', 'Build APIs in TypeScript.'),
      contentSource: 'json-ld',
      failures: 0,
      lastError: null,
      lastCheckedAt: now,
      revision: 1,
    });
  });

  it('records a changed description once, and not for the same content again', () => {
    const steps = run(pageWatch(), [
      answer(),
      answer({ posting: posting({ descriptionText: 'Build APIs in Go.' }) }),
      answer({ posting: posting({ descriptionText: 'Build APIs in Go.' }) }),
    ]);
    expect(steps.map((s) => s.event?.change ?? null)).toEqual([null, 'changed', null]);
    expect(steps[1]!.event!.detail).toBe('The posting was edited: its description changed.');
  });

  it('names the old and new title when the title changed', () => {
    const steps = run(pageWatch(), [
      answer(),
      answer({ posting: posting({ title: 'Senior Backend Engineer' }) }),
    ]);
    expect(steps[1]!.event).toEqual({
      change: 'changed',
      detail:
        'The posting was edited: its title changed from "Backend Engineer" to "Senior Backend Engineer".',
    });
    expect(steps[1]!.watch.title).toBe('Senior Backend Engineer');
  });

  it('does not take spacing, case, invisible characters or "posted 3 days ago" for an edit', () => {
    const steps = run(pageWatch(), [
      answer({ posting: posting({ descriptionText: 'Posted 2 days ago. Build  APIs in TypeScript.' }) }),
      answer({
        posting: posting({ descriptionText: 'posted 3 days ago. build APIs\u200b in\nTypeScript.' }),
      }),
    ]);
    expect(steps[1]!.event).toBeNull();
  });

  it('records a page answering 404 or 410 as removed once, however many times it is checked', () => {
    const steps = run(pageWatch(), [answer(), gone(404), gone(410), gone(404)]);
    expect(steps.map((s) => s.event?.change ?? null)).toEqual([null, 'removed', null, null]);
    expect(steps[1]!.event!.detail).toBe('The posting page answered 404 (not found).');
    expect(steps[3]!.watch.state).toBe('removed');
  });

  it('forgets the validators of a removed page, so its return is read in full', () => {
    const step = run(pageWatch(), [answer({ etag: '"a"' }), gone(410)])[1]!;
    expect(step.watch).toMatchObject({ state: 'removed', etag: null, lastModified: null });
    expect(step.event!.detail).toBe('The posting page answered 410 (gone).');
  });

  it('records a page back after removal as restored, once', () => {
    const steps = run(pageWatch(), [answer(), gone(), answer(), answer()]);
    expect(steps.map((s) => s.event?.change ?? null)).toEqual([null, 'removed', 'restored', null]);
    expect(steps[2]!.watch.state).toBe('online');
  });

  it('records a page that still answers but says it is closed as removed', () => {
    const steps = run(pageWatch(), [answer(), answer({ posting: posting({ isClosed: true }) })]);
    expect(steps[1]!.event).toEqual({
      change: 'removed',
      detail: 'The posting page says it is no longer accepting applications.',
    });
  });

  it('records a page whose structured posting disappeared as removed, and its return as restored', () => {
    const steps = run(pageWatch(), [
      answer(),
      answer({ posting: posting({ source: 'readability', title: 'Careers at Example' }) }),
      answer({ posting: posting({ source: 'readability', title: 'Careers at Example' }) }),
      answer(),
    ]);
    expect(steps.map((s) => s.event?.change ?? null)).toEqual([null, 'removed', null, 'restored']);
    expect(steps[1]!.event!.detail).toBe(
      'The page no longer describes the job (its structured posting data is gone).',
    );
  });

  it('never takes a page that never had structured data for removed because it has none', () => {
    const readable = answer({ posting: posting({ source: 'readability' }) });
    expect(run(pageWatch(), [readable, readable]).map((s) => s.event)).toEqual([null, null]);
  });

  it('records a passed closing date as expired once, from the live posting', () => {
    const live = answer({ posting: posting({ validThrough: '2026-03-01' }) });
    const steps = run(pageWatch(), [live, live]);
    expect(steps.map((s) => s.event?.change ?? null)).toEqual(['expired', null]);
    expect(steps[0]!.event!.detail).toBe("The posting's closing date, 2026-03-01, has passed.");
    expect(steps[0]!.watch.state).toBe('expired');
  });

  it('keeps a posting closing today online', () => {
    const step = advancePostingWatch(
      pageWatch(),
      answer({ posting: posting({ validThrough: '2026-03-02' }) }),
      context,
    );
    expect(step.watch.state).toBe('online');
    expect(step.event).toBeNull();
  });

  it('uses the closing date saved with the application when the live posting gives none', () => {
    const step = advancePostingWatch(pageWatch(), answer(), {
      ...context,
      snapshotValidThrough: '2026-02-20',
    });
    expect(step.event).toEqual({
      change: 'expired',
      detail: "The posting's closing date, 2026-02-20, has passed.",
    });
  });

  it('records the closing date passing even when the site cannot be read', () => {
    const steps = run(pageWatch(), [failed(503), failed(503)], {
      ...context,
      snapshotValidThrough: '2026-02-20',
    });
    expect(steps.map((s) => s.event?.change ?? null)).toEqual(['expired', null]);
    expect(steps[1]!.watch.failures).toBe(2);
  });

  it('records an extended closing date as restored', () => {
    const steps = run(pageWatch(), [
      answer({ posting: posting({ validThrough: '2026-03-01' }) }),
      answer({ posting: posting({ validThrough: '2026-04-30' }) }),
    ]);
    expect(steps[1]!.event).toEqual({
      change: 'restored',
      detail: 'The posting is open again: its closing date is now 2026-04-30.',
    });
    expect(steps[1]!.watch.state).toBe('online');
  });

  it('reports removed, not expired, for a gone posting past its date, and expired when it comes back', () => {
    const ctx = { ...context, snapshotValidThrough: '2026-02-20' };
    const steps = run(pageWatch({ state: 'online', validThrough: null }), [gone(), answer()], ctx);
    expect(steps.map((s) => s.event?.change ?? null)).toEqual(['removed', 'expired']);
  });

  it('keeps everything on 304 Not Modified and schedules the next daily check', () => {
    const online = run(pageWatch(), [answer({ etag: '"a"' })])[0]!.watch;
    const step = advancePostingWatch(online, answer({ status: 304, posting: null, etag: '"a"' }), context);
    expect(step.event).toBeNull();
    expect(step.watch).toMatchObject({
      state: 'online',
      etag: '"a"',
      contentHash: online.contentHash,
      failures: 0,
    });
    expect(step.watch.nextCheckAt).toBe(nextDailyCheck(now, online.applicationId));
  });

  it('backs off on server errors, doubling the wait each time up to seven days, and records nothing', () => {
    const steps = run(
      pageWatch(),
      Array.from({ length: 10 }, () => failed(503)),
    );
    const waits = steps.map((s) => (Date.parse(s.watch.nextCheckAt) - Date.parse(now)) / hour);
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 168, 168]);
    expect(steps.every((s) => s.event === null)).toBe(true);
    expect(steps[9]!.watch).toMatchObject({
      failures: 10,
      state: 'pending',
      lastError: { code: 'POSTING_FETCH_FAILED', message: 'HTTP 503' },
    });
  });

  it('treats a network failure (no status) like a server error', () => {
    const step = advancePostingWatch(
      pageWatch(),
      answer({ status: null, posting: null, error: { code: 'POSTING_TOO_MANY_REDIRECTS', message: 'loop' } }),
      context,
    );
    expect(step.watch).toMatchObject({ failures: 1, lastError: { code: 'POSTING_TOO_MANY_REDIRECTS' } });
    expect(step.event).toBeNull();
  });

  it('waits as long as a 429 asks when that is longer than the back-off, and marks the host busy', () => {
    const step = advancePostingWatch(pageWatch(), failed(429, '7200'), context);
    expect(step.watch.nextCheckAt).toBe('2026-03-02T12:00:00.000Z');
    expect(step.hostBusyUntil).toBe('2026-03-02T12:00:00.000Z');
    const short = advancePostingWatch(pageWatch(), failed(429, '5'), context);
    expect(short.watch.nextCheckAt).toBe('2026-03-02T11:00:00.000Z');
  });

  it('caps a Retry-After far in the future at seven days', () => {
    const step = advancePostingWatch(pageWatch(), failed(429, 'Wed, 01 Jan 2031 00:00:00 GMT'), context);
    expect(step.watch.nextCheckAt).toBe('2026-03-09T10:00:00.000Z');
  });

  it('goes back to the daily schedule and clears the error after a failure', () => {
    const steps = run(pageWatch(), [failed(500), failed(500), answer()]);
    expect(steps[2]!.watch).toMatchObject({ failures: 0, lastError: null, state: 'online' });
    expect(steps[2]!.watch.nextCheckAt).toBe(nextDailyCheck(now, pageWatch().applicationId));
  });

  it('records the same title under a new id on the ATS board as reposted, and follows the new id', () => {
    const board: BoardJob[] = [
      { id: '222', title: 'Backend  engineer', url: 'https://boards.greenhouse.io/woodgrove/jobs/222' },
      { id: '333', title: 'Designer', url: null },
    ];
    const steps = run(atsWatch(), [
      answer({ posting: posting({ source: 'greenhouse' }) }),
      gone(404, board),
      answer(),
    ]);
    expect(steps[1]!.event).toEqual({
      change: 'reposted',
      detail:
        'The same job, "Backend  engineer", was posted again under a new id (111 → 222): https://boards.greenhouse.io/woodgrove/jobs/222',
    });
    expect(steps[1]!.watch).toMatchObject({
      state: 'online',
      ats: { vendor: 'greenhouse', board: 'woodgrove', jobId: '222' },
      contentHash: null,
    });
    expect(steps[2]!.event).toBeNull();
  });

  it('records an ATS job gone from a board with no job of that title as removed', () => {
    const steps = run(atsWatch(), [answer(), gone(404, [{ id: '9', title: 'Designer', url: null }])]);
    expect(steps[1]!.event).toEqual({ change: 'removed', detail: 'Greenhouse no longer lists this job.' });
  });

  it('records an Ashby job missing from its board (a 200 answer) as removed', () => {
    const ashby = atsWatch({ ats: { vendor: 'ashby', board: 'kovo', jobId: 'abc', region: 'global' } });
    const steps = run(ashby, [answer(), answer({ posting: null, boardJobs: [] })]);
    expect(steps[1]!.event).toEqual({ change: 'removed', detail: 'Ashby no longer lists this job.' });
  });

  it('never records the same change twice in a row without the state moving in between', () => {
    const results = fc.constantFrom<PostingCheckResult>(
      answer(),
      answer({ posting: posting({ descriptionText: 'Other text' }) }),
      answer({ posting: posting({ validThrough: '2026-03-01' }) }),
      answer({ posting: posting({ isClosed: true }) }),
      answer({ status: 304, posting: null }),
      gone(404),
      gone(404, [{ id: '222', title: 'Backend Engineer', url: null }]),
      failed(503),
      failed(429, '60'),
    );
    fc.assert(
      fc.property(fc.boolean(), fc.array(results, { maxLength: 30 }), (isAts, sequence) => {
        let watch = isAts ? atsWatch() : pageWatch();
        for (const result of sequence) {
          const before = watch;
          const step = advancePostingWatch(watch, result, context);
          watch = step.watch;
          const change = step.event?.change;
          if (change === 'removed') expect(before.state).not.toBe('removed');
          if (change === 'expired') expect(before.state).not.toBe('expired');
          if (change === 'restored') expect(['removed', 'expired']).toContain(before.state);
          if (change === 'changed') expect(before.contentHash).not.toBe(watch.contentHash);
          if (step.event === null && watch.state !== before.state) {
            expect(['pending']).toContain(before.state);
          }
          expect(watch.revision).toBe(before.revision + 1);
        }
      }),
    );
  });
});

describe('nextDailyCheck', () => {
  it('checks each application at its own time of day, a day apart', () => {
    const id = '01HWATCH0000000000000000AA';
    const first = nextDailyCheck(now, id);
    const second = nextDailyCheck(first, id);
    expect(Date.parse(second) - Date.parse(first)).toBe(24 * hour);
    expect(Date.parse(first) - Date.parse(now)).toBeGreaterThanOrEqual(12 * hour);
  });

  it('keeps the schedule when a check runs a little late', () => {
    const id = '01HWATCH0000000000000000AB';
    const slot = nextDailyCheck(now, id);
    const late = new Date(Date.parse(slot) + 20 * 60_000).toISOString();
    expect(Date.parse(nextDailyCheck(late, id)) - Date.parse(slot)).toBe(24 * hour);
  });

  it('lands between 12 and 36 hours ahead, at a time of day fixed by the id', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2035-01-01') }),
        fc.string({ minLength: 1, maxLength: 30 }),
        (at, id) => {
          const from = new Date(at).toISOString();
          const next = Date.parse(nextDailyCheck(from, id));
          expect(next - at).toBeGreaterThanOrEqual(12 * hour - 1000);
          expect(next - at).toBeLessThan(36 * hour);
          const timeOfDay = Math.floor((jitterFraction(id) * 86_400_000) / 1000) * 1000;
          expect(Math.abs((next % 86_400_000) - timeOfDay)).toBeLessThanOrEqual(1000);
        },
      ),
    );
  });

  it('spreads applications over the day', () => {
    const hours = new Set(
      Array.from({ length: 200 }, (_, i) => new Date(nextDailyCheck(now, `app-${i}`)).getUTCHours()),
    );
    expect(hours.size).toBeGreaterThanOrEqual(20);
  });
});

describe('errorBackoffMs and parseRetryAfter', () => {
  it('doubles from an hour and stops at seven days', () => {
    expect([1, 2, 3, 8, 9, 50].map((n) => errorBackoffMs(n) / hour)).toEqual([1, 2, 4, 128, 168, 168]);
  });

  it('reads Retry-After as seconds or as an HTTP date, and ignores anything else', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:30:00 GMT', now)).toBe(30 * 60_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('2026', now)).toBe(2_026_000);
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
