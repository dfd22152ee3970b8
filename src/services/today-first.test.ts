import { expect, it } from 'vitest';
import { addApplication } from '../../test/support/api.js';
import { describeEachDialect, testNow } from '../../test/support/test-runtime.js';
import { getToday } from './today.js';

const day = 86_400_000;
const daysFrom = (instant: string, days: number) => new Date(Date.parse(instant) + days * day).toISOString();

describeEachDialect("Today's first steps of each group", (ctx) => {
  it('are exactly the first steps of the whole of Today, with the same totals', async () => {
    // Applications sent over the last three weeks: their first follow-ups fall due before, on and after the
    // day Today is asked for.
    for (let i = 0; i < 42; i++) {
      await addApplication(ctx.app, {
        companyName: `Company ${i % 7}`,
        jobTitle: `Engineer ${i}`,
        stage: 'applied',
        stageAt: daysFrom(testNow, -Math.floor(i / 2)),
      });
    }
    for (const asOf of [testNow, daysFrom(testNow, 6), daysFrom(testNow, 12)]) {
      const whole = await getToday(ctx.deps, asOf);
      const sizes = [whole.overdue.length, whole.today.length, whole.week.length];
      expect(
        sizes.reduce((a, b) => a + b),
        asOf,
      ).toBeGreaterThan(3);
      for (const first of [1, 2, 5, 20]) {
        const cut = await getToday(ctx.deps, asOf, first);
        expect(cut, `${asOf}, first ${first}`).toEqual({
          ...whole,
          overdue: whole.overdue.slice(0, first),
          today: whole.today.slice(0, first),
          week: whole.week.slice(0, first),
        });
      }
    }
    // Some day asked for has each group holding more than the smallest cut.
    const days = await Promise.all(
      [testNow, daysFrom(testNow, 6), daysFrom(testNow, 12)].map((asOf) => getToday(ctx.deps, asOf)),
    );
    expect(Math.max(...days.map((d) => d.totals.overdue))).toBeGreaterThan(2);
    expect(Math.max(...days.map((d) => d.totals.today))).toBeGreaterThan(1);
    expect(Math.max(...days.map((d) => d.totals.week))).toBeGreaterThan(2);
  });
});
