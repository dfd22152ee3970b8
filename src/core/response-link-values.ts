// The response link's answers and the words for them, without zod: what the web UI's first script imports,
// so that loading them does not build the schemas of response-link.ts, which re-exports all of this.
import { formatShortDate } from './date-words.js';
import type { Sentiment } from './event.js';
import { responseLinkAnswerLabels } from './labels.js';
import { type ClosedReason, type Outcome, outcomeLabels } from './pipeline-values.js';

/**
 * The employer response link (docs/response-link.md): a capability URL `/r/<token>` that lets the employer
 * say where things stand in one click, without a login. Its answers land as replies on the timeline.
 */
export const responseLinkAnswers = [
  'still_deciding',
  'another_candidate',
  'on_hold',
  'next_conversation',
] as const;
export type ResponseLinkAnswer = (typeof responseLinkAnswers)[number];

/** The employer's message is short: a line or two, not a letter. */
export const responseLinkMessageLimit = 1_000;

/** The reply's sentiment, which the follow-up planner reads as it does for a reply the user logged. */
export function sentimentOfAnswer(answer: ResponseLinkAnswer): Sentiment {
  switch (answer) {
    case 'still_deciding':
      return 'neutral';
    case 'next_conversation':
      return 'positive';
    case 'another_candidate':
    case 'on_hold':
      return 'negative';
  }
}

/**
 * The ending an answer suggests. hearback never ends an application by itself: Today and the application
 * page offer this ending, and the user confirms it.
 */
export function suggestedEnding(
  answer: ResponseLinkAnswer,
): { readonly outcome: Outcome; readonly closedReason: ClosedReason | null } | null {
  switch (answer) {
    case 'another_candidate':
      return { outcome: 'rejected', closedReason: null };
    case 'on_hold':
      return { outcome: 'position_closed', closedReason: 'unknown' };
    default:
      return null;
  }
}

/** The sentence a draft adds before its sign-off, with the link. */
export function responseLinkSentence(url: string): string {
  return `If it's easier, one click tells me where things stand: ${url}`;
}

/** The explanation shown instead of a link when the employer could not reach hearback. */
export const localOnlyExplanation =
  'The response link works only when hearback is reachable from outside this machine: set HEARBACK_PUBLIC_URL to the address employers can open (docs/response-link.md).';

/**
 * An answer in the user's words, for Today, the digest and the CLI: "Still deciding, news by Fri 13 Mar",
 * and the ending it suggests ("Consider ending it as rejected"), or null.
 */
export function describeLinkAnswer(answer: {
  readonly answer: ResponseLinkAnswer;
  readonly expectedBy: string | null;
}): { readonly answer: string; readonly suggestion: string | null } {
  const label = responseLinkAnswerLabels[answer.answer];
  const ending = suggestedEnding(answer.answer);
  return {
    answer: answer.expectedBy ? `${label}, news by ${formatShortDate(answer.expectedBy)}` : label,
    suggestion: ending ? `Consider ending it as ${outcomeLabels[ending.outcome].toLowerCase()}` : null,
  };
}
