/**
 * Benchmark: the follow-up planner over 10,000 applications with full histories (applied, one to three
 * interviews with interviewers and decision dates, replies, logged messages, thank-yous and follow-ups
 * already done, some offers and rejections), in three time zones. Prints applications planned per second
 * and the ratio against a baseline measured in the same run: a structured clone of every input, the cost of
 * merely touching the same data. "Cold" is the first pass, with empty memo tables (holidays, zone offsets,
 * dates); "warm" plans the same applications again, as a server does all day.
 * Run with `npx tsx bench/follow-up-plan.ts [count]`.
 */
import { createWorkCalendar, type WorkCalendar } from '../src/core/business-days.js';
import type { TimelineEvent } from '../src/core/event.js';
import { type ExistingStep, type FollowUpPlanInput, planFollowUps } from '../src/core/follow-up-plan.js';
import type { Stage } from '../src/core/pipeline.js';
import { defaultPlaybook } from '../src/core/playbook.js';

const count = Number(process.argv[2] ?? 10_000);
const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

const calendars: readonly WorkCalendar[] = [
  createWorkCalendar({
    timeZone: 'America/Los_Angeles',
    country: 'US',
    region: 'CA',
    workingDays: [1, 2, 3, 4, 5],
  }),
  createWorkCalendar({
    timeZone: 'Europe/Berlin',
    country: 'DE',
    region: 'BE',
    workingDays: [1, 2, 3, 4, 5],
  }),
  createWorkCalendar({ timeZone: 'Asia/Tokyo', country: 'JP', region: null, workingDays: [1, 2, 3, 4, 5] }),
];

/** A small deterministic generator, so every run plans the same applications. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

function generate(n: number): FollowUpPlanInput[] {
  const random = createRandom(42);
  const inputs: FollowUpPlanInput[] = [];
  const origin = Date.parse('2026-01-05T16:00:00Z');
  for (let a = 0; a < n; a++) {
    const calendar = calendars[a % calendars.length] as WorkCalendar;
    const id = `app${a}`;
    const applied = origin + random.int(0, 300) * dayMs + random.int(0, 10) * hourMs;
    const iso = (ms: number) => new Date(ms).toISOString();
    const event = (suffix: string, at: number) => ({
      id: `${id}-${suffix}`,
      applicationId: id,
      occurredAt: iso(at),
      createdAt: iso(at),
    });
    const events: TimelineEvent[] = [
      {
        ...event('applied', applied),
        kind: 'stage_change',
        fromStage: 'saved',
        toStage: 'applied',
        outcome: null,
        closedReason: null,
        note: null,
      },
    ];
    const steps: ExistingStep[] = [];
    const interviews: FollowUpPlanInput['interviews'][number][] = [];
    let at = applied;
    const rounds = random.int(1, 3);
    for (let r = 0; r < rounds; r++) {
      at += random.int(5, 15) * dayMs;
      const interviewId = `${id}-i${r}`;
      const interviewerIds = [`${id}-c${r}a`, `${id}-c${r}b`];
      interviews.push({
        id: interviewId,
        round: r === 0 ? 'phone_screen' : 'onsite',
        startsAt: iso(at),
        endsAt: iso(at + hourMs),
        interviewerIds,
        decisionDate: random.next() < 0.5 ? calendar.localDate(iso(at + random.int(2, 10) * dayMs)) : null,
      });
      const isLatest = r === rounds - 1;
      if (!isLatest || random.next() < 0.7) {
        for (const contactId of interviewerIds) {
          steps.push(closedStep(`thank_you:${interviewId}:${contactId}`, 'thank_you', iso(at + 20 * hourMs)));
        }
      }
      steps.push(
        closedStep(`first_follow_up:interview:${interviewId}`, 'first_follow_up', iso(at + 7 * dayMs)),
      );
      events.push({
        ...event(`m${r}`, at + 7 * dayMs),
        kind: 'message_sent',
        channel: 'email',
        contactId: interviewerIds[0] ?? null,
        followUpId: null,
        subject: 'Following up',
        body: 'Hello',
      });
      if (random.next() < 0.6) {
        events.push({
          ...event(`r${r}`, at + 9 * dayMs),
          kind: 'reply_received',
          channel: 'email',
          contactId: interviewerIds[1] ?? null,
          sentiment: 'neutral',
          summary: 'Still deciding',
          newDecisionDate: random.next() < 0.5 ? calendar.localDate(iso(at + 14 * dayMs)) : null,
        });
      }
      at += 10 * dayMs;
    }
    const roll = random.next();
    let stage: Stage = 'interviewing';
    let outcome: 'rejected' | null = null;
    let endedAt: string | null = null;
    if (roll < 0.15) {
      stage = 'offer';
      events.push({
        ...event('offer', at),
        kind: 'stage_change',
        fromStage: 'interviewing',
        toStage: 'offer',
        outcome: null,
        closedReason: null,
        note: null,
      });
    } else if (roll < 0.35) {
      stage = 'ended';
      outcome = 'rejected';
      endedAt = iso(at);
      events.push({
        ...event('ended', at),
        kind: 'stage_change',
        fromStage: 'interviewing',
        toStage: 'ended',
        outcome: 'rejected',
        closedReason: null,
        note: null,
      });
    }
    inputs.push({
      application: { id, stage, outcome, appliedAt: iso(applied), endedAt, createdAt: iso(applied) },
      interviews,
      events,
      steps,
      playbook: defaultPlaybook,
      calendar,
      now: iso(at),
    });
  }
  return inputs;
}

function closedStep(planKey: string, kind: ExistingStep['kind'], at: string): ExistingStep {
  return {
    id: planKey,
    kind,
    status: 'done',
    dueAt: at,
    snoozedUntil: null,
    completedAt: at,
    origin: 'plan',
    planKey,
  };
}

function measure(
  label: string,
  inputs: readonly FollowUpPlanInput[],
  run: (input: FollowUpPlanInput) => unknown,
) {
  const started = performance.now();
  let produced = 0;
  for (const input of inputs) {
    const result = run(input);
    if (Array.isArray(result)) produced += result.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const perSecond = inputs.length / seconds;
  console.log(
    `${label.padEnd(34)} ${perSecond.toFixed(0).padStart(9)} applications/s  (${seconds.toFixed(2)} s)`,
  );
  return { perSecond, produced };
}

const inputs = generate(count);
console.log(
  `follow-up planner: ${count} applications, ${inputs.reduce((n, i) => n + i.events.length, 0)} events`,
);
const baseline = measure('baseline (structured clone)', inputs, ({ calendar: _, playbook: __, ...data }) =>
  structuredClone(data),
);
const cold = measure('planFollowUps (cold caches)', inputs, planFollowUps);
const warm = measure('planFollowUps (warm caches)', inputs, planFollowUps);
console.log(`steps planned: ${warm.produced} (${(warm.produced / count).toFixed(2)} per application)`);
console.log(
  `ratio planner/baseline: cold ${(cold.perSecond / baseline.perSecond).toFixed(3)}, warm ${(warm.perSecond / baseline.perSecond).toFixed(3)}`,
);
