import { type PostingInput, postingInputSchema } from '../../core/application.js';
import { limits } from '../../core/fields.js';
import { htmlToPlainText, sanitizeDescription } from '../../core/posting-text.js';
import type { PostingDraft, PostingSource, SalaryDraft } from './posting-draft.js';
import { readCurrency } from './posting-values.js';

export { emptyDraft, type PostingDraft, type PostingSource, type SalaryDraft } from './posting-draft.js';

/**
 * A posting read from a page or an ATS API, ready for the user to check before it becomes an application.
 * `partial` means the title or company (or both) could not be read from structured data and needs a look.
 * Every string fits the limits of the application schema, and `posting` always passes `postingInputSchema`.
 */
export type ExtractedPosting = {
  readonly status: 'complete' | 'partial';
  readonly source: PostingSource;
  readonly jobTitle: string | null;
  readonly companyName: string | null;
  readonly postingUrl: string | null;
  readonly applyUrl: string | null;
  readonly locations: readonly string[];
  readonly posting: PostingInput;
  readonly warnings: readonly string[];
};

const maxSalary = 1e12;

/** Cleans, bounds and checks a draft; anything that still fails the posting schema is dropped with a warning. */
export function finishPosting(draft: PostingDraft): ExtractedPosting {
  const warnings = [...draft.warnings];
  const jobTitle = fitText(draft.jobTitle, limits.title, 'job title', warnings);
  const companyName = fitText(draft.companyName, limits.name, 'company name', warnings);
  const locations = dedupe(draft.locations.map((l) => storableText(l).replace(/\s+/g, ' ').trim())).filter(
    (l) => l !== '',
  );
  const location =
    locations.length === 0 ? null : fitText(locations.join('; '), limits.title, 'location', warnings);
  const descriptionHtml = fitDescription(draft.descriptionHtml, warnings);
  const descriptionText = descriptionHtml === null ? null : fitPlainText(htmlToPlainText(descriptionHtml));
  const salary = checkSalary(draft.salary, warnings);
  const candidate: PostingInput = {
    descriptionHtml,
    descriptionText: descriptionText === '' ? null : descriptionText,
    location,
    remoteType: draft.remoteType,
    salaryMin: salary.min,
    salaryMax: salary.max,
    salaryCurrency: salary.currency,
    salaryPeriod: salary.period,
    employmentType: draft.employmentType,
    datePosted: draft.datePosted,
    validThrough: draft.validThrough,
  };
  const posting = dropInvalidFields(candidate, warnings);
  if (jobTitle === null) warnings.push('No job title found; please add one.');
  else if (draft.guessed.includes('jobTitle'))
    warnings.push(`The job title "${jobTitle}" was taken from ${draft.titleHint}; please check it.`);
  if (companyName === null) warnings.push('No company name found; please add one.');
  else if (draft.guessed.includes('companyName'))
    warnings.push(`The company name "${companyName}" was guessed; please check it.`);
  const isComplete =
    draft.source !== 'readability' && jobTitle !== null && companyName !== null && draft.guessed.length === 0;
  return {
    status: isComplete ? 'complete' : 'partial',
    source: draft.source,
    jobTitle,
    companyName,
    postingUrl: fitUrl(draft.postingUrl),
    applyUrl: fitUrl(draft.applyUrl),
    locations,
    posting,
    warnings: dedupe(warnings),
  };
}

const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Removes what no database can store (NUL, lone surrogates, which the application schema refuses) and the
 * other C0 control characters that pages leak into their text; tabs and line breaks stay.
 */
export function storableText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(loneSurrogates, '\uFFFD');
}

function fitText(value: string | null, max: number, label: string, warnings: string[]): string | null {
  if (value === null) return null;
  const text = storableText(value).replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  if (text.length <= max) return text;
  warnings.push(`The ${label} was longer than ${max} characters and was shortened.`);
  return `${cutAt(text, max - 1).trimEnd()}…`;
}

function cutAt(text: string, length: number): string {
  const cut = text.slice(0, length);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function fitDescription(html: string | null, warnings: string[]): string | null {
  if (html === null) return null;
  let sanitized = storableText(sanitizeDescription(storableText(html))).trim();
  if (sanitized === '') return null;
  if (sanitized.length > limits.document) {
    warnings.push(`The description was longer than ${limits.document} characters and was shortened.`);
    let budget = limits.document - 1_000;
    while (sanitized.length > limits.document && budget > 0) {
      sanitized = sanitizeDescription(cutAt(sanitized, budget));
      budget -= 10_000;
    }
  }
  return sanitized;
}

function fitPlainText(text: string): string {
  const storable = storableText(text);
  return storable.length <= limits.document ? storable : cutAt(storable, limits.document);
}

function fitUrl(value: string | null): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.href.length <= limits.url ? url.href : null;
  } catch {
    return null;
  }
}

function checkSalary(salary: SalaryDraft | null, warnings: string[]): SalaryDraft {
  const none = { min: null, max: null, currency: null, period: null };
  if (salary === null) return none;
  const inRange = (n: number | null) =>
    n !== null && Number.isFinite(n) && n >= 0 && n <= maxSalary ? n : null;
  let min = inRange(salary.min);
  let max = inRange(salary.max);
  if ((salary.min !== null && min === null) || (salary.max !== null && max === null)) {
    warnings.push('A salary amount was out of range and was left out.');
  }
  if (min !== null && max !== null && min > max) {
    [min, max] = [max, min];
    warnings.push('The salary minimum was above the maximum; the two were swapped.');
  }
  if (min === null && max === null) return none;
  const currency = readCurrency(salary.currency);
  if (salary.currency !== null && currency === null) {
    warnings.push(`The salary currency "${String(salary.currency).slice(0, 20)}" is not an ISO 4217 code.`);
  }
  return { min, max, currency, period: salary.period };
}

function dropInvalidFields(candidate: PostingInput, warnings: string[]): PostingInput {
  const result = postingInputSchema.safeParse(candidate);
  if (result.success) return candidate;
  const fixed: Record<string, unknown> = { ...candidate };
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field in fixed) {
      fixed[field] = null;
      warnings.push(`The ${field} could not be read (${issue.message}) and was left out.`);
    }
  }
  return fixed as PostingInput;
}

function dedupe(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const key = value.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}
