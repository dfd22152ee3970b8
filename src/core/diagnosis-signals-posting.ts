import { Temporal } from 'temporal-polyfill';
import type { SourceKind } from './application.js';
import { describeSizeBand, smallestHeadcount } from './company.js';
import { type Finding, type Findings, finding, noFindings } from './diagnosis-finding.js';
import type { Reading } from './diagnosis-timeline.js';
import { capitalize, formatDate, localDateOf, plural } from './diagnosis-words.js';
import { sourceNouns } from './labels.js';

/**
 * The signals of where the application went: the posting (still up, changed, re-posted, taken down, past its
 * closing date, how long it had been open), the channel it came through and the size of the employer.
 */

const sourceRateMinimum = 5;
const largeEmployer = 1_000;
const smallEmployer = 50;
/** A posting open this long has gathered a deep pile; one answered within `earlyApplicationDays` a shallow one. */
const longOpenPostingDays = 30;
const earlyApplicationDays = 3;

/**
 * How each source weighs on "lost among many", before the interviews. Referral, job board and careers page
 * are re-derived from CareerPlug's 2025 report (60,000 small businesses): the log of each source's share of
 * hires over its share of applicants, turned against the pile — job boards 61% of applicants, 42% of hires
 * (−ln 0.69 ≈ +0.4); careers pages 13% / 26% (−ln 2 ≈ −0.7); referrals 2% / 11% (−ln 5.5 ≈ −1.7). No figure
 * was found for recruiters: their −0.6 is hearback's judgement (someone is carrying the application).
 */
const sourceWeights: Partial<Record<SourceKind, readonly [number, string]>> = {
  referral: [
    -1.7,
    'You came in through a referral: referrals were 2% of applicants but 11% of hires (CareerPlug 2025).',
  ],
  job_board: [
    0.4,
    'You applied through a job board: job boards brought 61% of applicants but 42% of hires (CareerPlug 2025), so the pile there is deepest.',
  ],
  company_site: [
    -0.7,
    "You applied on the company's careers page: careers pages brought 13% of applicants but 26% of hires (CareerPlug 2025).",
  ],
  recruiter: [-0.6, 'A recruiter put you forward, so someone is already carrying your application.'],
};

/** `posting_status`: the posting watch's (or the user's) latest finding about the live posting. */
export function scorePostingStatus(r: Reading): Findings {
  const { posting } = r;
  const on = posting.since === null ? '' : ` (${formatDate(posting.since)})`;
  switch (posting.state) {
    case 'removed':
      return {
        position_gone: [finding(3, `The posting was taken down${on}.`)],
        avoiding_confrontation: [
          finding(
            r.isInterviewed ? 0.4 : 0,
            `The posting was taken down${on}; that can also mean the role was filled.`,
          ),
        ],
        still_deciding: [finding(-1, `With the posting taken down${on}, an open search is less likely.`)],
        too_many_applicants: [
          finding(-1, `The posting was taken down${on}, so the pile is no longer the question.`),
        ],
        room_for_improvement: [],
      };
    case 'reposted':
      return {
        position_gone: [finding(-1.5, `The role was posted again${on}, so it still exists.`)],
        avoiding_confrontation: r.isInterviewed
          ? [
              finding(
                1,
                `The role was posted again${on} after your interviews: they seem to be looking beyond the candidates they met.`,
              ),
            ]
          : [],
        still_deciding: [finding(0.3, `The role was posted again${on}: they are still hiring.`)],
        too_many_applicants: r.isInterviewed
          ? []
          : [
              finding(
                0.5,
                `The role was posted again${on}: they are still collecting applications, and yours may not have been reviewed.`,
              ),
            ],
        room_for_improvement: [],
      };
    case 'changed':
      return {
        position_gone: [
          finding(
            0.4,
            `The posting's description changed${on}; a role being reshaped is sometimes cancelled.`,
          ),
        ],
        avoiding_confrontation: [],
        still_deciding: [finding(0.2, `The posting changed${on}: someone is still working on the role.`)],
        too_many_applicants: [],
        room_for_improvement: [],
      };
    case 'online':
      // Before anyone has looked at you, an open posting means an open pile, not a decision about you.
      return {
        position_gone: [finding(-1.5, `The posting was still online when last checked${on}.`)],
        avoiding_confrontation: [],
        still_deciding: r.isCold
          ? []
          : [finding(0.4, `The posting is still online${on}, so the search looks open.`)],
        too_many_applicants: r.isCold
          ? [
              finding(
                0.4,
                `The posting is still online${on}: they are still collecting applications, and each new one joins the pile yours is in.`,
              ),
            ]
          : [],
        room_for_improvement: [],
      };
    case 'unknown':
      return {
        position_gone: [
          finding(
            0,
            posting.hasUrl
              ? 'The posting has not been re-checked yet, so hearback cannot tell whether the role is still open.'
              : 'There is no posting link to re-check, so hearback cannot tell whether the role is still open.',
          ),
        ],
        avoiding_confrontation: [],
        still_deciding: [],
        too_many_applicants: [],
        room_for_improvement: [],
      };
  }
}

