import { Temporal } from 'temporal-polyfill';
import { smallestHeadcount } from './company.js';
import type {
  CauseAssessment,
  DiagnosisCause,
  DiagnosisSignal,
  Evidence,
  LastContactKind,
  NotWaitingReason,
  Recommendation,
} from './diagnosis-schema.js';
import type { WeighedCause } from './diagnosis-signals.js';
import { byInstant, type Reading } from './diagnosis-timeline.js';
import { formatDate, listWords, localDateOf, lowerFirst, plural } from './diagnosis-words.js';

/**
 * What the diagnosis tells the user: each cause's label and next step (grounded in the signals of its own
 * evidence), the summary, the not-waiting answers and the notices.
 */

export const causeLabels: Readonly<Record<DiagnosisCause, string>> = {
  position_gone: 'The position may be gone',
  avoiding_confrontation: 'They may have chosen someone else without saying so',
  still_deciding: 'They may still be deciding',
  too_many_applicants: 'Your application may be lost among many',
  room_for_improvement: 'Your application may have room for improvement',
};

/** Ontario's duty to inform interviewed applicants (ESA 2000 Part III.1, O. Reg. 476/24). */
export const ontarioDutyToInform = { inForceFrom: '2026-01-01', days: 45, minEmployees: 25 } as const;

export const notWaitingSummaries: Readonly<Record<NotWaitingReason, string>> = {
  not_applied: 'You have not applied yet, so there is no silence to explain.',
  ended: 'This application has ended, so hearback no longer diagnoses it.',
  offer: 'You have an offer: the next move is a conversation about it, not a wait.',
  interview_scheduled:
    'An interview is coming up: the employer is still in touch, so there is no silence yet.',
  employer_replied_last:
    "The last word was the employer's, and it named no date to wait for. If they said they would get back to you by a date, add it to their reply; if you have written to them since, log your message, and hearback will read the silence from there.",
};

/** The signals a step rests on: the preferred ones present in the evidence, else those that argue for it. */
type BasedOn = (preferred: readonly DiagnosisSignal[]) => DiagnosisSignal[];

type Advice = {
  readonly r: Reading;
  readonly evidence: readonly Evidence[];
  /** The signals that argue for the cause, each once. */
  readonly supporting: DiagnosisSignal[];
  readonly basedOn: BasedOn;
};

/** The next step for each cause; a new cause does not compile until it has one. */
const recommenders: Readonly<Record<DiagnosisCause, (advice: Advice) => Recommendation>> = {
  position_gone: ({ r, supporting, basedOn }) => {
    const removed = r.posting.state === 'removed' && r.posting.since !== null;
    const lead = removed ? `The posting came down on ${formatDate(r.posting.since!)}. ` : '';
    return {
      action: 'confirm_and_move_on',
      text: `${lead}Ask once, briefly, whether the role is still open, and meanwhile put your energy into other applications; if they confirm it is closed, end this one as "position closed".`,
      basedOn: basedOn(supporting),
      date: null,
    };
  },
  avoiding_confrontation: ({ r, supporting, basedOn }) => {
    const closing = r.outreach.closingNoteOn;
    if (closing !== null) {
      return {
        action: 'mark_no_response',
        text: `You already sent a closing note on ${formatDate(closing)}. Mark the application as ended: no response. That records their silence, not a rejection of you, and frees you to move on.`,
        basedOn: basedOn(['nudges_unanswered', ...supporting]),
        date: null,
      };
    }
    return {
      action: 'send_closing_note',
      text: 'Send a short, polite note closing the loop: thank them, say you are moving on, leave the door open. Then count it as no response, which records their silence, not a rejection of you.',
      basedOn: basedOn(supporting),
      date: null,
    };
  },
  still_deciding: ({ r, supporting, basedOn }) => {
    const followUpOn = Temporal.PlainDate.from(r.calendar.addBusinessDays(r.expectation.date.toString(), 2));
    const signals = basedOn(['silence', 'employer_reply', ...supporting]);
    if (Temporal.PlainDate.compare(r.timeline.today, followUpOn) < 0) {
      return {
        action: 'wait_then_follow_up',
        text: `Be patient: wait until ${formatDate(followUpOn)}, two business days after ${r.expectation.name}, then follow up once, briefly, asking about their timeline.`,
        basedOn: signals,
        date: followUpOn.toString(),
      };
    }
    return {
      action: 'follow_up_now',
      text: `Two business days after ${r.expectation.name} have passed: a short, friendly follow-up asking about their timeline is fair now.`,
      basedOn: signals,
      date: r.timeline.today.toString(),
    };
  },
  too_many_applicants: ({ r, supporting, basedOn }) => {
    if (r.input.application.source.kind === 'referral') {
      return {
        action: 'ask_your_referrer',
        text: 'Ask the person who referred you whether they can find out where your application stands, or introduce you to the hiring manager.',
        basedOn: basedOn(supporting),
        date: null,
      };
    }
    return {
      action: 'reach_a_person',
      text: 'Find a person: the hiring manager, someone there who could refer you, or the recruiter. Write to them directly with two or three lines on why you fit this role.',
      basedOn: basedOn(supporting),
      date: null,
    };
  },
  room_for_improvement: recommendImprovement,
};

