import type { Insights } from './insights.js';

/**
 * The insights made fit to share: resume names (which often carry the user's name or a company's) become
 * "Resume 1, 2…", weeks become "Week 1, 2…" in order, and every date (the period, the streak's start) is
 * dropped. Company names, titles and people never enter the insights in the first place; the figures stay.
 */
export function anonymizeInsights(insights: Insights): Insights {
  return {
    ...insights,
    period: { from: null, to: null, asOf: null },
    isAnonymized: true,
    groups: {
      ...insights.groups,
      resume: insights.groups.resume.map((row, i) =>
        row.key === '' ? row : { ...row, key: `resume-${i + 1}`, label: `Resume ${i + 1}` },
      ),
      weekApplied: insights.groups.weekApplied.map((row, i) => ({
        ...row,
        key: `week-${i + 1}`,
        label: `Week ${i + 1}`,
      })),
    },
    activity: {
      ...insights.activity,
      weeks: insights.activity.weeks.map((week, i) => ({
        ...week,
        key: `week-${i + 1}`,
        label: `Week ${i + 1}`,
      })),
      streak: { ...insights.activity.streak, since: null },
    },
  };
}
