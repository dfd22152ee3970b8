import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { Application } from './application.js';
import type { SourceKind } from './application-values.js';
import type { WorkCalendar } from './business-days.js';
import type { Company } from './company.js';
import { companySizeBands } from './company-values.js';
import { isEmployerResponse } from './employer-response.js';
import type { TimelineEvent } from './event.js';
import { instant, localDate } from './fields.js';
import type { FollowUp } from './follow-up.js';
import { followUpKinds } from './follow-up-values.js';
import { type MarketFigure, marketFigures } from './insights-market.js';
import { followUpKindLabels, sourceLabels } from './labels.js';
import {
  type ActiveStage,
  outcomeLabels,
  type outcomes,
  type StageChange,
  stageLabels,
  stageRank,
  summarizeStageHistory,
} from './pipeline.js';

/**
 * Insights: what the whole search says, computed from each application's stage history and timeline as they
 * stand at `now`, so an edited history gives new figures and nothing is kept that could go stale
 * (docs/insights.md). A group of fewer than `smallGroup` applications gives counts, never a percentage.
 */
export const smallGroup = 30;

const dayMs = 86_400_000;

export const insightsQuerySchema = z
  .strictObject({
    from: localDate
      .optional()
      .describe('count applications applied (or saved, if never applied) on or after this date'),
    to: localDate.optional().describe('… and on or before this date'),
    asOf: z
      .union([instant, localDate])
      .optional()
      .describe(
        'answer as of this instant, or the end of this date in your time zone: anything recorded later is ignored (default: now)',
      ),
    goalApplications: z.coerce
      .number()
      .int()
      .min(0)
      .max(1000)
      .optional()
      .describe('a weekly goal of applications for this answer (default: the saved one in settings)'),
    goalInterviews: z.coerce
      .number()
      .int()
      .min(0)
      .max(1000)
      .optional()
      .describe('a weekly goal of interviews for this answer (default: the saved one in settings)'),
    goalFollowUps: z.coerce
      .number()
      .int()
      .min(0)
      .max(1000)
      .optional()
      .describe('a weekly goal of follow-ups done for this answer (default: the saved one in settings)'),
    replyDays: z.coerce
      .number()
      .int()
      .min(1)
      .max(60)
      .optional()
      .describe(
        'a follow-up counts as answered when a reply came within this many business days (default 5)',
      ),
    anonymize: z.enum(['true', 'false']).optional().describe('drop resume names and dates, for sharing'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'must not be before from',
    path: ['to'],
  });

export type InsightsQuery = z.infer<typeof insightsQuerySchema>;

export const defaultReplyDays = 5;

const share = z.number().min(0).max(1).nullable();

const marketFigureSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    value: z.number().nullable(),
    unit: z.enum(['share', 'days']).nullable(),
    source: z.string(),
    year: z.number().int().nullable(),
    isVerified: z.boolean(),
  })
  .meta({ id: 'MarketFigure' });

const daysSchema = z
  .object({
    median: z.number().nullable(),
    p75: z.number().nullable(),
    measured: z.number().int().describe('how many applications had a first response to measure'),
  })
  .describe('calendar days from applying to the first response');

export const headlineSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    count: z.number().int().describe('the applications the figure counts'),
    of: z.number().int().describe('out of how many'),
    share: share.describe('count / of, or null when `of` is below 30 (too few for a percentage)'),
    days: z.number().nullable().describe('for a figure in days: the median'),
    text: z.string().describe('the figure as shown, e.g. "48% (12 of 25)" or "12 of 25"'),
    note: z.string().nullable().describe('why no percentage is shown, when it is not'),
    market: z
      .array(marketFigureSchema)
      .describe('public figures to compare with, each with its source and year'),
  })
  .meta({ id: 'InsightsHeadline' });

export const groupRowSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    applications: z.number().int(),
    responded: z.number().int(),
    interviewed: z.number().int(),
    responseRate: share,
    interviewRate: share,
    daysToFirstResponse: daysSchema,
    isSmall: z.boolean().describe('fewer than 30 applications: counts only, no percentages'),
  })
  .meta({ id: 'InsightsGroupRow' });

export const groupDimensions = ['source', 'resume', 'companySize', 'weekApplied'] as const;
export type GroupDimension = (typeof groupDimensions)[number];

