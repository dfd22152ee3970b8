import {
  findJobPostingsInBlocks,
  mapJobPosting,
  textToHtml,
} from '../../src/integrations/postings/json-ld.js';
import type { SalaryDraft } from '../../src/integrations/postings/posting-draft.js';
import { companyNameFromHost, describePostingSite } from '../../src/integrations/postings/posting-site.js';
import {
  readAmount,
  readCurrency,
  readLine,
  readSalaryPeriod,
} from '../../src/integrations/postings/posting-values.js';
import type { PageCapture } from './page-capture.js';

/**
 * The form the popup shows, read from a page capture with hearback's own posting rules (the same modules the
 * server's "Add from URL" uses): JSON-LD JobPosting first, then a known job site's page structure, then the
 * page's text. `descriptionHtml` is the page's HTML, sent to hearback to be sanitised there; the popup only
 * ever shows `descriptionText`.
 */
export type ClipDraft = {
  companyName: string;
  jobTitle: string;
  location: string;
  salary: string;
  postingUrl: string;
  descriptionHtml: string | null;
  descriptionText: string;
  /** Where the fields came from, in words for the popup. */
  readFrom: string;
  extra: {
    remoteType?: 'remote' | 'hybrid' | 'on_site';
    employmentType?: string;
    datePosted?: string;
    validThrough?: string;
  };
};

export function readPosting(capture: PageCapture): ClipDraft {
  const url = capture.url;
  const found = findJobPostingsInBlocks(capture.jsonLd);
  const node = found.postings.find((p) => readLine(p.title) !== null) ?? found.postings[0];
  if (node) {
    const draft = mapJobPosting(node, found.byId, url);
    const structure = capture.structure;
    const descriptionHtml = draft.descriptionHtml ?? structure?.descriptionHtml ?? null;
    return {
      companyName: draft.companyName ?? structure?.companyName ?? guessCompany(capture),
      jobTitle: draft.jobTitle ?? structure?.jobTitle ?? capture.title,
      location: draft.locations.join('; '),
      salary: formatSalary(draft.salary),
      postingUrl: url,
      descriptionHtml,
      descriptionText: htmlToText(descriptionHtml),
      readFrom: 'the posting’s structured data (JSON-LD)',
      extra: {
        ...(draft.remoteType && { remoteType: draft.remoteType }),
        ...(draft.employmentType && { employmentType: draft.employmentType }),
        ...(draft.datePosted && { datePosted: draft.datePosted }),
        ...(draft.validThrough && { validThrough: draft.validThrough }),
      },
    };
  }
  if (capture.structure) {
    const s = capture.structure;
    // Greenhouse writes "at Acme"; Lever names the company only in the title, "Acme - Data Analyst".
    const named = s.companyName?.replace(/^at\s+/i, '') || null;
    const fromTitle =
      s.site === 'Lever' && s.jobTitle && capture.documentTitle.endsWith(` - ${s.jobTitle}`)
        ? capture.documentTitle.slice(0, -` - ${s.jobTitle}`.length).trim() || null
        : null;
    return {
      companyName: named ?? fromTitle ?? guessCompany(capture),
      jobTitle: s.jobTitle ?? capture.title,
      location: s.location ?? '',
      salary: '',
      postingUrl: url,
      descriptionHtml: s.descriptionHtml,
      descriptionText: htmlToText(s.descriptionHtml),
      readFrom: `the ${s.site} page`,
      extra: {},
    };
  }
  const text = capture.text.trim();
  return {
    companyName: guessCompany(capture),
    jobTitle: readLine(capture.title) ?? '',
    location: '',
    salary: '',
    postingUrl: url,
    descriptionHtml: text === '' ? null : textToHtml(text),
    descriptionText: text,
    readFrom: 'the page’s text (no posting structure found: check the fields)',
    extra: {},
  };
}

/** The company from a tracker's URL (jobs.lever.co/acme, jobs.ashbyhq.com/acme, acme.wd1.myworkdayjobs.com). */
function guessCompany(capture: PageCapture): string {
  try {
    const url = new URL(capture.url);
    const host = url.hostname.toLowerCase();
    const slug = url.pathname.split('/').find((part) => part !== '');
    const fromSlug = (value: string | undefined) =>
      value ? value.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()) : null;
    if (/(^|\.)lever\.co$|(^|\.)ashbyhq\.com$|(^|\.)greenhouse\.io$/.test(host)) {
      const name = fromSlug(slug);
      if (name) return name;
    }
    if (/myworkdayjobs\.com$/.test(host)) {
      const name = fromSlug(host.split('.')[0]);
      if (name) return name;
    }
    if (!describePostingSite(capture.url)?.isJobBoard && capture.siteName) return capture.siteName;
    return companyNameFromHost(capture.url) ?? '';
  } catch {
    return '';
  }
}

export function formatSalary(salary: SalaryDraft | null): string {
  if (!salary || (salary.min === null && salary.max === null)) return '';
  const amounts =
    salary.min !== null && salary.max !== null && salary.min !== salary.max
      ? `${salary.min}–${salary.max}`
      : String(salary.min ?? salary.max);
  return [salary.currency, amounts, salary.period && `per ${salary.period}`].filter(Boolean).join(' ');
}

export type SalaryFields = {
  salaryMin?: number;
  salaryMax?: number;
  salaryCurrency?: string;
  salaryPeriod?: 'hour' | 'day' | 'week' | 'month' | 'year';
};

/** Reads the salary as typed ("EUR 70000–90000 per year", "$120k - $150k", "45 €/hour"); {} when no amount. */
export function parseSalary(text: string): SalaryFields {
  const amounts = (text.match(/\d[\d.,\s]*[kK]?/g) ?? [])
    .map((part) => readAmount(part.trim()))
    .filter((n): n is number => n !== null);
  if (amounts.length === 0) return {};
  const min = Math.min(...amounts.slice(0, 2));
  const max = Math.max(...amounts.slice(0, 2));
  const currency =
    text
      .split(/[\s\d.,–\-/]+/)
      .map((word) => readCurrency(word))
      .find((c): c is string => c !== null) ?? undefined;
  const period =
    text
      .toLowerCase()
      .split(/[^a-z]+/)
      .map((word) => readSalaryPeriod(word))
      .find((p) => p !== null) ?? undefined;
  return {
    salaryMin: min,
    salaryMax: max,
    ...(currency && { salaryCurrency: currency }),
    ...(period && { salaryPeriod: period }),
  };
}

/** The text of some HTML, parsed inert (DOMParser runs no scripts and loads nothing); never shown as HTML. */
function htmlToText(html: string | null): string {
  if (!html) return '';
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const element of doc.querySelectorAll('p, br, li, h1, h2, h3, h4, div')) element.append('\n');
  return (doc.body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}
