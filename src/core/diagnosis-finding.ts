import type { DiagnosisCause } from './diagnosis-schema.js';
import type { Reading } from './diagnosis-timeline.js';

/** One thing a signal says about a cause: how far it moves the cause's score, and the sentence that says why. */
export type Finding = { readonly weight: number; readonly text: string };

/**
 * What one signal says about every cause, `[]` where it says nothing. Every cause is a key, so a new cause
 * does not compile until each scorer has been asked what its signal says about it. Build these as literals:
 * spreading `noFindings` into one would silently answer a new cause with nothing.
 */
export type Findings = { readonly [Cause in DiagnosisCause]: readonly Finding[] };

/** Reads one signal off the timeline. */
export type Scorer = (r: Reading) => Findings;

export const noFindings: Findings = {
  position_gone: [],
  avoiding_confrontation: [],
  still_deciding: [],
  too_many_applicants: [],
  room_for_improvement: [],
};

export function finding(weight: number, text: string): Finding {
  return { weight, text };
}
