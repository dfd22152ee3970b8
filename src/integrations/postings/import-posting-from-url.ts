import { readAshbyJob } from './ats/ashby-job.js';
import { type AtsApiBases, type AtsReference, atsApiUrl, recognizeAtsUrl } from './ats/ats-reference.js';
import { readGreenhouseJob } from './ats/greenhouse-job.js';
import { readLeverPosting } from './ats/lever-posting.js';
import { defaultMaxPageChars, extractPosting } from './extract-posting.js';
import { type ExtractedPosting, finishPosting, type PostingDraft } from './extracted-posting.js';
import { type FetchPostingOptions, fetchPosting, parseWebUrl } from './fetch-posting.js';
import { PostingImportError } from './posting-import-error.js';
import { defaultMaxJsonDepth, parseTolerantJson } from './tolerant-json.js';

/**
 * Adds a job from the URL the user gives: when the URL belongs to Greenhouse, Lever or Ashby, their public
 * API for that one posting (or board) is asked instead of the page; otherwise the page itself is fetched
 * and read. Nothing else is contacted.
 */
export type ImportPostingOptions = FetchPostingOptions & {
  /** Where the ATS APIs live; tests point these at a local server. */
  readonly atsApiBases?: AtsApiBases;
  /** Cap on an ATS API answer in bytes; an Ashby board answers every job of the company at once. */
  readonly maxApiBytes?: number;
};

export const defaultMaxApiBytes = 16 * 1024 * 1024;

export async function importPostingFromUrl(
  url: string,
  options: ImportPostingOptions = {},
): Promise<ExtractedPosting> {
  const target = parseWebUrl(url);
  const ref = recognizeAtsUrl(target.href);
  if (ref) return importFromAts(ref, target.href, options);
  const page = await fetchPosting(target.href, options);
  const mediaType = page.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  const maxChars = Math.max(options.maxBytes ?? 0, defaultMaxPageChars);
  if (mediaType === 'application/json' || mediaType === 'application/ld+json') {
    const wrapped = `<script type="application/ld+json">${page.body.replace(/<\//g, '<\\/')}</script>`;
    return extractPosting(wrapped, { url: page.url, maxChars: maxChars + 64 });
  }
  return extractPosting(page.body, { url: page.url, maxChars });
}

async function importFromAts(
  ref: AtsReference,
  givenUrl: string,
  options: ImportPostingOptions,
): Promise<ExtractedPosting> {
  const response = await fetchPosting(atsApiUrl(ref, options.atsApiBases), {
    ...options,
    accept: 'application/json',
    maxBytes: options.maxApiBytes ?? defaultMaxApiBytes,
  });
  const parsed = parseTolerantJson(response.body, { maxDepth: defaultMaxJsonDepth });
  if (!parsed.ok) {
    throw new PostingImportError(
      'POSTING_UNREADABLE',
      `The ${vendorName(ref)} API answer could not be read: ${parsed.reason}.`,
      {
        vendor: ref.vendor,
        board: ref.board,
        jobId: ref.jobId,
      },
    );
  }
  const draft: PostingDraft =
    ref.vendor === 'greenhouse'
      ? readGreenhouseJob(parsed.value, ref)
      : ref.vendor === 'lever'
        ? readLeverPosting(parsed.value, ref)
        : readAshbyJob(parsed.value, ref);
  draft.postingUrl ??= givenUrl;
  return finishPosting(draft);
}

function vendorName(ref: AtsReference): string {
  return { greenhouse: 'Greenhouse', lever: 'Lever', ashby: 'Ashby' }[ref.vendor];
}
