import { type Application, type ApplicationCreate, applicationCreateSchema } from '../core/application.js';
import { fieldError } from '../core/errors.js';
import type { PostingExtract } from '../core/posting-extract.js';
import { validate } from '../core/validate.js';
import { findDuplicateApplications } from '../storage/application-store.js';
import { findCompanyByName } from '../storage/company-store.js';
import { createApplication } from './applications.js';
import type { Deps } from './deps.js';

export type PostingSourceInput = { readonly url?: string | undefined; readonly page?: string | undefined };

export type PostingPreview = {
  readonly extract: PostingExtract;
  /** Applications already tracked with the same posting URL, or the same company and title. */
  readonly duplicates: Awaited<ReturnType<typeof findDuplicateApplications>>;
};

/**
 * Reads a posting from its URL, or from a page (HTML or text) the user pasted, without saving anything,
 * and says whether it is already tracked. A pasted page with a URL is read as that URL's page.
 */
export async function previewPosting(deps: Deps, input: PostingSourceInput): Promise<PostingPreview> {
  const extract = await readPosting(deps, input);
  const company = extract.companyName
    ? await findCompanyByName(deps.db, deps.userId, extract.companyName)
    : undefined;
  const duplicates = await findDuplicateApplications(deps.db, deps.userId, {
    postingUrl: extract.postingUrl,
    companyId: company?.id ?? '',
    jobTitle: extract.jobTitle ?? '',
  });
  return { extract, duplicates };
}

/**
 * Adds an application from a posting. What the user typed wins over what was read (a company name the page
 * did not state, a corrected title); the duplicate guard applies as for any new application.
 */
export async function addApplicationFromPosting(
  deps: Deps,
  input: PostingSourceInput & {
    readonly overrides?: Partial<ApplicationCreate>;
    /** A posting already read (by a preview the user just checked), so it is not fetched twice. */
    readonly extract?: PostingExtract;
  },
): Promise<{ application: Application; extract: PostingExtract }> {
  const extract = input.extract ?? (await readPosting(deps, input));
  const overrides = input.overrides ?? {};
  // A title or company the page did not give arrives blank and is refused by name, so the user knows what to add.
  const input_ = validate(applicationCreateSchema, {
    ...(overrides.companyId ? {} : { companyName: overrides.companyName ?? extract.companyName ?? '' }),
    ...overrides,
    jobTitle: overrides.jobTitle ?? extract.jobTitle ?? '',
    postingUrl: overrides.postingUrl ?? extract.postingUrl,
    posting: { ...withoutNulls(extract.posting), ...overrides.posting },
    source: overrides.source ?? extract.applicationSource,
  });
  const application = await createApplication(deps, input_);
  return { application, extract };
}

function readPosting(deps: Deps, input: PostingSourceInput): Promise<PostingExtract> {
  if (input.page !== undefined) return deps.postings.readPage(input.page, input.url ?? null);
  if (input.url !== undefined) return deps.postings.readUrl(input.url);
  throw fieldError('url', 'give the posting URL, or paste the page');
}

function withoutNulls<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as Partial<T>;
}
