import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { id, instantOut, localDate } from './fields.js';

/**
 * The posting watch: re-checking a posting URL politely and turning what it finds into timeline events
 * (removed, expired, changed, reposted, restored) that feed the diagnosis. This module is pure: it holds the
 * state of one watched posting and decides, from one check's result, the next state, when to look again and
 * which event (if any) to record. Fetching is the PostingProbe port's job; storing, the service's.
 */

/** What hearback currently believes about the live posting. */
export const watchStates = ['pending', 'online', 'removed', 'expired'] as const;
export type WatchState = (typeof watchStates)[number];

export const atsVendors = ['greenhouse', 'lever', 'ashby'] as const;
export type WatchAtsVendor = (typeof atsVendors)[number];

/** Where the posting's content came from on the last successful read. */
export const contentSources = ['json-ld', 'readability', 'greenhouse', 'lever', 'ashby'] as const;
export type ContentSource = (typeof contentSources)[number];

/** A posting on an applicant tracking system, read through its public API rather than its page. */
export type AtsTarget = {
  readonly vendor: WatchAtsVendor;
  readonly board: string;
  readonly jobId: string;
  readonly region: 'global' | 'eu';
};

/** One watched posting: one per application with a posting URL. */
export type PostingWatch = {
  readonly applicationId: string;
  /** The application's posting URL when the watch was last synced with it. */
  readonly url: string;
  /** The ATS posting followed; after a re-post this is the new id, not the one in `url`. */
  readonly ats: AtsTarget | null;
  /** The host a check contacts (the ATS API host for ATS postings): the per-host rate limit counts by it. */
  readonly host: string;
  readonly state: WatchState;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly contentHash: string | null;
  /** The posting's title as last read, else the application's job title: re-posts are matched on it. */
  readonly title: string;
  readonly validThrough: string | null;
  readonly contentSource: ContentSource | null;
  readonly nextCheckAt: string;
  /** Failed checks in a row; 0 after any answer hearback could read. */
  readonly failures: number;
  readonly lastError: { readonly code: string; readonly message: string } | null;
  readonly lastCheckedAt: string | null;
  /** Bumped by every write, so a check whose watch changed meanwhile is discarded, never applied twice. */
  readonly revision: number;
};

/** What a page or an ATS API said about the posting, read and cleaned by the probe. */
export type ObservedPosting = {
  readonly source: ContentSource;
  readonly title: string | null;
  readonly descriptionText: string | null;
  readonly validThrough: string | null;
  /** The page says the job is closed ("no longer accepting applications") while still answering 200. */
  readonly isClosed: boolean;
};

/** A job listed on an ATS board, for telling a re-post (same title, new id) from a removal. */
export type BoardJob = { readonly id: string; readonly title: string; readonly url: string | null };

/**
 * One check of a posting as the probe saw it. `status` is the final HTTP status, or null when no answer
 * came (timeout, refused connection, a redirect loop, a page over the size limit). For an ATS posting whose
 * id is gone, `boardJobs` lists what the board still has (null when the board could not be read).
 */
export type PostingCheckResult = {
  readonly status: number | null;
  /** The Retry-After header as sent (seconds or an HTTP date). */
  readonly retryAfter: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly posting: ObservedPosting | null;
  readonly boardJobs: readonly BoardJob[] | null;
  readonly error: { readonly code: string; readonly message: string } | null;
};

/** What the probe needs to check one posting. */
export type PostingProbeTarget = {
  readonly url: string;
  readonly ats: AtsTarget | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
};

/**
 * The outside world of the watch: reading a posting URL (or its ATS API) with conditional requests. `check`
 * never throws for what a site answers or fails to answer: that is the result's `status` and `error`.
 */
export type PostingProbe = {
  /** The ATS posting behind a URL, if any, and the host a check of it contacts. */
  identify(url: string): { readonly ats: AtsTarget | null; readonly host: string };
  hostOf(target: Pick<PostingProbeTarget, 'url' | 'ats'>): string;
  check(target: PostingProbeTarget): Promise<PostingCheckResult>;
};

export type WatchPolicy = {
  /** How often a healthy posting is looked at. */
  readonly intervalHours: number;
  /** A new daily slot is never closer than this to the check that chose it. */
  readonly minGapHours: number;
  /** The wait after the first failure; it doubles with each failure in a row. */
  readonly backoffBaseMinutes: number;
  readonly maxBackoffHours: number;
};