export const funnelSteps = ['saved', 'applied', 'screening', 'interviewing', 'offer', 'accepted'] as const;
export type FunnelStep = (typeof funnelSteps)[number];

export const sankeyLinkSchema = z.object({
  source: z.string(),
  target: z.string(),
  value: z.number().int().min(1),
});

export const insightsSchema = z
  .object({
    period: z.object({ from: localDate.nullable(), to: localDate.nullable(), asOf: z.string().nullable() }),
    isAnonymized: z.boolean(),
    applications: z.number().int().describe('applications counted (saved or applied in the period)'),
    smallGroup: z.number().int().describe('groups smaller than this show counts, not percentages'),
    headlines: z.array(headlineSchema),
    funnel: z.array(
      z.object({
        step: z.enum(funnelSteps),
        label: z.string(),
        reached: z.number().int().describe('applications whose furthest stage is this one or later'),
        stoppedHere: z.number().int().describe('applications whose furthest stage is this one'),
        conversion: share.describe('reached / reached at the step before; null at the top or below 30'),
        conversionText: z.string().nullable(),
      }),
    ),
    groups: z.object({
      source: z.array(groupRowSchema),
      resume: z.array(groupRowSchema),
      companySize: z.array(groupRowSchema),
      weekApplied: z.array(groupRowSchema),
    }),
    followUps: z.object({
      replyDays: z.number().int(),
      byKind: z.array(
        z.object({
          kind: z.enum(followUpKinds),
          label: z.string(),
          done: z.number().int(),
          answered: z.number().int().describe('done steps followed by an employer response within replyDays'),
          rate: share,
          isSmall: z.boolean(),
        }),
      ),
    }),
    silence: z.object({
      applied: z.number().int(),
      endedNoResponse: z.number().int(),
      share,
      medianDaysToNoResponse: z.number().nullable(),
      stillWaiting: z.number().int().describe('applied, still open, and no response yet'),
      medianDaysWaiting: z.number().nullable(),
    }),
    activity: z.object({
      goal: z.object({
        applications: z.number().int().nullable(),
        interviews: z.number().int().nullable(),
        followUps: z.number().int().nullable(),
      }),
      weeks: z.array(
        z.object({
          key: z.string().describe('the Monday that starts the week, or "week-N" when anonymised'),
          label: z.string(),
          applications: z.number().int(),
          interviews: z.number().int(),
          followUps: z.number().int(),
          isGoalMet: z.boolean().nullable().describe('null when no goal is set'),
          isCurrent: z.boolean(),
        }),
      ),
      streak: z.object({
        days: z.number().int().describe('days with activity in a row; weekends and holidays never break it'),
        since: localDate.nullable(),
      }),
    }),
    sankey: z.object({
      nodes: z.array(z.object({ id: z.string(), column: z.number().int().min(0).max(2) })),
      links: z.array(sankeyLinkSchema),
    }),
  })
  .meta({ id: 'Insights' });

export type Insights = z.infer<typeof insightsSchema>;
export type InsightsHeadline = z.infer<typeof headlineSchema>;
export type InsightsGroupRow = z.infer<typeof groupRowSchema>;

export type WeeklyGoal = Insights['activity']['goal'];

export type InsightsInput = {
  readonly applications: ReadonlyArray<
    Pick<Application, 'id' | 'source' | 'resume'> & { readonly company: { readonly id: string } }
  >;
  readonly companies: ReadonlyArray<Pick<Company, 'id' | 'sizeBand'>>;
  /** Every event of these applications, any order; stage changes make the history. */
  readonly events: readonly TimelineEvent[];
  readonly followUps: ReadonlyArray<Pick<FollowUp, 'applicationId' | 'kind' | 'status' | 'completedAt'>>;
  readonly calendar: WorkCalendar;
  readonly from: string | null;
  readonly to: string | null;
  /** The instant to answer as of: later events are ignored. */
  readonly now: string;
  readonly goal: WeeklyGoal;
  readonly replyDays: number;
};

/** One application as the insights see it, derived from its history up to `now`. */
type Derived = {
  readonly id: string;
  readonly source: SourceKind;
  readonly resume: string | null;
  readonly sizeBand: string | null;
  readonly furthest: ActiveStage;
  readonly outcome: (typeof outcomes)[number] | null;
  readonly isEnded: boolean;
  readonly appliedAt: string | null;
  readonly endedAt: string | null;
  readonly firstResponseAt: string | null;
  readonly isInterviewed: boolean;
  readonly interviewAts: readonly string[];
};

