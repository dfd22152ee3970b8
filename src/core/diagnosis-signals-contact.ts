import { Temporal } from 'temporal-polyfill';
import { ownHistoryMinimum } from './diagnosis-expectation.js';
import { type Findings, finding, noFindings } from './diagnosis-finding.js';
import { byInstant, type Reading } from './diagnosis-timeline.js';
import { capitalize, formatDate, formatDays, localDateOf, plural, roundName } from './diagnosis-words.js';
import type { ResponseLinkReply } from './response-link.js';

/**
 * The signals of contact with the employer: how long the silence has run against the day news was due, how
 * far the process got, what the employer last wrote, and how fast employers have first answered the user before.
 */

/** `silence`: how the days since news was due weigh on each cause; before the date, the silence means little. */
export function scoreSilence(r: Reading): Findings {
  const due = r.expectation.name;
  const late = r.overdueDays;
  const lateText = `${plural(late, 'day')} past ${due}`;
  const saysNothingOfYou = finding(0, 'How long they take says little about how you came across.');
  switch (r.phase) {
    case 'before': {
      const left = -late;
      const wait = left === 0 ? 'that is today' : `${plural(left, 'day')} to go`;
      return {
        position_gone: [finding(-0.5, 'It is early for a role to have been called off without word.')],
        avoiding_confrontation: [
          finding(-1.5, `${capitalize(due)} has not passed, so the silence does not mean much yet.`),
        ],
        still_deciding: [finding(2, `News is not due yet: ${due}, ${wait}.`)],
        too_many_applicants: [
          finding(
            r.isInterviewed ? 0 : -0.8,
            pileSilence(r, 'It is still early for an application to have been overlooked.'),
          ),
        ],
        room_for_improvement: [saysNothingOfYou],
      };
    }
    case 'just_after':
      return {
        position_gone: [finding(0, `It is ${lateText}; too soon to read much into it.`)],
        avoiding_confrontation: [finding(0.2, `It is ${lateText} without a word.`)],
        still_deciding: [finding(0.8, `It is ${lateText}; decisions often slip by a few days.`)],
        too_many_applicants: [
          finding(r.isInterviewed ? 0 : 0.2, pileSilence(r, `It is ${lateText} without a word.`)),
        ],
        room_for_improvement: [saysNothingOfYou],
      };
    case 'well_after':
      return {
        position_gone: [finding(0.2, `It is ${lateText}; a cancelled or frozen role also goes quiet.`)],
        avoiding_confrontation: [
          finding(
            1,
            `It is ${lateText} without a word; employers who chose someone else often never say so.`,
          ),
        ],
        still_deciding: [finding(-0.6, `It is ${lateText}; delays this long happen, but less often.`)],
        too_many_applicants: [
          finding(
            r.isInterviewed ? 0 : 0.6,
            pileSilence(r, `It is ${lateText}, and nobody has been in touch.`),
          ),
        ],
        room_for_improvement: [saysNothingOfYou],
      };
    case 'long_after':
      return {
        position_gone: [finding(0.5, `It is ${lateText}; a cancelled or frozen role also goes quiet.`)],
        avoiding_confrontation: [
          finding(1.8, `It is ${lateText} without a word; this is what a silent "no" usually looks like.`),
        ],
        still_deciding: [
          finding(-1.6, `It is ${lateText}; a process still open after so long is less common.`),
        ],
        too_many_applicants: [
          finding(
            r.isInterviewed ? 0 : 0.8,
            pileSilence(r, `It is ${lateText}, and nobody has been in touch.`),
          ),
        ],
        room_for_improvement: [saysNothingOfYou],
      };
  }
}

/** After interviews the pile is behind the candidate, so the silence is named without weighing in. */
function pileSilence(r: Reading, text: string): string {
  return r.isInterviewed
    ? 'After interviews, how long they take says nothing about the pile of applications.'
    : text;
}

/** `stage_reached`: a screening or an interview means a person read the application. */
export function scoreStageReached(r: Reading): Findings {
  if (r.isInterviewed) {
    return {
      position_gone: [],
      avoiding_confrontation: [
        finding(
          0.5,
          "Silence after interviews is common: in Greenhouse's 2024 survey, 61% of job seekers said they had been ghosted after an interview.",
        ),
      ],
      still_deciding: [],
      too_many_applicants: [
        finding(-2, 'You reached the interviews, so your application was not lost in the pile.'),
      ],
      room_for_improvement: [],
    };
  }
  const applied = () => formatDate(localDateOf(r.timeline.appliedAt, r.input.settings.timeZone));
  return {
    position_gone: [],
    avoiding_confrontation: [],
    still_deciding: [],
    too_many_applicants: [
      r.reachedScreening
        ? finding(-0.8, 'Someone already screened you, so your application did not sink unread.')
        : finding(
            1.2,
            `You applied on ${applied()} and nobody has been in touch, so a person may never have read your application (in Stepstone's October 2025 survey, 54% of job seekers said they got no response to an application).`,
          ),
    ],
    room_for_improvement: [],
  };
}

