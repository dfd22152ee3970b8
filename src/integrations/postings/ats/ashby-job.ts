import { emptyDraft, type PostingDraft } from '../extracted-posting.js';
import { readDescriptionHtml, textToHtml } from '../json-ld.js';
import { PostingImportError } from '../posting-import-error.js';
import {
  companyNameFromSlug,
  guessRemoteType,
  readAmount,
  readEmploymentType,
  readLine,
  readLocalDate,
  readSalaryPeriod,
  readString,
} from '../posting-values.js';
import { type AtsReference, boardNameWarning } from './ats-reference.js';

/**
 * One job out of an Ashby job board (GET /posting-api/job-board/{board}?includeCompensation=true answers
 * every listed job of the board): `title`, `location` and `secondaryLocations[]`, `isRemote` and
 * `workplaceType`, `employmentType` (FullTime, PartTime, Intern, Contract, Temporary), `publishedAt`,
 * `jobUrl`, `applyUrl`, `descriptionHtml`, and `compensation` whose `summaryComponents[]` carry the salary
 * (compensationType Salary, interval "1 YEAR", currencyCode, minValue, maxValue). No employer name is given.
 */
export function readAshbyJob(json: unknown, ref: AtsReference): PostingDraft {
  const board = asObject(json);
  if (board === null || !Array.isArray(board.jobs)) {
    throw new PostingImportError(
      'POSTING_UNREADABLE',
      'The Ashby API answered something that is not a job board.',
      {
        vendor: ref.vendor,
        board: ref.board,
      },
    );
  }
  const job = board.jobs
    .map((j) => asObject(j))
    .find((j) => j !== null && readString(j.id)?.toLowerCase() === ref.jobId.toLowerCase());
  if (!job) {
    throw new PostingImportError(
      'POSTING_NOT_FOUND',
      `The Ashby board "${ref.board}" no longer lists this job; it may have been closed.`,
      { vendor: ref.vendor, board: ref.board, jobId: ref.jobId },
    );
  }
  return readAshbyPosting(job, ref);
}

export function readAshbyPosting(job: Record<string, unknown>, ref: AtsReference): PostingDraft {
  const draft = emptyDraft('ashby');
  draft.jobTitle = readLine(job.title);
  draft.companyName = companyNameFromSlug(ref.board);
  draft.warnings.push(boardNameWarning(draft.companyName));
  draft.descriptionHtml =
    readDescriptionHtml(job.descriptionHtml) ??
    (readString(job.descriptionPlain) === null ? null : textToHtml(readString(job.descriptionPlain)!));
  draft.postingUrl = readString(job.jobUrl);
  draft.applyUrl = readString(job.applyUrl);
  const secondary = (Array.isArray(job.secondaryLocations) ? job.secondaryLocations : [])
    .map((l) => readLine(asObject(l)?.location))
    .filter((l): l is string => l !== null);
  const primary = readLine(job.location);
  draft.locations = [...(primary !== null ? [primary] : []), ...secondary];
  const workplace =
    readString(job.workplaceType)
      ?.toLowerCase()
      .replace(/[^a-z]/g, '') ?? '';
  draft.remoteType =
    workplace === 'remote'
      ? 'remote'
      : workplace === 'hybrid'
        ? 'hybrid'
        : workplace === 'onsite'
          ? 'on_site'
          : job.isRemote === true
            ? 'remote'
            : (guessRemoteType(draft.locations) ?? (job.isRemote === false ? 'on_site' : null));
  draft.employmentType = readEmploymentType(job.employmentType);
  draft.datePosted = readLocalDate(job.publishedAt);
  if (job.shouldDisplayCompensationOnJobPostings !== false) readCompensation(job, draft);
  return draft;
}

function readCompensation(job: Record<string, unknown>, draft: PostingDraft): void {
  const compensation = asObject(job.compensation);
  if (compensation === null) return;
  const tiers = Array.isArray(compensation.compensationTiers) ? compensation.compensationTiers : [];
  const components = Array.isArray(compensation.summaryComponents)
    ? compensation.summaryComponents
    : (asObject(tiers[0])?.components ?? []);
  const salary = (Array.isArray(components) ? components : [])
    .map((c) => asObject(c))
    .find(
      (c) =>
        c !== null &&
        String(c.compensationType ?? '').toLowerCase() === 'salary' &&
        (c.minValue != null || c.maxValue != null),
    );
  if (!salary) return;
  draft.salary = {
    min: readAmount(salary.minValue),
    max: readAmount(salary.maxValue),
    currency: readString(salary.currencyCode),
    period: readSalaryPeriod(salary.interval),
  };
  if (tiers.length > 1) {
    draft.warnings.push(`The posting has ${tiers.length} pay tiers; the range shown spans all of them.`);
  }
}

function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
