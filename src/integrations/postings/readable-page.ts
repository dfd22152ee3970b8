import { Readability } from '@mozilla/readability';
import type { CheerioAPI } from 'cheerio';
import { parseHTML } from 'linkedom';
import { emptyDraft, type PostingDraft } from './extracted-posting.js';
import { textToHtml } from './json-ld.js';
import { companyNameFromHost, describePostingSite } from './posting-site.js';
import { readLine } from './posting-values.js';

/**
 * The fallback when a page has no structured posting: its readable main text (Mozilla Readability on a
 * linkedom document), its title, and a company name from the site's own metadata. Always `partial`: the
 * title and company are hints for the user to confirm.
 */
const maxElementsToParse = 100_000;

export function readReadablePage(html: string, $: CheerioAPI, pageUrl: string | null): PostingDraft {
  const draft = emptyDraft('readability');
  draft.postingUrl = pageUrl;
  const article = readArticle(html, draft.warnings);
  draft.descriptionHtml = article?.content ?? mainContentHtml($);
  draft.jobTitle = readPageTitle($) ?? readLine(article?.title);
  const site = describePostingSite(pageUrl);
  const siteName = site?.isJobBoard
    ? null
    : (readLine($('meta[property="og:site_name"]').attr('content')) ??
      readLine($('meta[name="application-name"]').attr('content')) ??
      readLine(article?.siteName) ??
      companyNameFromHost(pageUrl));
  draft.companyName = siteName;
  draft.guessed = ['jobTitle', 'companyName'];
  draft.warnings.push(
    'The page has no structured job posting; the title and description were read from the page text.',
  );
  return draft;
}

/** The title a page gives for sharing, else its own title, else its first heading. */
export function readPageTitle($: CheerioAPI): string | null {
  const title =
    readLine($('meta[property="og:title"]').attr('content')) ??
    readLine($('meta[name="twitter:title"]').attr('content')) ??
    readLine($('title').first().text()) ??
    readLine($('h1').first().text());
  return title === null ? null : withoutTitleLabel(title);
}

const labelWords = String.raw`(?:job\s+(?:description|title|posting|opening|advert(?:isement)?)|position(?:\s+title)?|role|title|vacancy|job)`;
/** "Job Description: Senior Gardener", "Job title – Senior Gardener": a label, then a separator, then the title. */
const titleLabel = new RegExp(String.raw`^${labelWords}\s*(?::|[-–—|]\s)\s*`, 'i');
/** A line that is nothing but a label ("Job description"), whose title is on the next line. */
const labelOnly = new RegExp(String.raw`^(?:${labelWords}|about\s+the\s+(?:role|job))\s*:?$`, 'i');

/** A title without the label a page or a pasted text may put before it; the title itself when none. */
export function withoutTitleLabel(title: string): string {
  const rest = title.replace(titleLabel, '').trim();
  return rest === '' ? title : rest;
}

type Article = { content: string | null; title: string | null; siteName: string | null };

function readArticle(html: string, warnings: string[]): Article | null {
  try {
    const { document } = parseHTML(html);
    const reader = new Readability(document as unknown as Document, {
      maxElemsToParse: maxElementsToParse,
      keepClasses: false,
    });
    const result = reader.parse();
    if (!result) return null;
    return {
      content: result.content ?? null,
      title: result.title ?? null,
      siteName: result.siteName ?? null,
    };
  } catch (error) {
    warnings.push(
      `The readable text could not be isolated (${(error as Error).message.slice(0, 100)}); the whole page text was kept.`,
    );
    return null;
  }
}

function mainContentHtml($: CheerioAPI): string | null {
  const root =
    $('main').first().length > 0
      ? $('main').first()
      : $('article').first().length > 0
        ? $('article').first()
        : $('body');
  const copy = root.clone();
  copy.find('script, style, noscript, template, nav, header, footer, form, svg, iframe').remove();
  const html = copy.html();
  return html === null || html.trim() === '' ? null : html;
}

/**
 * Pasted plain text (no markup): the first short line is taken as a title hint (without a label such as "Job
 * description:", and the next line when the first is only that label), the whole as description.
 */
export function readPlainText(text: string, pageUrl: string | null): PostingDraft {
  const draft = emptyDraft('readability');
  draft.postingUrl = pageUrl;
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const isLabel = lines[0] !== undefined && labelOnly.test(lines[0]);
  const titleLine = isLabel ? lines[1] : lines[0];
  draft.jobTitle = titleLine !== undefined && titleLine.length <= 200 ? withoutTitleLabel(titleLine) : null;
  draft.titleHint = isLabel ? `the line after "${lines[0]}"` : 'the first line of the text';
  draft.descriptionHtml = textToHtml(text);
  draft.companyName = companyNameFromHost(pageUrl);
  draft.guessed = ['jobTitle', 'companyName'];
  draft.warnings.push('The text has no structured job posting.');
  return draft;
}