/** `posting_expiry`: the posting's closing date has passed; soon after it, reviewing may only be starting. */
export function scorePostingExpiry(r: Reading): Findings {
  const { expiredOn } = r.posting;
  if (expiredOn === null) return noFindings;
  const recent = expiredOn.until(r.timeline.today, { largestUnit: 'days' }).days <= 14;
  return {
    position_gone: [
      finding(recent ? 0.5 : 1, `The posting's closing date (${formatDate(expiredOn)}) has passed.`),
    ],
    avoiding_confrontation: [],
    still_deciding:
      recent && !r.isInterviewed
        ? [finding(0.3, `Applications closed on ${formatDate(expiredOn)}; reviewing often starts only then.`)]
        : [],
    too_many_applicants: [],
    room_for_improvement: [],
  };
}

/** `source`: the channel the application came through, before the interviews (CareerPlug 2025). */
export function scoreSource(r: Reading): Findings {
  const source = sourceWeights[r.input.application.source.kind];
  return {
    position_gone: [],
    avoiding_confrontation: [],
    still_deciding: [],
    too_many_applicants: source && !r.isInterviewed ? [finding(source[0], source[1])] : [],
    room_for_improvement: [],
  };
}

/**
 * `posting_age`: how long the posting had been up: a posting gathers applications for as long as it is open,
 * so one up for a month has a deeper pile, and an application sent in its first days meets a shallow one. Only
 * before the interviews, and only while the posting is not known to be gone.
 */
export function scorePostingAge(r: Reading): Findings {
  const posted = r.input.application.posting.datePosted;
  if (r.isInterviewed || posted === null || !/^\d{4}-\d{2}-\d{2}/.test(posted)) return noFindings;
  if (r.posting.state === 'removed') return noFindings;
  const postedOn = Temporal.PlainDate.from(posted.slice(0, 10));
  const appliedOn = localDateOf(r.timeline.appliedAt, r.input.settings.timeZone);
  const upDays = postedOn.until(r.timeline.today, { largestUnit: 'days' }).days;
  const appliedAfter = postedOn.until(appliedOn, { largestUnit: 'days' }).days;
  if (upDays < 0 || appliedAfter < 0) return noFindings;
  let pile: Finding[] = [];
  if (upDays >= longOpenPostingDays) {
    pile = [
      finding(
        0.4,
        `The posting went up on ${formatDate(postedOn)}, ${plural(upDays, 'day')} ago; the longer a posting is open, the deeper the pile.`,
      ),
    ];
  } else if (appliedAfter <= earlyApplicationDays) {
    pile = [
      finding(
        -0.3,
        `You applied ${appliedAfter === 0 ? 'the day' : `${plural(appliedAfter, 'day')} after`} the posting went up (${formatDate(postedOn)}), ahead of most of the pile.`,
      ),
    ];
  }
  return {
    position_gone: [],
    avoiding_confrontation: [],
    still_deciding: [],
    too_many_applicants: pile,
    room_for_improvement: [],
  };
}

/** `company_size`: large employers draw more applicants and hire more slowly; small ones the opposite. */
export function scoreCompanySize(r: Reading): Findings {
  const band = r.input.companySize;
  if (band === null) return noFindings;
  const size = smallestHeadcount(band);
  const name = r.input.application.company.name;
  if (size >= largeEmployer) {
    return {
      position_gone: [],
      avoiding_confrontation: [],
      still_deciding: [
        finding(
          0.4,
          `${name} is a large employer; hiring takes longer at larger companies (Glassdoor 2015).`,
        ),
      ],
      too_many_applicants: r.isInterviewed
        ? []
        : [
            finding(
              0.6,
              `${name} is a large employer (${describeSizeBand(band)}); large employers draw more applicants.`,
            ),
          ],
      room_for_improvement: [],
    };
  }
  if (size >= smallEmployer) return noFindings;
  return {
    position_gone: [],
    avoiding_confrontation: [],
    still_deciding: [
      finding(-0.2, `${name} is small; small employers tend to decide faster (Glassdoor 2015).`),
    ],
    too_many_applicants: r.isInterviewed
      ? []
      : [
          finding(
            -0.4,
            `${name} is small (${describeSizeBand(band)}), so fewer applications compete for attention.`,
          ),
        ],
    room_for_improvement: [],
  };
}

/** `own_response_rate`: how often the user's own applications through the same channel got any answer. */
export function scoreOwnResponseRate(r: Reading): Findings {
  const history = r.input.history;
  const kind = r.input.application.source.kind;
  const rate = history?.responseRateBySource[kind];
  if (!rate || rate.applications < sourceRateMinimum || r.isInterviewed) return noFindings;
  const pct = Math.round(rate.rate * 100);
  const text = `${pct}% of your ${rate.applications} applications through ${sourceNouns[kind]} got any answer.`;
  return {
    position_gone: [],
    avoiding_confrontation: [],
    still_deciding: [],
    too_many_applicants:
      rate.rate < 0.2
        ? [finding(0.6, `Only ${text}`)]
        : rate.rate >= 0.5
          ? [finding(-0.4, `${capitalize(text)}`)]
          : [],
    room_for_improvement: [],
  };
}