export function computeInsights(input: InsightsInput): Insights {
  const { calendar, now } = input;
  const sizeByCompany = new Map(input.companies.map((c) => [c.id, c.sizeBand]));
  const eventsByApplication = new Map<string, TimelineEvent[]>();
  for (const event of input.events) {
    if (event.occurredAt > now) continue;
    const list = eventsByApplication.get(event.applicationId);
    if (list) list.push(event);
    else eventsByApplication.set(event.applicationId, [event]);
  }

  const derived: Derived[] = [];
  for (const application of input.applications) {
    const events = eventsByApplication.get(application.id) ?? [];
    const history: StageChange[] = [];
    for (const e of events) if (e.kind === 'stage_change') history.push(e);
    if (history.length === 0) continue; // added after `now`
    history.sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
    const summary = summarizeStageHistory(history);
    const anchor = calendar.localDate(summary.appliedAt ?? history[0]!.occurredAt);
    if ((input.from !== null && anchor < input.from) || (input.to !== null && anchor > input.to)) continue;
    let firstResponseAt: string | null = null;
    const interviewAts: string[] = [];
    for (const e of events) {
      if (e.kind === 'interview') interviewAts.push(e.occurredAt);
      if (summary.appliedAt === null || e.occurredAt < summary.appliedAt || !isAnswer(e)) continue;
      if (firstResponseAt === null || e.occurredAt < firstResponseAt) firstResponseAt = e.occurredAt;
    }
    derived.push({
      id: application.id,
      source: application.source.kind,
      resume: application.resume?.name?.trim() || null,
      sizeBand: sizeByCompany.get(application.company.id) ?? null,
      furthest: summary.furthestStage,
      outcome: summary.outcome,
      isEnded: summary.stage === 'ended',
      appliedAt: summary.appliedAt,
      endedAt: summary.endedAt,
      firstResponseAt,
      isInterviewed: stageRank(summary.furthestStage) >= stageRank('interviewing') || interviewAts.length > 0,
      interviewAts,
    });
  }

  const applied = derived.filter((d) => d.appliedAt !== null);
  const funnel = computeFunnel(derived);
  const silence = computeSilence(applied, now);
  const interviewed = applied.filter((d) => d.isInterviewed);
  const offers = interviewed.filter((d) => stageRank(d.furthest) >= stageRank('offer'));
  const ghostedAfterInterview = interviewed.filter((d) => d.outcome === 'no_response');
  const responded = applied.filter((d) => d.firstResponseAt !== null);
  const referrals = applied.filter((d) => d.source === 'referral');
  const days = daysToFirstResponse(applied);

  const headlines: InsightsHeadline[] = [
    headline('responseRate', 'Applications that got a response', responded.length, applied.length, [
      marketFigures.noResponseStepstone,
    ]),
    headline('silence', 'Applications ended as no response', silence.endedNoResponse, applied.length, [
      marketFigures.noResponseStepstone,
    ]),
    headline('interviewRate', 'Applications that led to an interview', interviewed.length, applied.length, [
      marketFigures.applicationsPerInterviewStepstone,
      marketFigures.applicantToInterviewCareerPlug,
    ]),
    headline('interviewToOffer', 'Interviews that led to an offer', offers.length, interviewed.length, [
      marketFigures.interviewToHireCareerPlug,
    ]),
    headline(
      'ghostedAfterInterview',
      'Interviewed, then ended as no response',
      ghostedAfterInterview.length,
      interviewed.length,
      [marketFigures.ghostedAfterInterviewGreenhouse],
    ),
    headline(
      'referralInterviewRate',
      'Referrals that led to an interview',
      referrals.filter((d) => d.isInterviewed).length,
      referrals.length,
      [marketFigures.referralsCareerPlug, marketFigures.referralsLever],
    ),
    {
      id: 'daysToFirstResponse',
      label: 'Days from applying to the first response (median)',
      count: days.measured,
      of: applied.length,
      share: null,
      days: days.median,
      text:
        days.median === null
          ? 'no response yet'
          : `${days.median} days (p75 ${days.p75}; ${days.measured} measured)`,
      note: null,
      market: [marketFigures.firstResponseNone],
    },
  ];

  return {
    period: { from: input.from, to: input.to, asOf: now },
    isAnonymized: false,
    applications: derived.length,
    smallGroup,
    headlines,
    funnel,
    groups: {
      source: groupBy(applied, (d) => [d.source, sourceLabels[d.source]], orderOf(Object.keys(sourceLabels))),
      resume: groupBy(applied, (d) =>
        d.resume === null ? ['', 'No resume recorded'] : [d.resume, d.resume],
      ),
      companySize: groupBy(
        applied,
        (d) => (d.sizeBand === null ? ['', 'Size unknown'] : [d.sizeBand, `${d.sizeBand} people`]),
        orderOf(companySizeBands),
      ),
      weekApplied: groupBy(applied, (d) => {
        const week = mondayOf(calendar.localDate(d.appliedAt!));
        return [week, `Week of ${week}`];
      }),
    },
    followUps: computeFollowUps(input, derived),
    silence,
    activity: computeActivity(input, derived),
    sankey: computeSankeyFlows(derived),
  };
}

