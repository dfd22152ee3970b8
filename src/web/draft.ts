/**
 * A drafted message for one follow-up step, as `GET /api/follow-ups/:id/draft` returns it. Only subject and
 * body are required here; `mailto` is used only when it really is a mailto: link. `canSend` is true when the
 * server says so in the draft itself; the dialog also offers sending when the settings say SMTP is set up.
 */
export type Draft = {
  readonly subject: string;
  readonly body: string;
  readonly to: string | null;
  readonly mailto: string | null;
  readonly missingFields: readonly string[];
  readonly canSend: boolean;
};

export function readDraftResponse(value: unknown): Draft | null {
  if (!isRecord(value) || typeof value.subject !== 'string' || typeof value.body !== 'string') return null;
  const missing = Array.isArray(value.missingFields)
    ? value.missingFields.filter((f): f is string => typeof f === 'string')
    : [];
  return {
    subject: value.subject,
    body: value.body,
    to: typeof value.to === 'string' ? value.to : null,
    mailto: typeof value.mailto === 'string' && isMailtoLink(value.mailto) ? value.mailto : null,
    missingFields: missing,
    canSend: value.canSend === true,
  };
}

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
