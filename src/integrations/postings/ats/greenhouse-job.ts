import { emptyDraft, type PostingDraft } from '../extracted-posting.js';
import { readDescriptionHtml } from '../json-ld.js';
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
 * One job from the Greenhouse Job Board API (GET /v1/boards/{board}/jobs/{id}?pay_transparency=true):
 * `title`, `content` (HTML escaped once), `location.name`, `offices[]`, `absolute_url`, `first_published`,
 * `company_name`, `metadata[]` (custom fields such as an employment type), and `pay_input_ranges[]` with
 * amounts in cents and no stated period.
 */
export function readGreenhouseJob(json: unknown, ref: AtsReference): PostingDraft {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw notAJob(ref);
  const job = json as Record<string, unknown>;
  const draft = emptyDraft('greenhouse');
  draft.jobTitle = readLine(job.title);
  if (draft.jobTitle === null) throw notAJob(ref);
  draft.companyName = readLine(job.company_name);
  if (draft.companyName === null) {
    draft.companyName = companyNameFromSlug(ref.board);
    draft.warnings.push(boardNameWarning(draft.companyName));
  }
  draft.descriptionHtml = readDescriptionHtml(job.content);
  draft.postingUrl = readString(job.absolute_url);
  draft.applyUrl = draft.postingUrl;
  const location = readLine(asObject(job.location)?.name);
  const offices = asArray(job.offices)
    .map((office) => readLine(asObject(office)?.name))
    .filter((name): name is string => name !== null);
  draft.locations = location !== null ? [location] : offices;
  const metadata = asArray(job.metadata).map((entry) => asObject(entry) ?? {});
  const metaValue = (pattern: RegExp) =>
    metadata.find((m) => pattern.test(String(m.name ?? '')))?.value ?? null;
  const workplace = readLine(metaValue(/workplace|remote|location type|work type/i));
  draft.remoteType = guessRemoteType([...(workplace ? [workplace] : []), ...draft.locations]);
  draft.employmentType = readEmploymentType(metaValue(/employment|job type|time type|commitment/i));
  draft.datePosted = readLocalDate(job.first_published);

  const ranges = asArray(job.pay_input_ranges)
    .map((r) => asObject(r))
    .filter((r): r is Record<string, unknown> => r !== null && (r.min_cents != null || r.max_cents != null));
  const range = ranges[0];
  if (range) {
    const cents = (value: unknown) => {
      const amount = readAmount(value);
      return amount === null ? null : amount / 100;
    };
    const hint = [range.title, range.blurb, range.description].map((v) => readString(v) ?? '').join(' ');
    draft.salary = {
      min: cents(range.min_cents),
      max: cents(range.max_cents),
      currency: readString(range.currency_type),
      period: readPeriodHint(hint),
    };
    if (ranges.length > 1) {
      const title = readLine(range.title);
      draft.warnings.push(
        `The posting lists ${ranges.length} pay ranges (often one per location); the first${title ? ` ("${title}")` : ''} was used.`,
      );
    }
  }
  return draft;
}

function readPeriodHint(text: string): ReturnType<typeof readSalaryPeriod> {
  const word =
    /\b(hourly|per hour|an hour|daily|per day|weekly|per week|monthly|per month|annual|annually|per year|yearly|per annum)\b/i.exec(
      text,
    );
  return word ? readSalaryPeriod(word[1]!.replace(/^(per|an) /i, '')) : null;
}

function notAJob(ref: AtsReference): PostingImportError {
  return new PostingImportError(
    'POSTING_UNREADABLE',
    'The Greenhouse API answered something that is not a job.',
    {
      vendor: ref.vendor,
      board: ref.board,
      jobId: ref.jobId,
    },
  );
}

function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