export const defaultWatchPolicy: WatchPolicy = {
  intervalHours: 24,
  minGapHours: 12,
  backoffBaseMinutes: 60,
  maxBackoffHours: 7 * 24,
};

export type PostingChange = 'removed' | 'expired' | 'changed' | 'reposted' | 'restored';

export type WatchEvent = { readonly change: PostingChange; readonly detail: string };

export type WatchStep = {
  readonly watch: PostingWatch;
  readonly event: WatchEvent | null;
  /** The host asked hearback to slow down (429): other postings on it should wait until `nextCheckAt`. */
  readonly hostBusyUntil: string | null;
};

export type WatchContext = {
  readonly now: string;
  /** The user's local date today: a closing date before it has passed. */
  readonly today: string;
  /** The closing date saved with the application, used when the live posting gives none. */
  readonly snapshotValidThrough: string | null;
  readonly policy?: WatchPolicy;
};

const hourMs = 3_600_000;

/**
 * The next state of a watch after one check, when to check again, and the event to record. An event is
 * recorded only when the state it reports is new: a posting still gone stays quiet, a changed description
 * is reported once per change, and a failed check records nothing (it only moves the next check out).
 */
export function advancePostingWatch(
  watch: PostingWatch,
  result: PostingCheckResult,
  context: WatchContext,
): WatchStep {
  const policy = context.policy ?? defaultWatchPolicy;
  const base = { ...watch, lastCheckedAt: context.now, revision: watch.revision + 1 };
  const gone = goneReason(watch, result);

  if (gone === null && isFailure(result)) {
    const failures = watch.failures + 1;
    const backoffMs = errorBackoffMs(failures, policy);
    const retryAfterMs = parseRetryAfter(result.retryAfter, context.now);
    const waitMs = Math.min(Math.max(backoffMs, retryAfterMs ?? 0), policy.maxBackoffHours * hourMs);
    const nextCheckAt = new Date(Date.parse(context.now) + waitMs).toISOString();
    const failed: PostingWatch = {
      ...base,
      failures,
      lastError: result.error ?? { code: 'POSTING_FETCH_FAILED', message: `HTTP ${result.status}` },
      nextCheckAt,
    };
    return {
      ...expireIfDue(failed, context),
      hostBusyUntil: result.status === 429 ? nextCheckAt : null,
    };
  }

  const healthy: PostingWatch = {
    ...base,
    failures: 0,
    lastError: null,
    nextCheckAt: nextDailyCheck(context.now, watch.applicationId, policy),
  };

  if (gone !== null) {
    const repost = findRepost(watch, result);
    if (repost !== null && watch.ats !== null) {
      return {
        watch: {
          ...healthy,
          state: 'online',
          ats: { ...watch.ats, jobId: repost.id },
          title: repost.title,
          etag: null,
          lastModified: null,
          contentHash: null,
        },
        event: {
          change: 'reposted',
          detail: clip(
            `The same job, "${repost.title}", was posted again under a new id (${watch.ats.jobId} → ${repost.id})` +
              (repost.url ? `: ${repost.url}` : '.'),
          ),
        },
        hostBusyUntil: null,
      };
    }
    const removed: PostingWatch = { ...healthy, state: 'removed', etag: null, lastModified: null };
    return {
      watch: removed,
      event: watch.state === 'removed' ? null : { change: 'removed', detail: clip(gone) },
      hostBusyUntil: null,
    };
  }

  if (result.status === 304 || result.posting === null) {
    return { ...expireIfDue(healthy, context), hostBusyUntil: null };
  }

  const posting = result.posting;
  const title = posting.title ?? watch.title;
  const validThrough = posting.validThrough ?? watch.validThrough;
  const contentHash = hashPostingContent(title, posting.descriptionText);
  const read: PostingWatch = {
    ...healthy,
    etag: result.etag,
    lastModified: result.lastModified,
    contentHash,
    title,
    validThrough,
    contentSource: posting.source,
  };
  const expiresOn = closingDateOf(read, context);
  const isExpired = expiresOn !== null && expiresOn < context.today;
  const state: WatchState = isExpired ? 'expired' : 'online';
  const next: PostingWatch = { ...read, state };
  const event = ((): WatchEvent | null => {
    if (watch.state === 'removed') {
      return isExpired
        ? { change: 'expired', detail: expiredDetail(expiresOn) }
        : { change: 'restored', detail: 'The posting is back online.' };
    }
    if (watch.state === 'expired' && !isExpired) {
      return {
        change: 'restored',
        detail: expiresOn
          ? `The posting is open again: its closing date is now ${expiresOn}.`
          : 'The posting is open again: it no longer gives a closing date.',
      };
    }
    if (watch.state !== 'expired' && isExpired)
      return { change: 'expired', detail: expiredDetail(expiresOn) };
    if (watch.contentHash !== null && watch.contentHash !== contentHash) {
      return { change: 'changed', detail: changeDetail(watch.title, title) };
    }
    return null;
  })();
  return { watch: next, event, hostBusyUntil: null };
}