/** An employer response (employer-response.ts), or an ending only an offer allows: accepted or declined. */
function isAnswer(e: TimelineEvent): boolean {
  return (
    isEmployerResponse(e) ||
    (e.kind === 'stage_change' && (e.outcome === 'accepted' || e.outcome === 'declined'))
  );
}

function headline(
  id: string,
  label: string,
  count: number,
  of: number,
  market: readonly MarketFigure[],
): InsightsHeadline {
  const rate = rateOf(count, of);
  return {
    id,
    label,
    count,
    of,
    share: rate,
    days: null,
    text: rate === null ? `${count} of ${of}` : `${percent(rate)} (${count} of ${of})`,
    note: of < smallGroup ? smallGroupNote(of) : null,
    market: [...market],
  };
}

export function smallGroupNote(of: number): string {
  return `${of} ${of === 1 ? 'application is' : 'applications are'} too few for a percentage (fewer than ${smallGroup}): counts only`;
}

/** A share rounded to 0.1 percentage point, or null when the group is too small to give one. */
export function rateOf(count: number, of: number): number | null {
  if (of < smallGroup) return null;
  return Math.round((count / of) * 1000) / 1000;
}

export function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

/**
 * Each application sits at one funnel step: its furthest stage, or "accepted" when it ended so (an
 * accepted offer passed every stage, even one the history skipped), so the funnel never widens.
 */
function funnelLevel(d: Derived): number {
  return d.outcome === 'accepted' ? funnelSteps.length - 1 : stageRank(d.furthest);
}

function computeFunnel(derived: readonly Derived[]): Insights['funnel'] {
  const levels = derived.map(funnelLevel);
  const reached = funnelSteps.map((_, i) => levels.filter((level) => level >= i).length);
  return funnelSteps.map((step, i) => {
    const previous = i === 0 ? null : reached[i - 1]!;
    const conversion = previous === null ? null : rateOf(reached[i]!, previous);
    return {
      step,
      label: step === 'accepted' ? outcomeLabels.accepted : stageLabels[step],
      reached: reached[i]!,
      stoppedHere: levels.filter((level) => level === i).length,
      conversion,
      conversionText:
        previous === null
          ? null
          : conversion === null
            ? `${reached[i]} of ${previous}`
            : `${percent(conversion)} (${reached[i]} of ${previous})`,
    };
  });
}

function computeSilence(applied: readonly Derived[], now: string): Insights['silence'] {
  const ended = applied.filter((d) => d.outcome === 'no_response');
  const waiting = applied.filter((d) => !d.isEnded && d.firstResponseAt === null);
  return {
    applied: applied.length,
    endedNoResponse: ended.length,
    share: rateOf(ended.length, applied.length),
    medianDaysToNoResponse: median(ended.map((d) => daysBetween(d.appliedAt!, d.endedAt!))),
    stillWaiting: waiting.length,
    medianDaysWaiting: median(waiting.map((d) => daysBetween(d.appliedAt!, now))),
  };
}

function daysToFirstResponse(
  rows: readonly Derived[],
): Insights['groups']['source'][number]['daysToFirstResponse'] {
  const delays = rows
    .filter((d) => d.firstResponseAt !== null)
    .map((d) => daysBetween(d.appliedAt!, d.firstResponseAt!));
  return { median: median(delays), p75: quantile(delays, 0.75), measured: delays.length };
}

