import { emptyDraft, type PostingDraft } from '../extracted-posting.js';
import { escapeHtml, readDescriptionHtml, textToHtml } from '../json-ld.js';
import { PostingImportError } from '../posting-import-error.js';
import {
  companyNameFromSlug,
  guessRemoteType,
  readAmount,
  readEmploymentType,
  readEpochDate,
  readLine,
  readSalaryPeriod,
  readString,
} from '../posting-values.js';
import { type AtsReference, boardNameWarning } from './ats-reference.js';

/**
 * One posting from the Lever Postings API (GET /v0/postings/{site}/{id}): `text` (the title), `categories`
 * (location, allLocations, commitment, team), `workplaceType` (on-site, remote, hybrid, unspecified),
 * `salaryRange` {min, max, currency, interval such as per-year-salary}, `description` and `lists[]` and
 * `additional` as HTML, `hostedUrl`, `applyUrl`, `createdAt` in milliseconds. No employer name is given.
 */
export function readLeverPosting(json: unknown, ref: AtsReference): PostingDraft {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw notAPosting(ref);
  const posting = json as Record<string, unknown>;
  const draft = emptyDraft('lever');
  draft.jobTitle = readLine(posting.text);
  if (draft.jobTitle === null) throw notAPosting(ref);
  draft.companyName = companyNameFromSlug(ref.board);
  draft.warnings.push(boardNameWarning(draft.companyName));
  draft.descriptionHtml = describePosting(posting);
  draft.postingUrl = readString(posting.hostedUrl);
  draft.applyUrl = readString(posting.applyUrl);
  const categories = (
    typeof posting.categories === 'object' && posting.categories !== null ? posting.categories : {}
  ) as Record<string, unknown>;
  const all = Array.isArray(categories.allLocations)
    ? categories.allLocations.map((l) => readLine(l)).filter((l): l is string => l !== null)
    : [];
  const primary = readLine(categories.location);
  draft.locations = all.length > 0 ? all : primary !== null ? [primary] : [];
  const workplace = readString(posting.workplaceType)?.toLowerCase() ?? '';
  draft.remoteType =
    workplace === 'remote'
      ? 'remote'
      : workplace === 'hybrid'
        ? 'hybrid'
        : workplace === 'on-site' || workplace === 'onsite'
          ? 'on_site'
          : guessRemoteType(draft.locations);
  draft.employmentType = readEmploymentType(categories.commitment);
  draft.datePosted = readEpochDate(posting.createdAt);
  const range =
    typeof posting.salaryRange === 'object' && posting.salaryRange !== null
      ? (posting.salaryRange as Record<string, unknown>)
      : null;
  if (range && (range.min != null || range.max != null)) {
    draft.salary = {
      min: readAmount(range.min),
      max: readAmount(range.max),
      currency: readString(range.currency),
      period: readSalaryPeriod(range.interval),
    };
    if (range.interval != null && draft.salary.period === null) {
      draft.warnings.push(`The pay interval "${String(range.interval).slice(0, 40)}" was not recognised.`);
    }
  }
  return draft;
}

function describePosting(posting: Record<string, unknown>): string | null {
  const parts: string[] = [];
  const main = readDescriptionHtml(posting.description);
  if (main !== null) parts.push(main);
  else {
    const plain = readString(posting.descriptionPlain);
    if (plain !== null) parts.push(textToHtml(plain));
  }
  for (const entry of Array.isArray(posting.lists) ? posting.lists : []) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { text, content } = entry as Record<string, unknown>;
    const heading = readLine(text);
    const items = readString(content);
    if (heading) parts.push(`<h3>${escapeHtml(heading)}</h3>`);
    if (items) parts.push(`<ul>${items}</ul>`);
  }
  const additional = readDescriptionHtml(posting.additional);
  if (additional !== null) parts.push(additional);
  return parts.length === 0 ? null : parts.join('\n');
}

function notAPosting(ref: AtsReference): PostingImportError {
  return new PostingImportError(
    'POSTING_UNREADABLE',
    'The Lever API answered something that is not a posting.',
    {
      vendor: ref.vendor,
      board: ref.board,
      jobId: ref.jobId,
    },
  );
}
