import type { StepDraft } from '../core/drafts.js';

/** A drafted message for one follow-up step, as `GET /api/follow-ups/:id/draft` answers it. */
export type Draft = StepDraft;

/** Only a mailto: URL may become a link's href; anything else (javascript:, data:) is dropped. */
export function isMailtoLink(value: string): boolean {
  return /^mailto:/i.test(value) && !/[\u0000-\u001f]/.test(value);
}

/** The text placed on the clipboard: the subject line, a blank line, then the body. */
export function formatDraftForClipboard(draft: Pick<Draft, 'subject' | 'body'>): string {
  return draft.subject ? `Subject: ${draft.subject}\n\n${draft.body}` : draft.body;
}

/** A mailto: link whose every part is percent-encoded, so no text can add a header or break out of the link. */
export function buildMailto(to: string | null, subject: string, body: string): string {
  const params = `subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return `mailto:${to ? encodeURIComponent(to).replace(/%40/g, '@') : ''}?${params}`;
}

/** The placeholders ("[your name]") of a draft's missing fields that a text still shows. */
export function placeholdersLeft(text: string, missingWords: readonly string[]): string[] {
  return missingWords.map((words) => `[${words}]`).filter((placeholder) => text.includes(placeholder));
}

/** Whether the missing fields include the user's own name or email, which settings hold for every draft. */
export function isMissingOwnDetails(missingWords: readonly string[]): boolean {
  return missingWords.some((words) => words.startsWith('your '));
}
