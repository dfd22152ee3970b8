import { load } from 'cheerio';
import { type ExtractedPosting, finishPosting, type PostingDraft } from './extracted-posting.js';
import { findJobPostings, mapJobPosting } from './json-ld.js';
import { PostingImportError } from './posting-import-error.js';
import { companyNameFromHost, describePostingSite } from './posting-site.js';
import { looksLikeBinary, readLine } from './posting-values.js';
import { readPageTitle, readPlainText, readReadablePage } from './readable-page.js';

/**
 * Reads a posting from a page's HTML (fetched, or pasted by the user), or from pasted plain text:
 * schema.org JobPosting JSON-LD first, else the page's readable text, marked partial.
 */
export type ExtractPostingOptions = {
  /** The page's address, used to resolve relative links, as the posting URL, and to name the site. */
  readonly url?: string | null;
  /** Pasted or fetched input above this many characters is refused. */
  readonly maxChars?: number;
};

export const defaultMaxPageChars = 5 * 1024 * 1024;

/**
 * htmlparser2 rather than cheerio's default parse5: both keep script text raw, and htmlparser2 reads a
 * page carrying a 10 MB JSON-LD blob in a fraction of a second where parse5 takes several.
 */
const htmlParserOptions = { xml: { xmlMode: false, decodeEntities: true } } as const;

export function extractPosting(html: string, options: ExtractPostingOptions = {}): ExtractedPosting {
  const maxChars = options.maxChars ?? defaultMaxPageChars;
  const pageUrl = options.url ?? null;
  if (html.length > maxChars) {
    throw new PostingImportError(
      'POSTING_TOO_LARGE',
      `The page is larger than ${Math.round(maxChars / (1024 * 1024))} MB; hearback does not read pages that big.`,
      { maxChars, length: html.length },
    );
  }
  if (looksLikeBinary(html)) {
    throw new PostingImportError(
      'POSTING_UNREADABLE',
      'The content is not text (it looks like binary data).',
    );
  }
  if (!/<[a-z!/?][^>]*>/i.test(html.slice(0, 65_536))) {
    return finishPosting(readPlainText(html, pageUrl));
  }
  const $ = load(html, htmlParserOptions);
  const found = findJobPostings($);
  const chosen = choosePosting(found.postings, pageUrl);
  if (!chosen) {
    const draft = readReadablePage(html, $, pageUrl);
    draft.warnings.unshift(...found.warnings);
    return finishPosting(draft);
  }
  const draft = mapJobPosting(chosen, found.byId, pageUrl);
  draft.warnings.unshift(...found.warnings);
  if (found.postings.length > 1) {
    draft.warnings.push(`The page describes ${found.postings.length} job postings; the first was used.`);
  }
  fillGaps(draft, html, $, pageUrl);
  return finishPosting(draft);
}

function choosePosting(
  postings: readonly Record<string, unknown>[],
  pageUrl: string | null,
): Record<string, unknown> | undefined {
  if (pageUrl !== null) {
    const samePage = postings.find((p) => typeof p.url === 'string' && sameUrl(p.url, pageUrl));
    if (samePage) return samePage;
  }
  return postings.find((p) => readLine(p.title) !== null || readLine(p.name) !== null) ?? postings[0];
}

function sameUrl(a: string, b: string): boolean {
  try {
    const strip = (u: string) => {
      const url = new URL(u);
      return `${url.host}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
    };
    return strip(a) === strip(b);
  } catch {
    return false;
  }
}

/** Structured data often leaves out the description or the employer; the page itself may say. */
function fillGaps(
  draft: PostingDraft,
  html: string,
  $: ReturnType<typeof load>,
  pageUrl: string | null,
): void {
  if (draft.descriptionHtml === null) {
    const readable = readReadablePage(html, $, pageUrl);
    if (readable.descriptionHtml !== null) {
      draft.descriptionHtml = readable.descriptionHtml;
      draft.warnings.push('The structured posting has no description; the page text was used instead.');
    }
  }
  if (draft.jobTitle === null) {
    draft.jobTitle = readPageTitle($);
    if (draft.jobTitle !== null) draft.guessed.push('jobTitle');
  }
  if (draft.companyName === null && !describePostingSite(pageUrl)?.isJobBoard) {
    draft.companyName =
      readLine($('meta[property="og:site_name"]').attr('content')) ?? companyNameFromHost(pageUrl);
    if (draft.companyName !== null) draft.guessed.push('companyName');
  }
}