/** Why the posting counts as gone, in words for the timeline; null when it does not. */
function goneReason(watch: PostingWatch, result: PostingCheckResult): string | null {
  if (result.status === 404 || result.status === 410) {
    if (watch.ats !== null) return `${vendorName(watch.ats.vendor)} no longer lists this job.`;
    return `The posting page answered ${result.status} (${result.status === 404 ? 'not found' : 'gone'}).`;
  }
  if (result.error !== null) return null;
  if (watch.ats !== null && result.status === 200 && result.posting === null && result.boardJobs !== null) {
    return `${vendorName(watch.ats.vendor)} no longer lists this job.`;
  }
  const posting = result.posting;
  if (posting === null) return null;
  if (posting.isClosed) return 'The posting page says it is no longer accepting applications.';
  if (watch.contentSource === 'json-ld' && posting.source === 'readability') {
    return 'The page no longer describes the job (its structured posting data is gone).';
  }
  return null;
}

function isFailure(result: PostingCheckResult): boolean {
  if (result.error !== null) return true;
  if (result.status === null) return true;
  if (result.status === 304) return false;
  return result.status < 200 || result.status >= 300;
}

/** The same title, normalised, under an id other than the one followed: the employer posted it again. */
function findRepost(watch: PostingWatch, result: PostingCheckResult): BoardJob | null {
  if (watch.ats === null || result.boardJobs === null) return null;
  const wanted = normalizeTitle(watch.title);
  if (wanted === '') return null;
  const current = watch.ats.jobId.toLowerCase();
  return (
    result.boardJobs.find(
      (job) => job.id.toLowerCase() !== current && normalizeTitle(job.title) === wanted,
    ) ?? null
  );
}

/** The closing date passing is a fact of the calendar: it is recorded even when the site cannot be read. */
function expireIfDue(watch: PostingWatch, context: WatchContext): Omit<WatchStep, 'hostBusyUntil'> {
  const expiresOn = closingDateOf(watch, context);
  if (
    watch.state === 'removed' ||
    watch.state === 'expired' ||
    expiresOn === null ||
    expiresOn >= context.today
  ) {
    return { watch, event: null };
  }
  return {
    watch: { ...watch, state: 'expired' },
    event: { change: 'expired', detail: expiredDetail(expiresOn) },
  };
}

function closingDateOf(watch: PostingWatch, context: WatchContext): string | null {
  return watch.validThrough ?? context.snapshotValidThrough;
}

function expiredDetail(date: string | null): string {
  return `The posting's closing date, ${date}, has passed.`;
}

function changeDetail(before: string, after: string): string {
  return normalizeTitle(before) === normalizeTitle(after)
    ? 'The posting was edited: its description changed.'
    : clip(`The posting was edited: its title changed from "${before}" to "${after}".`);
}

function vendorName(vendor: WatchAtsVendor): string {
  return { greenhouse: 'Greenhouse', lever: 'Lever', ashby: 'Ashby' }[vendor];
}

/** Event details are short text on the timeline. */
function clip(text: string): string {
  return text.length <= 500 ? text : `${text.slice(0, 499)}…`;
}

/**
 * The first check's time for a new watch is now; after that, the next slot of the application's own time of
 * day (derived from its id, so checks spread over the day and a restart changes nothing) at least
 * `minGapHours` away: a check a little late does not drift the schedule, and checks stay a day apart.
 */
export function nextDailyCheck(
  now: string,
  applicationId: string,
  policy: WatchPolicy = defaultWatchPolicy,
): string {
  const periodMs = policy.intervalHours * hourMs;
  const offsetMs = jitterFraction(applicationId) * periodMs;
  const earliest = Date.parse(now) + policy.minGapHours * hourMs;
  const slot = Math.ceil((earliest - offsetMs) / periodMs) * periodMs + offsetMs;
  return new Date(Math.floor(slot / 1000) * 1000).toISOString();
}

