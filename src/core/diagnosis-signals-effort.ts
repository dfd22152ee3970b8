import { type Finding, type Findings, finding, noFindings } from './diagnosis-finding.js';
import { compareText, type Reading } from './diagnosis-timeline.js';
import { formatDate, listWords, localDateOf, roundName, times } from './diagnosis-words.js';

/**
 * The signals of the user's own part: the follow-ups that went unanswered, the thank-you notes, how well the
 * resume matched the posting, and how the user rated their last interview.
 */

/** `nudges_unanswered`: busy teams answer a direct question; repeated silence leans to a silent "no". */
export function scoreNudges(r: Reading): Findings {
  const { outreach } = r;
  if (outreach.nudges === 0 || outreach.firstNudge === null) return noFindings;
  const n = Math.min(outreach.nudges, 3);
  const text = `You have followed up ${times(outreach.nudges)} since ${formatDate(outreach.firstNudge)} with no reply.`;
  return {
    position_gone: [finding(0.2 * n, text)],
    avoiding_confrontation: [finding(0.6 * n + (outreach.closingNoteOn ? 0.3 : 0), text)],
    still_deciding: [finding(-0.4 * n, `${text} Busy teams usually answer a direct question, even briefly.`)],
    too_many_applicants: [],
    room_for_improvement: [],
  };
}

/** `thank_you`: whether every interviewer was thanked. */
export function scoreThankYou(r: Reading): Findings {
  const { outreach } = r;
  // With no interview on record there is nothing to have thanked anyone for, so no note is not evidence.
  if (r.timeline.pastInterviews.length === 0) return noFindings;
  const interviewers = [...new Set(r.timeline.pastInterviews.flatMap((i) => i.interviewerIds))].sort(
    compareText,
  );
  const thankedKnown = interviewers.filter((id) => outreach.thanked.has(id)).length;
  const thankedAny = outreach.thanked.size > 0 || outreach.hasGenericThanks;
  const last = r.timeline.lastInterview;
  const after = last ? ` after your ${roundName(last)}` : '';
  let thanks: Finding;
  if (!thankedAny) {
    thanks = finding(
      0.6,
      `hearback has no record of a thank-you note${after}; most HR managers say they weigh them (Robert Half 2017).`,
    );
  } else if (interviewers.length > 1 && thankedKnown < interviewers.length && !outreach.hasGenericThanks) {
    thanks = finding(0.4, `You thanked ${thankedKnown} of your ${interviewers.length} interviewers.`);
  } else {
    thanks = finding(-0.3, `You sent thank-you notes${after}.`);
  }
  return {
    position_gone: [],
    avoiding_confrontation: [],
    still_deciding: [],
    too_many_applicants: [],
    room_for_improvement: [thanks],
  };
}

/** `tailoring_score`: how many of the posting's key terms the resume covered; less once it won interviews. */
export function scoreTailoring(r: Reading): Findings {
  const tailoring = r.input.tailoring;
  if (tailoring === null) {
    return {
      position_gone: [],
      avoiding_confrontation: [],
      still_deciding: [],
      too_many_applicants: [],
      room_for_improvement: [
        finding(
          0,
          'There is no tailoring check for this application yet, so hearback cannot tell how well your resume matched the posting.',
        ),
      ],
    };
  }
  const score = Math.round(tailoring.score);
  const missing = tailoring.missingKeywords.slice(0, 5);
  const missingText = missing.length > 0 ? `; missing: ${listWords(missing)}` : '';
  const text = `Your resume covered ${score}% of the posting's key terms${missingText}.`;
  const weight = score < 50 ? 1.5 : score < 70 ? 0.6 : score < 80 ? 0 : -1;
  return {
    position_gone: [],
    avoiding_confrontation: [],
    still_deciding: [],
    too_many_applicants:
      score < 50 && !r.isInterviewed
        ? [finding(0.3, `${text} A low match makes an application easier to pass over in a big pile.`)]
        : [],
    // After interviews the resume has done its job: how the interviews went matters more than its wording.
    room_for_improvement: [
      r.isInterviewed
        ? finding(weight / 2, `${text} It already got you to the interviews, so it weighs less now.`)
        : finding(weight, text),
    ],
  };
}

/** `self_rating`: the user's own rating of their latest rated interview, out of 5. */
export function scoreSelfRating(r: Reading): Findings {
  const rated = [...r.timeline.pastInterviews].reverse().find((i) => i.selfRating !== null);
  if (!rated || rated.selfRating === null) return noFindings;
  const rating = rated.selfRating;
  const isLow = rating <= 2;
  if (!isLow && rating < 4) return noFindings;
  const text = `You rated your ${roundName(rated)} (${formatDate(localDateOf(rated.endsAt, r.input.settings.timeZone))}) ${rating} out of 5.`;
  return {
    position_gone: [],
    avoiding_confrontation: [finding(isLow ? 0.4 : -0.3, text)],
    still_deciding: [],
    too_many_applicants: [],
    room_for_improvement: [finding(isLow ? 1.2 : -0.5, text)],
  };
}
