/**
 * Cleans the text layer of a PDF or DOCX into plain text that every field schema accepts and that keyword
 * matching can read. Hostile or careless text layers are common: hyphens drawn as a run of odd glyphs
 * (ASCII hyphen + soft hyphen + U+2010), icon fonts in the private use area, glyphs with no Unicode mapping
 * that come out as NUL, tabs used for layout, words broken at the end of a line.
 */
export type NormalizedText = {
  readonly text: string;
  /** Characters that had no usable Unicode value and were replaced by U+FFFD. */
  readonly undecodable: number;
};

const hyphenRun = /[-\u2010\u2011\u00AD]*[\u2010\u2011\u00AD][-\u2010\u2011\u00AD]*/g;
const privateUse = /[\uE000-\uF8FF\uFDD0-\uFDEF\uFFFE\uFFFF]/g;
const invisible = /[\u200B-\u200D\u2060\uFEFF]/g;
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const horizontalSpace = /[\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

export function normalizeExtractedText(raw: string): NormalizedText {
  let undecodable = 0;
  const countAsUndecodable = (): string => {
    undecodable += 1;
    return '\uFFFD';
  };
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\f\v\u2028\u2029]/g, '\n')
    .replace(hyphenRun, (run) => (/^\u00AD+$/.test(run) ? '' : '-'))
    .replace(loneSurrogates, countAsUndecodable)
    .replace(controls, countAsUndecodable)
    .normalize('NFKC')
    .replace(privateUse, '')
    .replace(invisible, '')
    .replace(horizontalSpace, ' ')
    .replace(/ *\n */g, '\n')
    // A word broken at the end of a line ("Devel-\noping"); a capital after the break ("Scikit-\nLearn")
    // marks a real hyphen and stays.
    .replace(/(\p{Ll})-\n(\p{Ll})/gu, '$1$2')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, undecodable };
}
