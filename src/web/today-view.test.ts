import { describe, expect, it } from 'vitest';
import { draftKindFor } from '../core/drafts.js';
import { followUpKinds } from '../core/follow-up.js';
import type { Today, TodayItem } from '../core/today.js';
import { countTodayItems, isDraftable, withItemsBack, withoutSteps } from './today-view.js';

describe('today view', () => {
  it('counts the steps of every group', () => {
    const item = {} as never;
    expect(countTodayItems({ overdue: [item], today: [item, item], week: [] })).toBe(3);
    expect(countTodayItems({ overdue: [], today: [], week: [] })).toBe(0);
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
    } as Today;
    const { today: without, taken } = withoutSteps(today, new Set(['a', 'd']));
    const ids = (t: Today) => [t.overdue, t.today, t.week].map((group) => group.map((i) => i.step.id));
    expect(ids(without)).toEqual([['b'], ['c'], []]);
    expect(taken.map((t) => [t.group, t.item.step.id])).toEqual([
      ['overdue', 'a'],
      ['week', 'd'],
    ]);
    expect(ids(withItemsBack(without, taken))).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(ids(withItemsBack(today, taken))).toEqual(ids(today));
  });
});
