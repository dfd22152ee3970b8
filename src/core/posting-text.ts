import { convert } from 'html-to-text';
import sanitizeHtml from 'sanitize-html';
import { emptyPosting, type Posting, type PostingInput } from './application.js';

/**
 * Posting descriptions arrive as HTML from job boards. We keep a sanitised copy (formatting tags only,
 * no scripts, styles, handlers or remote images) and a plain-text version for search and tailoring.
 */
const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'ul',
    'ol',
    'li',
    'strong',
    'b',
    'em',
    'i',
    'u',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'code',
    'pre',
    'a',
    'span',
    'div',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'hr',
  ],
  allowedAttributes: { a: ['href', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
};

export function sanitizeDescription(html: string): string {
  return sanitizeHtml(html, allowed);
}

export function htmlToPlainText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [{ selector: 'a', options: { ignoreHref: true } }],
  }).trim();
}

/** Merges a posting input over an existing snapshot, sanitising HTML and deriving text when only HTML is given. */
export function mergePosting(current: Posting, input: PostingInput | undefined): Posting {
  if (!input) return current;
  const next: Posting = { ...current };
  for (const key of Object.keys(emptyPosting) as Array<keyof Posting>) {
    const value = input[key];
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  if (input.descriptionHtml !== undefined && input.descriptionHtml !== null) {
    next.descriptionHtml = sanitizeDescription(input.descriptionHtml);
    if (input.descriptionText === undefined) next.descriptionText = htmlToPlainText(next.descriptionHtml);
  }
  return next;
}
