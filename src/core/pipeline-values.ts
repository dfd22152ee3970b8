// The pipeline without its zod schemas (pipeline.ts re-exports all of it with them): `hearback list` loads no
// zod (issue 12, item 11).
import { AppError } from './errors.js';

/**
 * The stage pipeline. An application's stage history is a list of dated stage changes; its current stage,
 * the furthest stage it reached, its outcome and its key dates are all derived from that list, so moving
 * backwards, ending and reopening never lose what happened before.
 */
export const activeStages = ['saved', 'applied', 'screening', 'interviewing', 'offer'] as const;
export const stages = [...activeStages, 'ended'] as const;
export const outcomes = [
  'accepted',
  'declined',
  'rejected',
  'withdrew',
  'no_response',
  'position_closed',
] as const;
export const closedReasons = ['cancelled', 'filled_internally', 'hiring_freeze', 'unknown'] as const;

export type ActiveStage = (typeof activeStages)[number];
export type Stage = (typeof stages)[number];
export type Outcome = (typeof outcomes)[number];
export type ClosedReason = (typeof closedReasons)[number];

export const stageLabels: Readonly<Record<Stage, string>> = {
  saved: 'Saved',
  applied: 'Applied',
  screening: 'Screening',
  interviewing: 'Interviewing',
  offer: 'Offer',
  ended: 'Ended',
};

export const outcomeLabels: Readonly<Record<Outcome, string>> = {
  accepted: 'Offer accepted',
  declined: 'Offer declined',
  rejected: 'Rejected',
  withdrew: 'Withdrew',
  no_response: 'No response (ghosted)',
  position_closed: 'Position closed',
};

export const closedReasonLabels: Readonly<Record<ClosedReason, string>> = {
  cancelled: 'cancelled',
  filled_internally: 'filled internally',
  hiring_freeze: 'hiring freeze',
  unknown: 'reason unknown',
};

export type StageChange = {
  readonly fromStage: Stage | null;
  readonly toStage: Stage;
  readonly outcome: Outcome | null;
  readonly closedReason: ClosedReason | null;
  readonly occurredAt: string;
};

export type StageRequest = {
  readonly stage: Stage;
  readonly outcome?: Outcome | null | undefined;
  readonly closedReason?: ClosedReason | null | undefined;
  readonly occurredAt: string;
};

export type PipelineSummary = {
  readonly stage: Stage;
  readonly furthestStage: ActiveStage;
  readonly outcome: Outcome | null;
  readonly closedReason: ClosedReason | null;
  readonly appliedAt: string | null;
  readonly endedAt: string | null;
  /** When it reached its current stage: the last change of the history. */
  readonly stageChangedAt: string;
};

export function stageRank(stage: ActiveStage): number {
  return activeStages.indexOf(stage);
}

export function isActiveStage(stage: Stage): stage is ActiveStage {
  return stage !== 'ended';
}

/** Derives the current state of an application from its stage history (oldest first). */
export function summarizeStageHistory(history: readonly StageChange[]): PipelineSummary {
  const last = history.at(-1);
  if (!last) throw new Error('a stage history always starts with the stage the application was added in');
  let furthest: ActiveStage = 'saved';
  let appliedAt: string | null = null;
  for (const change of history) {
    if (!isActiveStage(change.toStage)) continue;
    if (stageRank(change.toStage) > stageRank(furthest)) furthest = change.toStage;
    if (appliedAt === null && stageRank(change.toStage) >= stageRank('applied'))
      appliedAt = change.occurredAt;
  }
  const isEnded = last.toStage === 'ended';
  return {
    stage: last.toStage,
    furthestStage: furthest,
    outcome: isEnded ? last.outcome : null,
    closedReason: isEnded ? last.closedReason : null,
    appliedAt,
    endedAt: isEnded ? last.occurredAt : null,
    stageChangedAt: last.occurredAt,
  };
}

/**
 * Checks a requested move against the history and returns the stage change to append. Any stage can follow
 * any other (moving back and reopening are allowed), but each move must say something new and come after the
 * last one in time, so the history stays a single line that explains the present.
 */
export function planStageChange(history: readonly StageChange[], request: StageRequest): StageChange {
  const last = history.at(-1) ?? null;
  const outcome = request.outcome ?? null;
  const closedReason = request.closedReason ?? null;
  if (request.stage === 'ended' && outcome === null) {
    throw invalid('outcome', 'an ended application needs an outcome (e.g. rejected, no_response)');
  }
  if (request.stage !== 'ended' && outcome !== null) {
    throw invalid('outcome', `only an ended application has an outcome; "${request.stage}" is not an ending`);
  }
  if (closedReason !== null && outcome !== 'position_closed') {
    throw invalid('closedReason', 'a closed reason only goes with the outcome position_closed');
  }
  if (last) {
    const isSame =
      last.toStage === request.stage &&
      last.outcome === outcome &&
      (last.closedReason ?? null) === (closedReason ?? (outcome === 'position_closed' ? 'unknown' : null));
    if (isSame) throw invalid('stage', `the application is already ${describeStage(last)}`);
    if (request.occurredAt < last.occurredAt) {
      throw invalid(
        'occurredAt',
        `a stage change cannot be dated before the previous one (${last.occurredAt}); history is kept in order`,
      );
    }
  }
  return {
    fromStage: last?.toStage ?? null,
    toStage: request.stage,
    outcome,
    closedReason: outcome === 'position_closed' ? (closedReason ?? 'unknown') : null,
    occurredAt: request.occurredAt,
  };
}

export function describeStage(change: Pick<StageChange, 'toStage' | 'outcome' | 'closedReason'>): string {
  if (change.toStage !== 'ended' || change.outcome === null) return stageLabels[change.toStage].toLowerCase();
  const reason =
    change.outcome === 'position_closed' && change.closedReason
      ? ` (${closedReasonLabels[change.closedReason]})`
      : '';
  return `ended: ${outcomeLabels[change.outcome].toLowerCase()}${reason}`;
}

function invalid(field: string, message: string): AppError {
  return new AppError('INVALID_STAGE_CHANGE', `${field}: ${message}`, { issues: [{ field, message }] });
}