function groupBy(
  applied: readonly Derived[],
  keyOf: (d: Derived) => readonly [string, string],
  order?: (key: string) => number,
): InsightsGroupRow[] {
  const groups = new Map<string, { label: string; rows: Derived[] }>();
  for (const d of applied) {
    const [key, label] = keyOf(d);
    const group = groups.get(key);
    if (group) group.rows.push(d);
    else groups.set(key, { label, rows: [d] });
  }
  const keys = [...groups.keys()].sort((a, b) =>
    order ? order(a) - order(b) || a.localeCompare(b) : a === '' ? 1 : b === '' ? -1 : a.localeCompare(b),
  );
  return keys.map((key) => {
    const { label, rows } = groups.get(key)!;
    const responded = rows.filter((d) => d.firstResponseAt !== null).length;
    const interviewed = rows.filter((d) => d.isInterviewed).length;
    return {
      key,
      label,
      applications: rows.length,
      responded,
      interviewed,
      responseRate: rateOf(responded, rows.length),
      interviewRate: rateOf(interviewed, rows.length),
      daysToFirstResponse: daysToFirstResponse(rows),
      isSmall: rows.length < smallGroup,
    };
  });
}

/** Sorts known keys in their list's order, unknown ones (and the empty "not recorded" key) after. */
function orderOf(keys: readonly string[]): (key: string) => number {
  return (key) => {
    const i = keys.indexOf(key);
    return i === -1 ? keys.length + (key === '' ? 1 : 0) : i;
  };
}

function computeFollowUps(input: InsightsInput, derived: readonly Derived[]): Insights['followUps'] {
  const { calendar, now, replyDays } = input;
  const ids = new Set(derived.map((d) => d.id));
  const responsesByApplication = new Map<string, string[]>();
  for (const e of input.events) {
    if (e.occurredAt > now || !ids.has(e.applicationId) || !isAnswer(e)) continue;
    const list = responsesByApplication.get(e.applicationId);
    if (list) list.push(e.occurredAt);
    else responsesByApplication.set(e.applicationId, [e.occurredAt]);
  }
  const tally = new Map<string, { done: number; answered: number }>();
  for (const step of input.followUps) {
    if (step.status !== 'done' || step.completedAt === null || step.completedAt > now) continue;
    if (!ids.has(step.applicationId)) continue;
    const doneOn = calendar.localDate(step.completedAt);
    const isAnswered = (responsesByApplication.get(step.applicationId) ?? []).some(
      (at) =>
        at > step.completedAt! && calendar.businessDaysBetween(doneOn, calendar.localDate(at)) <= replyDays,
    );
    const t = tally.get(step.kind) ?? { done: 0, answered: 0 };
    t.done++;
    if (isAnswered) t.answered++;
    tally.set(step.kind, t);
  }
  return {
    replyDays,
    byKind: followUpKinds
      .filter((kind) => tally.has(kind))
      .map((kind) => {
        const t = tally.get(kind)!;
        return {
          kind,
          label: followUpKindLabels[kind],
          done: t.done,
          answered: t.answered,
          rate: rateOf(t.answered, t.done),
          isSmall: t.done < smallGroup,
        };
      }),
  };
}

