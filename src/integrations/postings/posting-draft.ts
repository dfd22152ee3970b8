import type { RemoteType } from '../../core/application.js';
import type { EmploymentType, SalaryPeriod } from './posting-values.js';

/*
 * What a posting reader finds before cleaning. No imports beyond types: the browser extension builds the same
 * drafts from the page it is on (extension/, docs/extension.md).
 */

/** Where the fields came from: structured data on the page, an ATS API, or the readable text of the page. */
export type PostingSource = 'json-ld' | 'greenhouse' | 'lever' | 'ashby' | 'readability';

export type SalaryDraft = {
  readonly min: number | null;
  readonly max: number | null;
  readonly currency: string | null;
  readonly period: SalaryPeriod | null;
};

/** What a reader found, before cleaning: strings may be long, HTML unsanitised, values unchecked. */
export type PostingDraft = {
  source: PostingSource;
  jobTitle: string | null;
  companyName: string | null;
  /** Fields read from hints (a board slug, a site name, the page title) rather than stated as such. */
  guessed: Array<'jobTitle' | 'companyName'>;
  /** Where a guessed job title was read, in words for the warning: "the page title" unless said otherwise. */
  titleHint: string;
  postingUrl: string | null;
  applyUrl: string | null;
  locations: string[];
  descriptionHtml: string | null;
  remoteType: RemoteType | null;
  salary: SalaryDraft | null;
  employmentType: EmploymentType | null;
  datePosted: string | null;
  validThrough: string | null;
  warnings: string[];
};

export function emptyDraft(source: PostingSource): PostingDraft {
  return {
    source,
    jobTitle: null,
    companyName: null,
    postingUrl: null,
    applyUrl: null,
    locations: [],
    descriptionHtml: null,
    remoteType: null,
    salary: null,
    employmentType: null,
    datePosted: null,
    validThrough: null,
    warnings: [],
    guessed: [],
    titleHint: 'the page title',
  };
}
