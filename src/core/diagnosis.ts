import { industryKeyOf } from './company.js';
import {
  adviseOn,
  causeLabels,
  findNotices,
  notWaitingSummaries,
  ontarioDutyToInform,
  summarize,
} from './diagnosis-advice.js';
import { findExpectation } from './diagnosis-expectation.js';
import {
  type CauseAssessment,
  type Diagnosis,
  type DiagnosisInput,
  diagnosisCauses,
  type NotWaitingDiagnosis,
  type NotWaitingReason,
} from './diagnosis-schema.js';
import { round2, weighCauses } from './diagnosis-signals.js';
import {
  applicationAsOf,
  findNotWaitingReason,
  findWaitingSince,
  phaseOf,
  type Reading,
  reachedStage,
  readOutreach,
  readPosting,
  readTimeline,
  type Timeline,
  workCalendarOf,
} from './diagnosis-timeline.js';
import { formatDate, localDateOf } from './diagnosis-words.js';
import { resolveTimeToHire } from './time-to-hire.js';

/**
 * "Why haven't I heard back?" Ranks the five usual causes of an employer's silence from the signals on an
 * application's timeline. Pure and deterministic: the same input always gives the same answer, and `now`
 * comes in as an argument. Scores are hearback's own weighting of the signals (docs/diagnosis.md lists
 * every weight's reasoning); they are likelihoods for ranking, never claims about what the employer did.
 *
 * The parts: `diagnosis-schema.ts` (the lists and the answer's shape), `diagnosis-timeline.ts` and
 * `diagnosis-expectation.ts` (the reading of the timeline), `diagnosis-signals*.ts` (one scorer per signal,
 * and how they add up), `diagnosis-advice.ts` (labels, next steps, summary, notices), `diagnosis-words.ts`.
 */

export * from './diagnosis-schema.js';
export { causeLabels, formatDate, ontarioDutyToInform };

/** Two top scores closer than this are reported as mixed evidence rather than a clear front-runner. */
const mixedMargin = 0.1;

export function diagnose(rawInput: DiagnosisInput): Diagnosis {
  const input = { ...rawInput, application: applicationAsOf(rawInput) };
  const timeline = readTimeline(input);
  const notWaiting = findNotWaitingReason(input, timeline);
  if (notWaiting !== null) return describeNotWaiting(input, timeline, notWaiting);

  const reading = readWaiting(input, timeline);
  const causes = weighCauses(reading)
    .map((weighed) => adviseOn(reading, weighed))
    .sort((a, b) => b.score - a.score || diagnosisCauses.indexOf(a.cause) - diagnosisCauses.indexOf(b.cause));
  const [first, second] = causes as [CauseAssessment, CauseAssessment, ...CauseAssessment[]];
  const isMixed = round2(first.score - second.score) < mixedMargin;
  const { waiting, expectation } = reading;
  const daysOfSilence = Math.max(
    0,
    localDateOf(waiting.since, input.settings.timeZone).until(timeline.today, { largestUnit: 'days' }).days,
  );
  return {
    status: 'waiting',
    applicationId: input.application.id,
    asOf: new Date(Date.parse(input.now)).toISOString(),
    date: timeline.today.toString(),
    waitingSince: waiting.since,
    lastContact: waiting.kind,
    daysOfSilence,
    expectedBy: expectation.date.toString(),
    expectation: { basis: expectation.basis, text: expectation.text },
    causes,
    summary: summarize(reading, daysOfSilence, causes, isMixed),
    isMixed,
    notices: [...findNotices(reading), ...(input.lessons ?? [])],
  };
}

/** Everything the signals and the advice read, for an application waiting on the employer. */
function readWaiting(input: DiagnosisInput, timeline: Timeline): Reading {
  const calendar = workCalendarOf(input);
  const waiting = findWaitingSince(timeline);
  const timeToHire = resolveTimeToHire(input.priors, {
    country: input.settings.country,
    industry: input.industry === null ? null : industryKeyOf(input.industry),
  });
  const isInterviewed = timeline.pastInterviews.length > 0 || reachedStage(input.application, 'interviewing');
  const reachedScreening = reachedStage(input.application, 'screening');
  const isCold = !isInterviewed && !reachedScreening && timeline.replies.length === 0;
  const expectation = findExpectation(input, calendar, timeline, waiting, timeToHire, isCold);
  const overdueDays = expectation.date.until(timeline.today, { largestUnit: 'days' }).days;
  return {
    input,
    calendar,
    timeline,
    waiting,
    expectation,
    overdueDays,
    phase: phaseOf(overdueDays),
    isInterviewed,
    reachedScreening,
    isCold,
    posting: readPosting(input, timeline),
    outreach: readOutreach(input, timeline, waiting),
  };
}

function describeNotWaiting(
  input: DiagnosisInput,
  timeline: Timeline,
  reason: NotWaitingReason,
): NotWaitingDiagnosis {
  return {
    status: 'not_waiting',
    applicationId: input.application.id,
    asOf: new Date(Date.parse(input.now)).toISOString(),
    date: timeline.today.toString(),
    reason,
    summary: notWaitingSummaries[reason],
    notices: [],
  };
}
