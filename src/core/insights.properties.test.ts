import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from './business-days.js';
import type { TimelineEvent } from './event.js';
import { computeInsights, funnelSteps, type InsightsInput } from './insights.js';
import { anonymizeInsights } from './insights-anonymize.js';
import { toSankeyMatic, toSankeySvg } from './insights-sankey.js';
import { activeStages, type Outcome, outcomes, type Stage } from './pipeline.js';

/**
 * Property tests of the insights: whatever the search looked like, the funnel never widens, each
 * application is counted once in every chart, and the anonymised exports hold no company, title, person or
 * date from the data.
 */

const calendar = createWorkCalendar({
  timeZone: 'Europe/Berlin',
  country: 'DE',
  region: null,
  workingDays: [1, 2, 3, 4, 5],
});
const sources = ['referral', 'job_board', 'company_site', 'recruiter', 'other'] as const;
const bands = [null, '1-24', '100-499', '10000+'] as const;
const hourMs = 3_600_000;
const start = Date.parse('2031-01-06T08:00:00.000Z');

const applicationArb = fc.record({
  company: fc.constantFrom('Acme Rockets', 'Globex Corp', 'Initech', 'Umbrella Health', 'Hooli'),
  title: fc.constantFrom('Staff Platform Engineer', 'Data Wrangler', 'Chief Llama Officer'),
  person: fc.constantFrom('Jane Quartermaine', 'Omar Villanueva', 'Siobhan Okafor'),
  source: fc.constantFrom(...sources),
  band: fc.constantFrom(...bands),
  hasResume: fc.boolean(),
  startHour: fc.integer({ min: 0, max: 24 * 200 }),
  steps: fc.array(
    fc.record({
      gapHours: fc.integer({ min: 1, max: 24 * 20 }),
      stage: fc.constantFrom<Stage>(...activeStages, 'ended'),
      outcome: fc.constantFrom<Outcome>(...outcomes),
    }),
    { maxLength: 6 },
  ),
  replies: fc.array(fc.integer({ min: 1, max: 24 * 60 }), { maxLength: 3 }),
  interviews: fc.array(fc.integer({ min: 1, max: 24 * 60 }), { maxLength: 2 }),
  followUps: fc.array(
    fc.record({
      hours: fc.integer({ min: 1, max: 24 * 60 }),
      kind: fc.constantFrom('first_follow_up', 'thank_you', 'application_check_in' as const),
    }),
    { maxLength: 3 },
  ),
});

type Case = typeof applicationArb extends fc.Arbitrary<infer T> ? T : never;

function inputOf(
  cases: readonly Case[],
  asOfHour: number,
): InsightsInput & { names: string[]; dates: string[] } {
  const events: TimelineEvent[] = [];
  const followUps: InsightsInput['followUps'][number][] = [];
  const dates: string[] = [];
  const at = (hour: number) => {
    const iso = new Date(start + hour * hourMs).toISOString();
    dates.push(iso, iso.slice(0, 10), calendar.localDate(iso));
    return iso;
  };
  const applications = cases.map((c, i) => {
    const id = `app${i}`;
    let hour = c.startHour;
    let n = 0;
    const base = { applicationId: id, createdAt: at(hour) };
    events.push({
      ...base,
      id: `${id}-s${n++}`,
      kind: 'stage_change',
      occurredAt: at(hour),
      fromStage: null,
      toStage: 'saved',
      outcome: null,
      closedReason: null,
      note: null,
    });
    let last: Stage = 'saved';
    for (const step of c.steps) {
      hour += step.gapHours;
      if (step.stage === last && step.stage !== 'ended') continue;
      const isEnded = step.stage === 'ended';
      events.push({
        ...base,
        id: `${id}-s${n++}`,
        kind: 'stage_change',
        occurredAt: at(hour),
        fromStage: last,
        toStage: step.stage,
        outcome: isEnded ? step.outcome : null,
        closedReason: isEnded && step.outcome === 'position_closed' ? 'unknown' : null,
        note: null,
      });
      last = step.stage;
    }
    for (const h of c.replies)
      events.push({
        ...base,
        id: `${id}-r${h}`,
        kind: 'reply_received',
        occurredAt: at(c.startHour + h),
        channel: 'email',
        contactId: null,
        sentiment: 'neutral',
        summary: `from ${c.person}`,
        newDecisionDate: null,
      });
    for (const h of c.interviews)
      events.push({
        ...base,
        id: `${id}-i${h}`,
        kind: 'interview',
        occurredAt: at(c.startHour + h),
        interviewId: `${id}-iv${h}`,
      });
    for (const f of c.followUps)
      followUps.push({
        applicationId: id,
        kind: f.kind,
        status: 'done',
        completedAt: at(c.startHour + f.hours),
      });
    return {
      id,
      company: { id: `co-${c.company}`, name: c.company },
      jobTitle: c.title,
      source: { kind: c.source, detail: null },
      resume: c.hasResume
        ? { name: `${c.person} resume for ${c.company} ${c.title}`, text: null, fileRef: null }
        : null,
    };
  });
  return {
    applications,
    companies: cases.map((c) => ({ id: `co-${c.company}`, sizeBand: c.band })),
    events,
    followUps,
    calendar,
    from: null,
    to: null,
    now: new Date(start + asOfHour * hourMs).toISOString(),
    goal: { applications: 3, interviews: null, followUps: 1 },
    replyDays: 5,
    names: cases.flatMap((c) => [c.company, c.title, c.person]),
    dates,
  };
}

