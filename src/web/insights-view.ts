import type { Insights, InsightsGroupRow } from '../core/insights.js';
import type { MarketFigure } from '../core/insights-market.js';

export type { Insights };

/**
 * What the insights page shows, as plain rows and sentences: each chart's table view and text summary come
 * from here, so the page, the API and the CLI tell the same figures (insights-command.test.ts compares them).
 * Only types are imported from core, so the page's chunk does not carry the schemas.
 */
export type InsightsPage = {
  readonly headlines: ReadonlyArray<{
    readonly id: string;
    readonly label: string;
    readonly value: string;
    readonly note: string | null;
    readonly market: ReadonlyArray<{
      readonly text: string;
      /** The source and its year, shown beside the figure and on hover. */
      readonly citation: string;
    }>;
  }>;
  readonly funnel: { readonly summary: string; readonly rows: ReadonlyArray<readonly string[]> };
  readonly groups: ReadonlyArray<{
    readonly id: keyof Insights['groups'];
    readonly title: string;
    readonly summary: string;
    readonly rows: ReadonlyArray<readonly string[]>;
  }>;
  readonly followUps: { readonly summary: string; readonly rows: ReadonlyArray<readonly string[]> };
  readonly silence: string;
  readonly activity: { readonly summary: string; readonly rows: ReadonlyArray<readonly string[]> };
};

export const groupHeaders = [
  'Group',
  'Applied',
  'Responses',
  'Interviews',
  'Days to response (median / p75)',
];
export const funnelHeaders = ['Stage', 'Reached', 'From the stage before'];
export const followUpHeaders = ['Step', 'Done', 'Answered'];
export const activityHeaders = ['Week', 'Applied', 'Interviews', 'Follow-ups', 'Goal'];

const groupTitles: Readonly<Record<keyof Insights['groups'], string>> = {
  source: 'By source',
  resume: 'By resume',
  companySize: 'By company size',
  weekApplied: 'By week applied',
};

export function countOrRate(count: number, of: number, rate: number | null): string {
  return rate === null ? `${count} of ${of}` : `${Math.round(rate * 1000) / 10}% (${count} of ${of})`;
}

function groupRow(r: InsightsGroupRow): string[] {
  const d = r.daysToFirstResponse;
  return [
    r.label,
    String(r.applications),
    countOrRate(r.responded, r.applications, r.responseRate),
    countOrRate(r.interviewed, r.applications, r.interviewRate),
    d.median === null ? '—' : `${d.median} / ${d.p75}`,
  ];
}

function groupSummary(title: string, rows: readonly InsightsGroupRow[]): string {
  if (rows.length === 0) return `${title}: no applications yet.`;
  const best = [...rows].sort((a, b) => b.responded / b.applications - a.responded / a.applications)[0]!;
  const small = rows.some((r) => r.isSmall) ? ' Groups of fewer than 30 show counts, not percentages.' : '';
  return `${title}: ${rows.length} groups. Most responses: ${best.label} (${countOrRate(best.responded, best.applications, best.responseRate)}).${small}`;
}

/**
 * A public figure's source with its year, the year said once: most sources name it already ("Lever (2016)"),
 * and one that does not gets it added.
 */
export function citationOf(figure: Pick<MarketFigure, 'source' | 'year'>): string {
  const { source, year } = figure;
  return year === null || new RegExp(`\\b${year}\\b`).test(source) ? source : `${source}, ${year}`;
}

export function insightsPageOf(insights: Insights): InsightsPage {
  const funnelRows = insights.funnel.map((f) => [f.label, String(f.reached), f.conversionText ?? '—']);
  const s = insights.silence;
  const weeks = insights.activity.weeks;
  const met = weeks.filter((w) => w.isGoalMet === true).length;
  const streak = insights.activity.streak;
  return {
    headlines: insights.headlines.map((h) => ({
      id: h.id,
      label: h.label,
      value: h.text,
      note: h.note,
      market: h.market.map((m) => ({ text: m.text, citation: citationOf(m) })),
    })),
    funnel: {
      summary: `Of ${insights.applications} applications, ${insights.funnel
        .slice(1)
        .map((f) => `${f.reached} reached ${f.label.toLowerCase()}`)
        .join(', ')}.`,
      rows: funnelRows,
    },
    groups: (Object.keys(groupTitles) as (keyof Insights['groups'])[]).map((id) => ({
      id,
      title: groupTitles[id],
      summary: groupSummary(groupTitles[id], insights.groups[id]),
      rows: insights.groups[id].map(groupRow),
    })),
    followUps: {
      summary:
        insights.followUps.byKind.length === 0
          ? 'No follow-ups done yet.'
          : `Follow-ups answered within ${insights.followUps.replyDays} business days: ${insights.followUps.byKind
              .map((k) => `${k.label} ${countOrRate(k.answered, k.done, k.rate)}`)
              .join('; ')}.`,
      rows: insights.followUps.byKind.map((k) => [
        k.label,
        String(k.done),
        countOrRate(k.answered, k.done, k.rate),
      ]),
    },
    silence: `${countOrRate(s.endedNoResponse, s.applied, s.share)} applications ended as no response${
      s.medianDaysToNoResponse === null ? '' : `, after ${s.medianDaysToNoResponse} days (median)`
    }; ${s.stillWaiting} still waiting for a first answer${
      s.medianDaysWaiting === null ? '' : ` (median ${s.medianDaysWaiting} days so far)`
    }. Silence is common: it says little about you.`,
    activity: {
      summary: `${weeks.length} weeks${
        weeks.some((w) => w.isGoalMet !== null) ? `, goal met in ${met}` : ''
      }. Streak: ${streak.days} ${streak.days === 1 ? 'day' : 'days'} with activity; weekends and holidays do not break it.`,
      rows: weeks.map((w) => [
        w.label,
        String(w.applications),
        String(w.interviews),
        String(w.followUps),
        w.isGoalMet === null ? '—' : w.isGoalMet ? 'met' : w.isCurrent ? 'in progress' : 'missed',
      ]),
    },
  };
}