/** `rounds_done`: after a final round a long quiet leans to a silent "no"; several rounds take longer. */
export function scoreRoundsDone(r: Reading): Findings {
  const last = r.timeline.lastInterview;
  if (!r.isInterviewed || last === null) return noFindings;
  const rounds = r.timeline.pastInterviews.length;
  const isFinal = last.round === 'final' || rounds >= 3;
  const finalText = `Your ${roundName(last)} on ${formatDate(localDateOf(last.endsAt, r.input.settings.timeZone))} was the last round${rounds > 1 ? ` of ${rounds}` : ''}`;
  const isLongAfterFinal = isFinal && r.phase !== 'before';
  return {
    position_gone: [],
    avoiding_confrontation: isLongAfterFinal
      ? [
          finding(
            0.8,
            `${finalText}; after a final round the chosen candidate usually hears quickly, so a long quiet leans towards a silent "no".`,
          ),
        ]
      : [],
    still_deciding: isLongAfterFinal
      ? []
      : isFinal
        ? [finding(0.3, `${finalText}; final decisions often wait on several people.`)]
        : rounds >= 2
          ? [
              finding(
                0.3,
                `You have done ${plural(rounds, 'interview round')}; more rounds mean more people to coordinate.`,
              ),
            ]
          : [],
    too_many_applicants: [],
    room_for_improvement: [],
  };
}

/** `employer_reply`: their last message since the last interview, a date it named and how it sounded. */
export function scoreEmployerReply(r: Reading): Findings {
  const reply = r.timeline.replies.at(-1);
  if (!reply) return noFindings;
  const last = r.timeline.lastInterview;
  if (last !== null && byInstant(reply.occurredAt, last.endsAt) < 0) return noFindings;
  const on = formatDate(localDateOf(reply.occurredAt, r.input.settings.timeZone));
  if (reply.responseLink) return scoreLinkAnswer(reply.responseLink, on);
  const named =
    reply.newDecisionDate === null
      ? []
      : [
          finding(
            0.8,
            `On ${on} they wrote that they expect to decide by ${formatDate(Temporal.PlainDate.from(reply.newDecisionDate))}.`,
          ),
        ];
  const positive = `Their last message (${on}) sounded positive.`;
  return {
    position_gone: [],
    avoiding_confrontation:
      reply.sentiment === 'positive'
        ? [finding(-0.3, positive)]
        : reply.sentiment === 'negative'
          ? [finding(0.5, `Their last message (${on}) sounded discouraging.`)]
          : [],
    still_deciding: reply.sentiment === 'positive' ? [...named, finding(0.3, positive)] : named,
    too_many_applicants: [],
    room_for_improvement: [],
  };
}

/**
 * An answer the employer gave through the response link is their own word on the question the diagnosis
 * guesses at: the strongest evidence there is, weighted above a posting taken down (3).
 */
function scoreLinkAnswer(link: ResponseLinkReply, on: string): Findings {
  const said = `On ${on} they answered through your response link:`;
  const strongest = 4;
  switch (link.answer) {
    case 'still_deciding':
    case 'next_conversation': {
      const text =
        link.answer === 'still_deciding'
          ? `${said} still deciding${link.expectedBy ? `, news by ${formatDate(Temporal.PlainDate.from(link.expectedBy))}` : ''}.`
          : `${said} they want to schedule a next conversation.`;
      return {
        position_gone: [finding(-strongest, text)],
        avoiding_confrontation: [finding(-strongest, text)],
        still_deciding: [finding(strongest, text)],
        too_many_applicants: [finding(-strongest, text)],
        room_for_improvement: [],
      };
    }
    case 'on_hold': {
      const text = `${said} the role is on hold or closed.`;
      return {
        position_gone: [finding(strongest, text)],
        avoiding_confrontation: [finding(-strongest, text)],
        still_deciding: [finding(-strongest, text)],
        too_many_applicants: [],
        room_for_improvement: [],
      };
    }
    case 'another_candidate': {
      const text = `${said} they went with another candidate.`;
      return {
        position_gone: [finding(-strongest, text)],
        avoiding_confrontation: [finding(strongest, text)],
        still_deciding: [finding(-strongest, text)],
        too_many_applicants: [],
        room_for_improvement: [],
      };
    }
  }
}

/** `own_reply_time`: before anyone answered, how the wait compares with the user's usual time to a first answer. */
export function scoreOwnReplyTime(r: Reading): Findings {
  const history = r.input.history;
  const hasHeardAtAll = r.reachedScreening || r.isInterviewed || r.timeline.replies.length > 0;
  const median = history?.medianDaysToFirstReply ?? null;
  if (history === null || hasHeardAtAll || median === null) return noFindings;
  if (history.firstRepliesMeasured < ownHistoryMinimum) return noFindings;
  const waited = localDateOf(r.timeline.appliedAt, r.input.settings.timeZone).until(r.timeline.today, {
    largestUnit: 'days',
  }).days;
  const usual = `Employers have usually first answered you within about ${plural(median, 'day', formatDays(median))}`;
  const isTwiceAsLong = waited > 2 * median;
  const longText = `${usual}; it has been ${plural(waited, 'day')}, more than twice that.`;
  return {
    position_gone: [],
    avoiding_confrontation: isTwiceAsLong ? [finding(0.3, longText)] : [],
    still_deciding: waited <= median ? [finding(0.6, `${usual}; it has been ${plural(waited, 'day')}.`)] : [],
    too_many_applicants: isTwiceAsLong ? [finding(0.5, longText)] : [],
    room_for_improvement: [],
  };
}
