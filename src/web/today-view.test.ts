import { describe, expect, it } from 'vitest';
import { draftKindFor } from '../core/drafts.js';
import { followUpKinds } from '../core/follow-up.js';
import { countTodayItems, isDraftable } from './today-view.js';

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
});
