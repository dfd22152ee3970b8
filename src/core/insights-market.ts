/**
 * Public figures about job searches that the insights put beside the user's own (docs/insights.md lists
 * them with their sources). Each figure is as its source published it; `isVerified: false` marks one seen
 * only second-hand. Sources: /work/wt/shared/research/market-figures.md, collected for issue 19.
 */
export type MarketFigure = {
  readonly id: string;
  /** The figure in words, as the source put it. */
  readonly text: string;
  /** The comparable share (0–1) or number of days, when the source gives one. */
  readonly value: number | null;
  readonly unit: 'share' | 'days' | null;
  readonly source: string;
  /** Null only for the note that no source exists. */
  readonly year: number | null;
  readonly isVerified: boolean;
};

export const marketFigures = {
  noResponseStepstone: {
    id: 'noResponseStepstone',
    text: '54% of job seekers got no response to an application',
    value: 0.54,
    unit: 'share',
    source: 'Stepstone (October 2025)',
    year: 2025,
    isVerified: true,
  },
  applicationsPerInterviewStepstone: {
    id: 'applicationsPerInterviewStepstone',
    text: 'a median of 20 applications led to 3 interviews (15%)',
    value: 0.15,
    unit: 'share',
    source: 'Stepstone (October 2025)',
    year: 2025,
    isVerified: true,
  },
  applicantToInterviewCareerPlug: {
    id: 'applicantToInterviewCareerPlug',
    text: '3% of applicants were interviewed',
    value: 0.03,
    unit: 'share',
    source: 'CareerPlug recruiting metrics report, 60,000 small businesses (2025)',
    year: 2025,
    isVerified: true,
  },
  interviewToHireCareerPlug: {
    id: 'interviewToHireCareerPlug',
    text: '27% of interviews led to a hire',
    value: 0.27,
    unit: 'share',
    source: 'CareerPlug recruiting metrics report (2025)',
    year: 2025,
    isVerified: true,
  },
  ghostedAfterInterviewGreenhouse: {
    id: 'ghostedAfterInterviewGreenhouse',
    text: '61% of job seekers were ghosted after an interview',
    value: 0.61,
    unit: 'share',
    source: 'Greenhouse candidate experience survey, 2,500 workers in the UK, US and Germany (2024)',
    year: 2024,
    isVerified: true,
  },
  referralsCareerPlug: {
    id: 'referralsCareerPlug',
    text: 'referrals were 2% of applicants but 11% of hires; careers pages 13% and 26%; job boards 61% and 42%',
    value: null,
    unit: null,
    source: 'CareerPlug recruiting metrics report (2025)',
    year: 2025,
    isVerified: true,
  },
  referralsLever: {
    id: 'referralsLever',
    text: 'a referral was hired 1 time in 16; an applicant from a careers site or job board 1 in 152',
    value: null,
    unit: null,
    source: 'Lever (2016)',
    year: 2016,
    isVerified: true,
  },
  firstResponseNone: {
    id: 'firstResponseNone',
    text: 'no primary source publishes a median time to a first response after applying',
    value: null,
    unit: null,
    source: 'none found',
    year: null,
    isVerified: false,
  },
} as const satisfies Readonly<Record<string, MarketFigure>>;

export type MarketFigureId = keyof typeof marketFigures;