const searchArb = fc.tuple(
  fc.array(applicationArb, { maxLength: 45 }),
  fc.integer({ min: 0, max: 24 * 320 }),
);

describe('insights properties', () => {
  it('never counts more applications further down the funnel', () => {
    fc.assert(
      fc.property(searchArb, ([cases, asOf]) => {
        const { funnel } = computeInsights(inputOf(cases, asOf));
        expect(funnel.map((f) => f.step)).toEqual([...funnelSteps]);
        for (let i = 1; i < funnel.length; i++)
          expect(funnel[i]!.reached).toBeLessThanOrEqual(funnel[i - 1]!.reached);
      }),
    );
  });

  it('counts every application once in each chart', () => {
    fc.assert(
      fc.property(searchArb, ([cases, asOf]) => {
        const insights = computeInsights(inputOf(cases, asOf));
        const total = insights.applications;
        expect(insights.funnel[0]!.reached).toBe(total);
        expect(insights.funnel.reduce((sum, f) => sum + f.stoppedHere, 0)).toBe(total);
        const applied = insights.silence.applied;
        expect(applied).toBeLessThanOrEqual(insights.funnel[1]!.reached);
        for (const rows of Object.values(insights.groups)) {
          expect(rows.reduce((sum, r) => sum + r.applications, 0)).toBe(applied);
          expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
        }
        const column = (c: number) =>
          new Set(insights.sankey.nodes.filter((n) => n.column === c).map((n) => n.id));
        const flow = (from: number) =>
          insights.sankey.links
            .filter((l) => column(from).has(l.source))
            .reduce((sum, l) => sum + l.value, 0);
        expect(flow(0)).toBe(total);
        expect(flow(1)).toBe(total);
        expect(insights.activity.weeks.reduce((sum, w) => sum + w.applications, 0)).toBe(applied);
        for (const row of Object.values(insights.groups).flat()) {
          if (row.isSmall) expect([row.responseRate, row.interviewRate]).toEqual([null, null]);
          else expect(row.responseRate).toBe(Math.round((row.responded / row.applications) * 1000) / 1000);
        }
      }),
    );
  });

  it('leaves no company, title, person or date in the anonymised JSON, SankeyMATIC text and SVG', () => {
    fc.assert(
      fc.property(searchArb, ([cases, asOf]) => {
        const input = inputOf(cases, asOf);
        const shared = anonymizeInsights(computeInsights(input));
        const outputs = [JSON.stringify(shared), toSankeyMatic(shared.sankey), toSankeySvg(shared.sankey)];
        for (const output of outputs) {
          for (const name of input.names) expect(output).not.toContain(name);
          for (const date of input.dates) expect(output).not.toContain(date);
          expect(output).not.toMatch(/\d{4}-\d{2}-\d{2}/);
          expect(output).not.toContain(input.now);
        }
      }),
      { numRuns: 60 },
    );
  });
});
