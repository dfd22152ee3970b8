import { responseLinkSentence } from '../core/response-link-values.js';

/**
 * The draft's text with the response link's sentence as its own paragraph before the sign-off (the last
 * paragraph), or at the end of a one-paragraph text.
 */
export function withResponseLink(body: string, url: string): string {
  const sentence = responseLinkSentence(url);
  const paragraphs = body.replace(/\s+$/, '').split(/\n{2,}/);
  if (paragraphs.length < 2) return `${body.replace(/\s+$/, '')}\n\n${sentence}`;
  const signOff = paragraphs.pop() as string;
  return [...paragraphs, sentence, signOff].join('\n\n');
}

/** The draft's text without the paragraph that carries `url`; the rest as the user left it. */
export function withoutResponseLink(body: string, url: string): string {
  return body
    .split(/\n{2,}/)
    .filter((paragraph) => !paragraph.includes(url))
    .join('\n\n');
}
