import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ActiveStage,
  activeStages,
  isActiveStage,
  outcomes,
  planStageChange,
  type StageChange,
  type StageRequest,
  stageRank,
  stages,
  summarizeStageHistory,
} from './pipeline.js';

const at = (day: number) => new Date(Date.UTC(2026, 2, day, 9)).toISOString();

function replay(requests: readonly StageRequest[]): StageChange[] {
  const history: StageChange[] = [];
  for (const request of requests) history.push(planStageChange(history, request));
  return history;
}

describe('stage pipeline', () => {
  it('keeps the furthest stage when an application ends', () => {
    const history = replay([
      { stage: 'applied', occurredAt: at(1) },
      { stage: 'interviewing', occurredAt: at(5) },
      { stage: 'ended', outcome: 'rejected', occurredAt: at(9) },
    ]);
    expect(summarizeStageHistory(history)).toEqual({
      stage: 'ended',
      furthestStage: 'interviewing',
      outcome: 'rejected',
      closedReason: null,
      appliedAt: at(1),
      endedAt: at(9),
      stageChangedAt: at(9),
    });
  });

  it('records a reopening and a move backwards without rewriting history', () => {
    const history = replay([
      { stage: 'applied', occurredAt: at(1) },
      { stage: 'offer', occurredAt: at(3) },
      { stage: 'ended', outcome: 'no_response', occurredAt: at(4) },
      { stage: 'screening', occurredAt: at(6) },
    ]);
    expect(history.map((h) => [h.fromStage, h.toStage])).toEqual([
      [null, 'applied'],
      ['applied', 'offer'],
      ['offer', 'ended'],
      ['ended', 'screening'],
    ]);
    expect(summarizeStageHistory(history)).toMatchObject({
      stage: 'screening',
      furthestStage: 'offer',
      outcome: null,
    });
  });

  it('fills in "unknown" as the reason a position closed when none is given', () => {
    const [, ended] = replay([
      { stage: 'applied', occurredAt: at(1) },
      { stage: 'ended', outcome: 'position_closed', occurredAt: at(2) },
    ]);
    expect(ended).toMatchObject({ outcome: 'position_closed', closedReason: 'unknown' });
  });

  it('refuses an ending without an outcome, an outcome without an ending, and a stray closed reason', () => {
    const history = replay([{ stage: 'applied', occurredAt: at(1) }]);
    expect(() => planStageChange(history, { stage: 'ended', occurredAt: at(2) })).toThrow(/outcome/);
    expect(() =>
      planStageChange(history, { stage: 'offer', outcome: 'accepted', occurredAt: at(2) }),
    ).toThrow(/only an ended application/);
    expect(() =>
      planStageChange(history, {
        stage: 'ended',
        outcome: 'rejected',
        closedReason: 'hiring_freeze',
        occurredAt: at(2),
      }),
    ).toThrow(/closedReason/);
  });

  it('refuses a move to the stage it is already in, and one dated before the last move', () => {
    const history = replay([{ stage: 'applied', occurredAt: at(5) }]);
    expect(() => planStageChange(history, { stage: 'applied', occurredAt: at(6) })).toThrow(
      /already applied/,
    );
    expect(() => planStageChange(history, { stage: 'screening', occurredAt: at(4) })).toThrow(
      /before the previous/,
    );
  });

  it('allows changing the outcome of an ended application', () => {
    const history = replay([
      { stage: 'applied', occurredAt: at(1) },
      { stage: 'ended', outcome: 'no_response', occurredAt: at(2) },
      { stage: 'ended', outcome: 'rejected', occurredAt: at(3) },
    ]);
    expect(summarizeStageHistory(history)).toMatchObject({
      stage: 'ended',
      outcome: 'rejected',
      endedAt: at(3),
    });
  });

  const request = fc.oneof(
    fc.constantFrom(...activeStages).map((stage) => ({ stage }) as Omit<StageRequest, 'occurredAt'>),
    fc
      .constantFrom(...outcomes)
      .map((outcome) => ({ stage: 'ended', outcome }) as Omit<StageRequest, 'occurredAt'>),
  );

  it('derives current stage, furthest stage and dates correctly after any sequence of moves', () => {
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 30 }), (moves) => {
        const history: StageChange[] = [];
        const visited: ActiveStage[] = [];
        moves.forEach((move, index) => {
          try {
            history.push(planStageChange(history, { ...move, occurredAt: at(1 + index) }));
            if (isActiveStage(move.stage)) visited.push(move.stage);
          } catch {
            // A repeated move is refused; the history must stay as it was.
          }
        });
        if (history.length === 0) return;
        const summary = summarizeStageHistory(history);
        const last = history.at(-1)!;
        expect(summary.stage).toBe(last.toStage);
        const expectedFurthest = visited.reduce<ActiveStage>(
          (best, s) => (stageRank(s) > stageRank(best) ? s : best),
          'saved',
        );
        expect(summary.furthestStage).toBe(expectedFurthest);
        expect(summary.outcome).toBe(last.toStage === 'ended' ? last.outcome : null);
        const firstApplied = history.find((h) => isActiveStage(h.toStage) && stageRank(h.toStage) >= 1);
        expect(summary.appliedAt).toBe(firstApplied?.occurredAt ?? null);
        for (let i = 1; i < history.length; i++) expect(history[i]!.fromStage).toBe(history[i - 1]!.toStage);
        expect(stages).toContain(summary.stage);
      }),
      { numRuns: 1000 },
    );
  });
});
