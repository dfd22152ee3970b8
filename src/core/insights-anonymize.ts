import { monthNames } from './date-words.js';
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

/** What free text (a retrospective's notes) must not show once anonymised. */
export type NamesToHide = {
  readonly companies: readonly string[];
  readonly titles: readonly string[];
  readonly people: readonly string[];
};

/** The date spellings taken out of free text; month names come from date-words.ts, built on first use. */
let datePatterns: readonly RegExp[] | null = null;
function datePatternsOf(): readonly RegExp[] {
  if (datePatterns) return datePatterns;
  const month = `(?:${[...monthNames('long').map((n) => `${n.slice(0, 3)}(?:${n.slice(3)})?`), 'sept'].join('|')})`;
  datePatterns = [
    /\b\d{4}-\d{1,2}(?:-\d{1,2}(?:T[\d:.]+Z?)?)?\b/gi, // 2026-03-14, 2026-03, 2026-03-14T09:00:00Z
    /\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/g, // 14.03.2026, 3/14/26
    new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${month}\\.?(?:,?\\s+\\d{4})?\\b`, 'gi'), // 14 March 2026
    new RegExp(`\\b${month}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b`, 'gi'), // March 14, 2026
    new RegExp(`\\b${month}\\.?\\s+\\d{4}\\b`, 'gi'), // March 2026
  ];
  return datePatterns;
}

/**
 * Free text made fit to share: every known company, job title and person (longest first, any case) becomes
 * "[company]", "[role]" or "[person]", and dates in the usual spellings become "[date]".
 */
export function anonymizeText(text: string, hide: NamesToHide): string {
  const names = [
    ...hide.companies.map((name) => ({ name, as: '[company]' })),
    ...hide.titles.map((name) => ({ name, as: '[role]' })),
    ...hide.people.map((name) => ({ name, as: '[person]' })),
    // "Jane" alone still names Jane Doe.
    ...hide.people
      .flatMap((name) => name.split(/\s+/).filter((part) => part.length > 1))
      .map((name) => ({ name, as: '[person]' })),
  ]
    .map((n) => ({ ...n, name: n.name.trim() }))
    .filter((n) => n.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  let out = text;
  for (const pattern of datePatternsOf()) out = out.replace(pattern, '[date]');
  for (const { name, as } of names) {
    out = out.replace(new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), as);
  }
  return out;
}