/** The wait after `failures` failed checks in a row: the base, doubled each time, up to the maximum. */
export function errorBackoffMs(failures: number, policy: WatchPolicy = defaultWatchPolicy): number {
  const doublings = Math.min(Math.max(0, failures - 1), 30);
  return Math.min(policy.backoffBaseMinutes * 60_000 * 2 ** doublings, policy.maxBackoffHours * hourMs);
}

/** Retry-After as milliseconds from now: delay-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: string): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text), 365 * 86_400) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at) || !/[a-z]/i.test(text)) return null;
  return Math.max(0, at - Date.parse(now));
}

/** A stable number in [0, 1) from an id: the application's place in the day. */
export function jitterFraction(key: string): number {
  return (hash53(key) % 1_000_003) / 1_000_003;
}

/** Relative times pages print ("posted 3 days ago") change daily without the posting changing. */
const relativeTimes =
  /\b(?:(?:posted|updated|published|reposted)\s+)?(?:\d+|an?|one)\+?\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\b/gi;

/**
 * A fingerprint of what the posting says: its title and description as text, case, spacing, invisible
 * characters and relative times ("posted 2 days ago") left out, so only a real edit changes it.
 */
export function hashPostingContent(title: string, descriptionText: string | null): string {
  const normal = (text: string) =>
    text
      .normalize('NFKC')
      .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
      .replace(relativeTimes, ' ')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  const content = `${normal(title)}\n${normal(descriptionText ?? '')}`;
  const a = hash53(content, 0x9e3779b9).toString(16).padStart(14, '0');
  const b = hash53(content, 0x85ebca6b).toString(16).padStart(14, '0');
  return `${a}${b}`;
}

/** Titles compared for a re-post: case, accents' width forms, punctuation and spacing do not matter. */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();
}

/** cyrb53: a fast, well-mixed 53-bit string hash (not cryptographic; collisions only hide an edit). */
function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The user's local date at an instant, for comparing closing dates. */
export function localDateAt(now: string, timeZone: string): string {
  return Temporal.Instant.from(now).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** A new watch for an application's posting URL: nothing known yet, first check due now. */
export function startPostingWatch(input: {
  readonly applicationId: string;
  readonly url: string;
  readonly jobTitle: string;
  readonly ats: AtsTarget | null;
  readonly host: string;
  readonly now: string;
  readonly revision?: number;
}): PostingWatch {
  return {
    applicationId: input.applicationId,
    url: input.url,
    ats: input.ats,
    host: input.host,
    state: 'pending',
    etag: null,
    lastModified: null,
    contentHash: null,
    title: input.jobTitle,
    validThrough: null,
    contentSource: null,
    nextCheckAt: input.now,
    failures: 0,
    lastError: null,
    lastCheckedAt: null,
    revision: input.revision ?? 0,
  };
}

/** Why a watch is not being checked on schedule, if it is not. */
export const watchPauses = ['switched_off', 'application_ended'] as const;
export type WatchPause = (typeof watchPauses)[number];

export const postingWatchSchema = z
  .object({
    applicationId: id,
    url: z.string(),
    state: z
      .enum(watchStates)
      .describe(
        'pending: not checked yet; online; removed (gone, closed, or delisted); expired (closing date passed)',
      ),
    title: z.string(),
    ats: z
      .object({ vendor: z.enum(atsVendors), board: z.string(), jobId: z.string() })
      .nullable()
      .describe('the applicant tracking system posting followed, read through its public API'),
    validThrough: localDate.nullable(),
    lastCheckedAt: instantOut.nullable(),
    nextCheckAt: instantOut,
    failures: z.number().int().describe('failed checks in a row; each doubles the wait, up to 7 days'),
    lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
    pausedBecause: z
      .enum(watchPauses)
      .nullable()
      .describe('why scheduled checks are not running: the settings switch, or the application has ended'),
  })
  .meta({ id: 'PostingWatch' });

export type PostingWatchView = z.infer<typeof postingWatchSchema>;

export function viewPostingWatch(watch: PostingWatch, pausedBecause: WatchPause | null): PostingWatchView {
  return {
    applicationId: watch.applicationId,
    url: watch.url,
    state: watch.state,
    title: watch.title,
    ats: watch.ats && { vendor: watch.ats.vendor, board: watch.ats.board, jobId: watch.ats.jobId },
    validThrough: watch.validThrough,
    lastCheckedAt: watch.lastCheckedAt,
    nextCheckAt: watch.nextCheckAt,
    failures: watch.failures,
    lastError: watch.lastError,
    pausedBecause,
  };
}
