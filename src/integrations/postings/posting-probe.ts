import type {
  AtsTarget,
  BoardJob,
  ObservedPosting,
  PostingCheckResult,
  PostingProbe,
  PostingProbeTarget,
} from '../../core/posting-watch.js';
import { readAshbyPosting } from './ats/ashby-job.js';
import { type AtsApiBases, atsApiUrl, recognizeAtsUrl } from './ats/ats-reference.js';
import { readGreenhouseJob } from './ats/greenhouse-job.js';
import { readLeverPosting } from './ats/lever-posting.js';
import { defaultMaxPageChars, extractPosting } from './extract-posting.js';
import { type ExtractedPosting, finishPosting } from './extracted-posting.js';
import { type FetchedPosting, type FetchPostingOptions, fetchPosting } from './fetch-posting.js';
import { defaultMaxApiBytes } from './import-posting-from-url.js';
import { isPostingImportError } from './posting-import-error.js';
import { postingHostOf } from './posting-probe-on-use.js';
import { readLine, readString } from './posting-values.js';
import { defaultMaxJsonDepth, parseTolerantJson } from './tolerant-json.js';

/**
 * The PostingProbe port on our own fetcher and readers: a posting page is fetched with the validators of the
 * last answer and read like an import (JSON-LD first); a Greenhouse, Lever or Ashby posting is asked of the
 * vendor's public API, and when the job is gone its board is listed to tell a re-post from a removal.
 * Nothing else is contacted, and no private or local address unless `privateAddresses` allows it.
 */
export type PostingProbeOptions = Pick<
  FetchPostingOptions,
  'privateAddresses' | 'timeoutMs' | 'maxBytes' | 'maxRedirects' | 'resolveHost' | 'userAgent'
> & {
  /** Where the ATS APIs live; tests point these at a local server. */
  readonly atsApiBases?: AtsApiBases;
  readonly maxApiBytes?: number;
};

export function createPostingProbe(options: PostingProbeOptions = {}): PostingProbe {
  const hostOf = postingHostOf(options.atsApiBases);
  return {
    identify(url) {
      const ats = recognizeAtsUrl(url);
      return { ats, host: hostOf({ url, ats }) };
    },
    hostOf,
    check: (target) => (target.ats ? checkAts(target, target.ats, options) : checkPage(target, options)),
  };
}

const closedNotices = [
  /\bno longer accepting (?:applications|applicants|candidates)\b(?! from)/i,
  /\b(?:this|the) (?:job|position|posting|role|vacancy|opening|requisition) (?:is|has been) (?:closed|filled|removed|expired|archived)\b/i,
  /\b(?:this|the) (?:job|position|posting|role|vacancy|opening) (?:is )?no longer (?:available|open|active|online)\b/i,
  /\bapplications? (?:for this (?:job|position|role) )?(?:are|is|has been|have been) closed\b/i,
];

/** A page that still answers 200 but tells visitors the job is closed. */
export function hasClosedNotice(html: string): boolean {
  const text = html
    .slice(0, 512 * 1024)
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/gi, ' ')
    .replace(/\s+/g, ' ');
  return closedNotices.some((pattern) => pattern.test(text));
}

async function checkPage(
  target: PostingProbeTarget,
  options: PostingProbeOptions,
): Promise<PostingCheckResult> {
  const page = await fetchOrFailure(target.url, {
    ...fetchOptions(options),
    conditional: { etag: target.etag, lastModified: target.lastModified },
  });
  if ('failure' in page) return page.failure;
  if (page.status === 304) return answered(page, null, null);
  const mediaType = page.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  const maxChars = Math.max(options.maxBytes ?? 0, defaultMaxPageChars);
  const isJson = mediaType === 'application/json' || mediaType === 'application/ld+json';
  const html = isJson
    ? `<script type="application/ld+json">${page.body.replace(/<\//g, '<\\/')}</script>`
    : page.body;
  const extracted = readOrFailure(page, () =>
    extractPosting(html, { url: page.url, maxChars: maxChars + 64 }),
  );
  if ('failure' in extracted) return extracted.failure;
  const source = extracted.posting.source === 'json-ld' ? 'json-ld' : 'readability';
  return answered(page, observe(extracted.posting, source, !isJson && hasClosedNotice(page.body)), null);
}

async function checkAts(
  target: PostingProbeTarget,
  ats: AtsTarget,
  options: PostingProbeOptions,
): Promise<PostingCheckResult> {
  const ref = { ...ats };
  const apiOptions: FetchPostingOptions = {
    ...fetchOptions(options),
    accept: 'application/json',
    maxBytes: options.maxApiBytes ?? defaultMaxApiBytes,
  };
  const response = await fetchOrFailure(atsApiUrl(ref, options.atsApiBases), {
    ...apiOptions,
    conditional: { etag: target.etag, lastModified: target.lastModified },
  });
  if ('failure' in response) {
    if (response.failure.status !== 404 && response.failure.status !== 410) return response.failure;
    return { ...response.failure, boardJobs: await listBoard(ats, options, apiOptions) };
  }
  if (response.status === 304) return answered(response, null, null);
  const json = parseTolerantJson(response.body, { maxDepth: defaultMaxJsonDepth });
  if (!json.ok)
    return unreadable(response, `The ${ats.vendor} API answer could not be read: ${json.reason}.`);
  if (ats.vendor === 'ashby') {
    const jobs = boardJobsOf('ashby', json.value);
    if (jobs === null)
      return unreadable(response, 'The Ashby API answered something that is not a job board.');
    const job = jobsOf(json.value).find((j) => readString(j.id)?.toLowerCase() === ats.jobId.toLowerCase());
    if (!job) return answered(response, null, jobs);
    const read = readOrFailure(response, () => finishPosting(readAshbyPosting(job, ref)));
    return 'failure' in read ? read.failure : answered(response, observe(read.posting, 'ashby', false), null);
  }
  const read = readOrFailure(response, () =>
    finishPosting(
      ats.vendor === 'greenhouse' ? readGreenhouseJob(json.value, ref) : readLeverPosting(json.value, ref),
    ),
  );
  return 'failure' in read
    ? read.failure
    : answered(response, observe(read.posting, ats.vendor, false), null);
}

