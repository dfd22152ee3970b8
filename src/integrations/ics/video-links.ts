/**
 * Video meeting links as the big providers write them: Zoom (any subdomain, zoom.us, zoom.com, zoomgov),
 * Google Meet, Microsoft Teams (work and personal), Webex. Listed by host so a link to a provider's home
 * page or a calendar help page is not mistaken for a meeting.
 */
const meetingUrl =
  /https:\/\/(?:[a-z0-9-]+\.)*(?:zoom\.us|zoom\.com|zoomgov\.com)\/(?:j|my|w|s|wc)\/[^\s<>"'\\]+|https:\/\/meet\.google\.com\/[a-z0-9-]+(?:\?[^\s<>"'\\]*)?|https:\/\/teams\.microsoft\.com\/l\/meetup-join\/[^\s<>"'\\]+|https:\/\/teams\.live\.com\/meet\/[^\s<>"'\\]+|https:\/\/(?:[a-z0-9-]+\.)*webex\.com\/(?:meet|join|[a-z0-9-]+\/j\.php)[^\s<>"'\\]*/i;

/** The first meeting link found in the texts, searched in the order given, with trailing punctuation trimmed. */
export function findVideoLink(texts: readonly (string | null | undefined)[]): string | null {
  for (const text of texts) {
    if (!text) continue;
    const match = meetingUrl.exec(text);
    if (match) return trimTrailing(match[0]);
  }
  return null;
}

/** A value that is nothing but a URL (Calendly and Zoom put the link itself in LOCATION). */
export function isBareUrl(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text.trim());
}

function trimTrailing(url: string): string {
  let result = url;
  for (;;) {
    const last = result.at(-1);
    if (last && '.,;:!?)]}>'.includes(last) && !(last === ')' && result.includes('('))) {
      result = result.slice(0, -1);
    } else {
      return result;
    }
  }
}
