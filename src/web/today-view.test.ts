import { describe, expect, it } from 'vitest';
import { draftKindFor } from '../core/drafts.js';
import { followUpKinds } from '../core/follow-up.js';
import type { Today, TodayItem } from '../core/today.js';
import { countTodayItems, isDraftable, withItemsBack, withoutSteps } from './today-view.js';

describe('today view', () => {
  it('counts the steps of every group, loaded or not', () => {
    expect(countTodayItems({ totals: { overdue: 1, today: 2, week: 0 } })).toBe(3);
    expect(countTodayItems({ totals: { overdue: 0, today: 0, week: 0 } })).toBe(0);
    expect(countTodayItems({ totals: { overdue: 480, today: 31, week: 0 } })).toBe(511);
  });

  it('offers a draft for exactly the kinds of step core drafts a message for', () => {
    for (const kind of followUpKinds) {
      expect(isDraftable({ kind }), kind).toBe(draftKindFor({ kind, channel: 'email' }) !== null);
    }
  });

  it('takes steps off Today and puts them back in their groups, in due order, never twice', () => {
    const item = (id: string, dueAt: string) => ({ step: { id, dueAt } }) as unknown as TodayItem;
    const today = {
      overdue: [item('a', '2026-03-01T09:00:00Z'), item('b', '2026-03-02T09:00:00Z')],
      today: [item('c', '2026-03-03T09:00:00Z')],
      week: [item('d', '2026-03-05T09:00:00Z')],
      // Only the first steps of overdue are loaded: 40 in all.
      totals: { overdue: 40, today: 1, week: 1 },
    } as Today;
    const { today: without, taken } = withoutSteps(today, new Set(['a', 'd']));
    const ids = (t: Today) => [t.overdue, t.today, t.week].map((group) => group.map((i) => i.step.id));
    expect(ids(without)).toEqual([['b'], ['c'], []]);
    expect(taken.map((t) => [t.group, t.item.step.id])).toEqual([
      ['overdue', 'a'],
      ['week', 'd'],
    ]);
    expect(without.totals).toEqual({ overdue: 39, today: 1, week: 0 });
    expect(ids(withItemsBack(without, taken))).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(withItemsBack(without, taken).totals).toEqual(today.totals);
    expect(ids(withItemsBack(today, taken))).toEqual(ids(today));
    expect(withItemsBack(today, taken).totals).toEqual(today.totals);
  });
});