function computeActivity(input: InsightsInput, derived: readonly Derived[]): Insights['activity'] {
  const { calendar, now, goal } = input;
  const ids = new Set(derived.map((d) => d.id));
  const today = calendar.localDate(now);
  type Week = { applications: number; interviews: number; followUps: number };
  const weeks = new Map<string, Week>();
  const activeDays = new Set<string>();
  const add = (at: string, field: keyof Week) => {
    const day = calendar.localDate(at);
    activeDays.add(day);
    const key = mondayOf(day);
    const week = weeks.get(key) ?? { applications: 0, interviews: 0, followUps: 0 };
    week[field]++;
    weeks.set(key, week);
  };
  for (const d of derived) {
    if (d.appliedAt !== null) add(d.appliedAt, 'applications');
    for (const at of d.interviewAts) add(at, 'interviews');
  }
  for (const step of input.followUps) {
    if (
      step.status === 'done' &&
      step.completedAt !== null &&
      step.completedAt <= now &&
      ids.has(step.applicationId)
    )
      add(step.completedAt, 'followUps');
  }
  const currentWeek = mondayOf(today);
  const keys = [...weeks.keys()].sort();
  const first = keys[0];
  // Every week from the first with activity to this one (or the period's end), quiet weeks included.
  const allWeeks: string[] = [];
  const last = input.to !== null && input.to < today ? mondayOf(input.to) : currentWeek;
  for (let week = first; week !== undefined && week <= last; week = shiftDays(week, 7)) allWeeks.push(week);
  const isMet = (w: Week): boolean | null => {
    const set = [
      [goal.applications, w.applications],
      [goal.interviews, w.interviews],
      [goal.followUps, w.followUps],
    ].filter(([target]) => target !== null) as [number, number][];
    return set.length === 0 ? null : set.every(([target, done]) => done >= target);
  };
  return {
    goal,
    weeks: allWeeks.map((key) => {
      const w = weeks.get(key) ?? { applications: 0, interviews: 0, followUps: 0 };
      return { key, label: `Week of ${key}`, ...w, isGoalMet: isMet(w), isCurrent: key === currentWeek };
    }),
    streak: streakOf(activeDays, today, calendar),
  };
}

/**
 * Days with activity in a row, counting back from today. A day off (weekend, holiday) without activity is
 * passed over, never breaking the streak; today without activity yet does not break it either, as the day
 * is not over.
 */
function streakOf(
  activeDays: ReadonlySet<string>,
  today: string,
  calendar: WorkCalendar,
): Insights['activity']['streak'] {
  if (activeDays.size === 0) return { days: 0, since: null };
  const earliest = [...activeDays].sort()[0]!;
  let days = 0;
  let since: string | null = null;
  for (let day = today; day >= earliest; day = shiftDays(day, -1)) {
    if (activeDays.has(day)) {
      days++;
      since = day;
    } else if (day !== today && calendar.isWorkingDay(day)) break;
  }
  return { days, since };
}

export const openOutcomeLabel = 'Still open';

function computeSankeyFlows(derived: readonly Derived[]): Insights['sankey'] {
  const counts = new Map<string, number>();
  const bump = (source: string, target: string) => {
    const key = `${source}\u0000${target}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const d of derived) {
    const stage = stageLabels[d.furthest];
    bump(sourceLabels[d.source], stage);
    bump(stage, d.outcome === null ? openOutcomeLabel : outcomeLabels[d.outcome]);
  }
  const columnOf = new Map<string, number>();
  for (const d of derived) {
    columnOf.set(sourceLabels[d.source], 0);
    columnOf.set(stageLabels[d.furthest], 1);
    columnOf.set(d.outcome === null ? openOutcomeLabel : outcomeLabels[d.outcome], 2);
  }
  const rank = (id: string) => {
    const lists = [
      Object.values(sourceLabels),
      Object.values(stageLabels),
      [...Object.values(outcomeLabels), openOutcomeLabel],
    ];
    return lists[columnOf.get(id)!]!.indexOf(id);
  };
  const nodes = [...columnOf]
    .map(([id, column]) => ({ id, column }))
    .sort((a, b) => a.column - b.column || rank(a.id) - rank(b.id));
  const links = [...counts].map(([key, value]) => {
    const [source, target] = key.split('\u0000') as [string, string];
    return { source, target, value };
  });
  links.sort(
    (a, b) =>
      columnOf.get(a.source)! - columnOf.get(b.source)! ||
      rank(a.source) - rank(b.source) ||
      rank(a.target) - rank(b.target),
  );
  return { nodes, links };
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / dayMs;
}

/** The median, rounded to 0.1; null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const value = sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}

/** The nearest-rank quantile (the smallest value with at least q of the values at or below it), to 0.1. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
  return Math.round(value * 10) / 10;
}

const mondays = new Map<string, string>();

/** The Monday on or before a local date (memoised: a search has a few hundred distinct dates). */
export function mondayOf(date: string): string {
  const known = mondays.get(date);
  if (known !== undefined) return known;
  const day = Temporal.PlainDate.from(date);
  const monday = day.subtract({ days: day.dayOfWeek - 1 }).toString();
  if (mondays.size >= 10_000) mondays.clear();
  mondays.set(date, monday);
  return monday;
}

function shiftDays(date: string, n: number): string {
  return Temporal.PlainDate.from(date).add({ days: n }).toString();
}