/** Every job the ATS board lists now; null when the board cannot be read. */
async function listBoard(
  ats: AtsTarget,
  options: PostingProbeOptions,
  apiOptions: FetchPostingOptions,
): Promise<BoardJob[] | null> {
  const jobUrl = new URL(atsApiUrl(ats, options.atsApiBases));
  if (ats.vendor === 'greenhouse') {
    jobUrl.pathname = jobUrl.pathname.replace(/\/jobs\/[^/]+$/, '/jobs');
    jobUrl.search = '';
  } else if (ats.vendor === 'lever') {
    jobUrl.pathname = jobUrl.pathname.replace(/\/[^/]+$/, '');
  }
  const board = await fetchOrFailure(jobUrl.href, apiOptions);
  if ('failure' in board) return null;
  const json = parseTolerantJson(board.body, { maxDepth: defaultMaxJsonDepth });
  return json.ok ? boardJobsOf(ats.vendor, json.value) : null;
}

function boardJobsOf(vendor: AtsTarget['vendor'], json: unknown): BoardJob[] | null {
  const list = vendor === 'lever' ? (Array.isArray(json) ? json : null) : jobsArray(json);
  if (list === null) return null;
  return list.flatMap((entry) => {
    const job = asObject(entry);
    if (job === null) return [];
    const id = job.id === undefined || job.id === null ? null : String(job.id);
    const title = readLine(vendor === 'lever' ? job.text : job.title);
    if (id === null || title === null) return [];
    const url = readString(
      vendor === 'greenhouse' ? job.absolute_url : vendor === 'lever' ? job.hostedUrl : job.jobUrl,
    );
    return [{ id, title, url }];
  });
}

function jobsArray(json: unknown): unknown[] | null {
  const jobs = asObject(json)?.jobs;
  return Array.isArray(jobs) ? jobs : null;
}

function jobsOf(json: unknown): Record<string, unknown>[] {
  return (jobsArray(json) ?? []).flatMap((j) => {
    const job = asObject(j);
    return job === null ? [] : [job];
  });
}

function observe(
  extracted: ExtractedPosting,
  source: ObservedPosting['source'],
  isClosed: boolean,
): ObservedPosting {
  return {
    source,
    title: extracted.jobTitle,
    descriptionText: extracted.posting.descriptionText ?? null,
    validThrough: extracted.posting.validThrough ?? null,
    isClosed,
  };
}

function fetchOptions(options: PostingProbeOptions): FetchPostingOptions {
  const { atsApiBases: _bases, maxApiBytes: _max, ...fetchOnly } = options;
  return fetchOnly;
}

type Failure = { readonly failure: PostingCheckResult };

/** What a site answers is data for the watch: only bugs of ours escape as exceptions. */
async function fetchOrFailure(url: string, options: FetchPostingOptions): Promise<FetchedPosting | Failure> {
  try {
    return await fetchPosting(url, options);
  } catch (error) {
    if (!isPostingImportError(error)) throw error;
    const details = error.details ?? {};
    const status = typeof details.status === 'number' ? details.status : null;
    const retryAfter = typeof details.retryAfter === 'string' ? details.retryAfter : null;
    const base = { status, retryAfter, etag: null, lastModified: null, posting: null, boardJobs: null };
    if (error.code === 'POSTING_NOT_FOUND') return { failure: { ...base, error: null } };
    return { failure: { ...base, error: { code: error.code, message: error.message } } };
  }
}

function readOrFailure(
  response: FetchedPosting,
  read: () => ExtractedPosting,
): { readonly posting: ExtractedPosting } | Failure {
  try {
    return { posting: read() };
  } catch (error) {
    if (!isPostingImportError(error)) throw error;
    return {
      failure: { ...answered(response, null, null), error: { code: error.code, message: error.message } },
    };
  }
}

function unreadable(response: FetchedPosting, message: string): PostingCheckResult {
  return { ...answered(response, null, null), error: { code: 'POSTING_UNREADABLE', message } };
}

function answered(
  response: FetchedPosting,
  posting: ObservedPosting | null,
  boardJobs: readonly BoardJob[] | null,
): PostingCheckResult {
  return {
    status: response.status,
    retryAfter: null,
    etag: response.etag,
    lastModified: response.lastModified,
    posting,
    boardJobs,
    error: null,
  };
}

function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