/** A weighed cause with its label and its next step: the answer for one cause. */
export function adviseOn(r: Reading, weighed: WeighedCause): CauseAssessment {
  const { cause, score, likelihood, evidence } = weighed;
  const supporting = unique(evidence.filter((e) => e.direction === 'for').map((e) => e.signal));
  const present = new Set(evidence.map((e) => e.signal));
  const basedOn: BasedOn = (preferred) => {
    const chosen = preferred.filter((s) => present.has(s));
    if (chosen.length > 0) return unique(chosen);
    return supporting.length > 0 ? supporting : unique(evidence.map((e) => e.signal));
  };
  return {
    cause,
    label: causeLabels[cause],
    score,
    likelihood,
    evidence,
    recommendation: recommenders[cause]({ r, evidence, supporting, basedOn }),
  };
}

function recommendImprovement({ r, evidence, basedOn }: Advice): Recommendation {
  const parts: string[] = [];
  const signals: DiagnosisSignal[] = [];
  const tailoring = r.input.tailoring;
  if (tailoring === null) {
    parts.push("Run the tailoring check to see which of the posting's key terms your resume misses.");
    signals.push('tailoring_score');
  } else if (tailoring.score < 80) {
    const missing = tailoring.missingKeywords.slice(0, 5);
    parts.push(
      missing.length > 0
        ? `Tailor your resume to the posting: work in ${listWords(missing)} where they truly describe your experience.`
        : 'Tailor your resume to the posting, echoing its own words for the skills you have.',
    );
    signals.push('tailoring_score');
  }
  const thanks = evidence.find((e) => e.signal === 'thank_you');
  if (thanks && thanks.direction === 'for') {
    parts.push('Thank every interviewer: a short note each, naming something you discussed.');
    signals.push('thank_you');
  }
  const rating = evidence.find((e) => e.signal === 'self_rating');
  if (rating && rating.direction === 'for') {
    parts.push('Write down what felt weak in the interview and prepare those answers for the next one.');
    signals.push('self_rating');
  }
  if (parts.length === 0) {
    parts.push('Keep tailoring each application and thanking every interviewer: it is the part you control.');
  }
  return { action: 'tailor_and_thank', text: parts.join(' '), basedOn: basedOn(signals), date: null };
}

export function summarize(
  r: Reading,
  daysOfSilence: number,
  causes: readonly CauseAssessment[],
  isMixed: boolean,
): string {
  const since = formatDate(localDateOf(r.waiting.since, r.input.settings.timeZone));
  const from: Record<LastContactKind, string> = {
    applied: `you applied on ${since}`,
    interview: `your interview on ${since}`,
    reply: `their last message on ${since}`,
    message: `you wrote to them on ${since}`,
  };
  const first = causes[0]!;
  const second = causes[1]!;
  const lines = [
    `${plural(daysOfSilence, 'day')} without word since ${from[r.waiting.kind]}. ${r.expectation.text}`,
  ];
  if (r.waiting.kind === 'applied' && r.reachedScreening) {
    lines.push(
      'They screened you, but no call or message from them is logged: log it to count the silence from then.',
    );
  }
  if (isMixed) {
    lines.push(
      `The evidence is mixed: "${lowerFirst(first.label)}" and "${lowerFirst(second.label)}" are about equally ${first.likelihood === 'unlikely' ? 'uncertain' : 'likely'}, so keep both next steps in mind.`,
    );
  } else {
    lines.push(`Most likely: ${lowerFirst(first.label)} (${first.likelihood}).`);
    if (second.likelihood !== 'unlikely')
      lines.push(`Also ${second.likelihood}: ${lowerFirst(second.label)}.`);
  }
  lines.push('This is a reading of the signals, not a certainty.');
  return lines.join(' ');
}

export function findNotices(r: Reading): string[] {
  const notice = ontarioNotice(r);
  return notice === null ? [] : [notice];
}

/**
 * Ontario's duty to inform applies to formal interviews for publicly advertised postings; phone screens are
 * left out because the regulation's guidance excludes preliminary screenings, and hearback would rather miss
 * a notice than suggest a duty that may not exist.
 */
function ontarioNotice(r: Reading): string | null {
  const { settings, companySize } = r.input;
  if (settings.country !== 'CA' || settings.region !== 'ON') return null;
  if (companySize !== null && smallestHeadcount(companySize) < ontarioDutyToInform.minEmployees) return null;
  const formal = r.timeline.pastInterviews.filter((i) => i.round !== 'phone_screen');
  const last = formal.at(-1);
  if (!last) return null;
  const lastDate = localDateOf(last.endsAt, settings.timeZone);
  if (Temporal.PlainDate.compare(lastDate, Temporal.PlainDate.from(ontarioDutyToInform.inForceFrom)) < 0) {
    return null;
  }
  if (r.timeline.replies.some((reply) => byInstant(reply.occurredAt, last.endsAt) > 0)) return null;
  const deadline = lastDate.add({ days: ontarioDutyToInform.days });
  if (Temporal.PlainDate.compare(r.timeline.today, deadline) <= 0) return null;
  return `In Ontario, since 1 January 2026, employers with 25 or more employees must tell candidates they interviewed for a publicly advertised job whether a decision has been made within 45 days of the last interview. Your last interview was on ${formatDate(lastDate)}, so that deadline was ${formatDate(deadline)}. If this employer has 25 or more employees, you may mention it in a polite follow-up, or contact Ontario's Ministry of Labour.`;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
