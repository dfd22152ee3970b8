import type { Posting } from './application.js';

// The values of an application's fields and the helpers on them, without zod: what storage, the services and
// the CLI's option lists import, so that loading them does not build every schema of application.ts, which
// re-exports all of this (`hearback list` needs none of those schemas; issue 12, item 11).

export const remoteTypes = ['remote', 'hybrid', 'on_site'] as const;
export const salaryPeriods = ['hour', 'day', 'week', 'month', 'year'] as const;
export const employmentTypes = [
  'full_time',
  'part_time',
  'contract',
  'temporary',
  'internship',
  'other',
] as const;
export const sourceKinds = ['referral', 'job_board', 'company_site', 'recruiter', 'other'] as const;

export type RemoteType = (typeof remoteTypes)[number];
export type EmploymentType = (typeof employmentTypes)[number];
export type SourceKind = (typeof sourceKinds)[number];

/** A posting of which nothing is known yet. */
export const emptyPosting: Posting = {
  descriptionHtml: null,
  descriptionText: null,
  location: null,
  remoteType: null,
  salaryMin: null,
  salaryMax: null,
  salaryCurrency: null,
  salaryPeriod: null,
  employmentType: null,
  datePosted: null,
  validThrough: null,
};

/**
 * The key the duplicate guard compares posting URLs by: scheme and host lowercased, default ports,
 * fragments, tracking parameters and trailing slashes dropped, remaining parameters sorted.
 */
export function normalizePostingUrl(raw: string): string {
  const url = new URL(raw);
  // Each URL setter re-parses the whole URL, so only what needs changing is set (a bulk import does this
  // for every row).
  if (url.hash !== '') url.hash = '';
  if (url.protocol !== 'https:') url.protocol = 'https:';
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (host !== url.hostname) url.hostname = host;
  if (url.port === '443' || url.port === '80') url.port = '';
  if (url.search !== '') {
    const kept = [...url.searchParams.entries()].filter(([key]) => !isTrackingParameter(key));
    kept.sort(([a], [b]) => a.localeCompare(b));
    url.search = new URLSearchParams(kept).toString();
  }
  return url.toString().replace(/\/+(?=$|\?)/, '');
}

function isTrackingParameter(key: string): boolean {
  const k = key.toLowerCase();
  return (
    k.startsWith('utm_') ||
    ['gh_src', 'ref', 'refid', 'trk', 'source', 'lever-source', 'fbclid', 'gclid'].includes(k)
  );
}
