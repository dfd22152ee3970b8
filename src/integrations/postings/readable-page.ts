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
  return (
    readLine($('meta[property="og:title"]').attr('content')) ??
    readLine($('meta[name="twitter:title"]').attr('content')) ??
    readLine($('title').first().text()) ??
    readLine($('h1').first().text())
  );
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

/** Pasted plain text (no markup): the first short line is taken as a title hint, the whole as description. */
export function readPlainText(text: string, pageUrl: string | null): PostingDraft {
  const draft = emptyDraft('readability');
  draft.postingUrl = pageUrl;
  const firstLine = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== '');
  draft.jobTitle = firstLine !== undefined && firstLine.length <= 200 ? firstLine : null;
  draft.descriptionHtml = textToHtml(text);
  draft.companyName = companyNameFromHost(pageUrl);
  draft.guessed = ['jobTitle', 'companyName'];
  draft.warnings.push('The text has no structured job posting; the first line was taken as the title.');
  return draft;
}
