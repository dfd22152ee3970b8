import { Temporal } from 'temporal-polyfill';
import type { WorkCalendar } from './business-days.js';
import type { DiagnosisInput } from './diagnosis-schema.js';
import { byInstant, type Expectation, type Timeline, type Waiting } from './diagnosis-timeline.js';
import { formatDate, formatDays, localDateOf, plural, roundName } from './diagnosis-words.js';
import type { TimeToHire } from './time-to-hire.js';

/**
 * The day news was due, which the silence is measured against: the date the employer named, else a yardstick
 * for the kind of contact the employer owes an answer to (see docs/diagnosis.md, "How silence is measured").
 */

/** The user's own median time to a first answer is used once this many first answers are known. */
export const ownHistoryMinimum = 3;

export function findExpectation(
  input: DiagnosisInput,
  calendar: WorkCalendar,
  timeline: Timeline,
  waiting: Waiting,
  timeToHire: TimeToHire,
  isCold: boolean,
): Expectation {
  const tz = input.settings.timeZone;
  const stated = findStatedDate(timeline);
  if (stated !== null) {
    return {
      date: stated.date,
      basis: 'stated_date',
      text: `They said they expected to decide by ${formatDate(stated.date)} (${stated.where}).`,
      name: `their date (${formatDate(stated.date)})`,
    };
  }
  const applied = localDateOf(timeline.appliedAt, tz);
  if (isCold) return firstResponseExpectation(input, calendar, applied);
  const usual = applied.add({ days: Math.round(timeToHire.days) });
  const contactDate = localDateOf(waiting.since, tz);
  const afterContact = contactDate.add({ days: Math.round(input.priors.afterContactDays) });
  // After an interview or an exchange of messages the next news is about that step, so the fresher contact
  // sets the date.
  if (waiting.kind !== 'applied') {
    return {
      date: afterContact,
      basis: 'after_last_contact',
      text: `They gave no date; news usually comes about ${plural(Math.round(input.priors.afterContactDays), 'day')} after the last contact (${formatDate(contactDate)}), so around ${formatDate(afterContact)}.`,
      name: `the usual time (${formatDate(afterContact)})`,
    };
  }
  return {
    date: usual,
    basis: 'usual_time_to_hire',
    text: `They gave no date; hiring takes about ${plural(timeToHire.days, 'day', formatDays(timeToHire.days))} from application (${timeToHire.label}), so news was due around ${formatDate(usual)}.`,
    name: `the usual time (${formatDate(usual)})`,
  };
}

/**
 * Before anyone has been in touch, the next news is a first answer, not a hire: an application-to-offer average
 * (three weeks and more) would call a silent pile "still deciding" for weeks. No published median time to a
 * first answer was found, so the yardstick is the user's own median once three first answers are known, else
 * the playbook's check-in: recruiters' advice to follow up about 7 business days after applying.
 */
function firstResponseExpectation(
  input: DiagnosisInput,
  calendar: WorkCalendar,
  applied: Temporal.PlainDate,
): Expectation {
  const history = input.history;
  const own = history?.medianDaysToFirstReply ?? null;
  if (history !== null && own !== null && history.firstRepliesMeasured >= ownHistoryMinimum) {
    const date = applied.add({ days: Math.max(1, Math.round(own)) });
    return {
      date,
      basis: 'first_response',
      text: `Nobody there has been in touch yet. Employers have usually first answered you within about ${plural(own, 'day', formatDays(own))} (your own history), so a first answer was due around ${formatDate(date)}.`,
      name: `the usual time for a first answer (${formatDate(date)})`,
    };
  }
  const businessDays = input.priors.firstResponseBusinessDays;
  const date = Temporal.PlainDate.from(calendar.addBusinessDays(applied.toString(), businessDays));
  return {
    date,
    basis: 'first_response',
    text: `Nobody there has been in touch yet. No published figure gives the usual time to a first answer, so hearback uses recruiters' advice to check in ${plural(businessDays, 'business day')} after applying: a first answer was due around ${formatDate(date)}.`,
    name: `the usual time for a first answer (${formatDate(date)})`,
  };
}

/** The latest date the employer named since the last interview: at that interview, or in a later reply. */
function findStatedDate(timeline: Timeline): { date: Temporal.PlainDate; where: string } | null {
  const last = timeline.lastInterview;
  const replies = timeline.replies.filter(
    (r) => r.newDecisionDate !== null && (last === null || byInstant(r.occurredAt, last.endsAt) >= 0),
  );
  const reply = replies.at(-1);
  if (reply?.newDecisionDate) {
    return { date: Temporal.PlainDate.from(reply.newDecisionDate), where: 'in their last message' };
  }
  if (last?.decisionDate) {
    return { date: Temporal.PlainDate.from(last.decisionDate), where: `at your ${roundName(last)}` };
  }
  return null;
}
