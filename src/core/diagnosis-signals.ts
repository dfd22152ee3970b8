import type { Scorer } from './diagnosis-finding.js';
import {
  type DiagnosisCause,
  type DiagnosisSignal,
  diagnosisCauses,
  type Evidence,
  type Likelihood,
} from './diagnosis-schema.js';
import {
  scoreEmployerReply,
  scoreOwnReplyTime,
  scoreRoundsDone,
  scoreSilence,
  scoreStageReached,
} from './diagnosis-signals-contact.js';
import { scoreNudges, scoreSelfRating, scoreTailoring, scoreThankYou } from './diagnosis-signals-effort.js';
import {
  scoreCompanySize,
  scoreOwnResponseRate,
  scorePostingAge,
  scorePostingExpiry,
  scorePostingStatus,
  scoreSource,
} from './diagnosis-signals-posting.js';
import type { Reading } from './diagnosis-timeline.js';

/**
 * The signals, and how their findings add up to a score per cause (docs/diagnosis.md, "How the scores are
 * worked out"): each cause starts at its base weight, every finding adds its weight, and the logistic of the
 * total is the score.
 */

/**
 * One scorer per signal in `diagnosisSignals`. The findings are listed in this order, and evidence of equal
 * weight keeps it, so moving a line here changes the text of a diagnosis (not its scores).
 */
const scorers = {
  silence: scoreSilence,
  stage_reached: scoreStageReached,
  rounds_done: scoreRoundsDone,
  posting_status: scorePostingStatus,
  posting_expiry: scorePostingExpiry,
  nudges_unanswered: scoreNudges,
  thank_you: scoreThankYou,
  source: scoreSource,
  posting_age: scorePostingAge,
  company_size: scoreCompanySize,
  tailoring_score: scoreTailoring,
  self_rating: scoreSelfRating,
  employer_reply: scoreEmployerReply,
  own_reply_time: scoreOwnReplyTime,
  own_response_rate: scoreOwnResponseRate,
} as const satisfies Record<DiagnosisSignal, Scorer>;

const scoringOrder = Object.keys(scorers) as DiagnosisSignal[];

/** Where each cause starts before any signal: hearback's judgement of how often each explains silence. */
const baseWeights: Readonly<Record<DiagnosisCause, number>> = {
  position_gone: -1.5,
  avoiding_confrontation: -0.5,
  still_deciding: 0,
  too_many_applicants: -0.3,
  room_for_improvement: -0.8,
};

const likelyFrom = 0.6;
const possibleFrom = 0.35;

type Item = { readonly signal: DiagnosisSignal; readonly weight: number; readonly text: string };

/** A cause weighed: its score, how likely that makes it, and the evidence, strongest first. */
export type WeighedCause = {
  readonly cause: DiagnosisCause;
  readonly score: number;
  readonly likelihood: Likelihood;
  readonly evidence: Evidence[];
};

/** Every cause weighed on every signal, in the order of `diagnosisCauses`. */
export function weighCauses(r: Reading): WeighedCause[] {
  const items = new Map<DiagnosisCause, Item[]>(diagnosisCauses.map((cause) => [cause, []]));
  for (const signal of scoringOrder) {
    const findings = scorers[signal](r);
    for (const cause of diagnosisCauses) {
      for (const { weight, text } of findings[cause]) items.get(cause)?.push({ signal, weight, text });
    }
  }
  return diagnosisCauses.map((cause) => weighCause(cause, items.get(cause) ?? []));
}

function weighCause(cause: DiagnosisCause, items: readonly Item[]): WeighedCause {
  const logit = items.reduce((sum, item) => sum + item.weight, baseWeights[cause]);
  const score = round2(1 / (1 + Math.exp(-logit)));
  const ordered = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => Math.abs(b.item.weight) - Math.abs(a.item.weight) || a.index - b.index)
    .map(({ item }) => item);
  return {
    cause,
    score,
    likelihood: score >= likelyFrom ? 'likely' : score >= possibleFrom ? 'possible' : 'unlikely',
    evidence: ordered.map((item) => ({
      signal: item.signal,
      text: item.text,
      direction: item.weight > 0 ? 'for' : item.weight < 0 ? 'against' : 'neutral',
    })),
  };
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
