import { z } from 'zod';
import type { Application } from './application.js';
import type { Contact } from './contact.js';
import { instantOut } from './fields.js';
import type { FollowUp } from './follow-up.js';
import type { Interview } from './interview.js';

/**
 * The private calendar feed: one secret URL per user, `<public URL>/ics/<token>.ics`. The token is shown
 * once, when issued; hearback keeps only its SHA-256, so the status never includes it.
 */
export const calendarFeedStatusSchema = z
  .object({
    exists: z.boolean().describe('whether a feed URL is issued; the URL itself is only shown when issued'),
    createdAt: instantOut.nullable().describe('when the current URL was issued'),
  })
  .meta({ id: 'CalendarFeedStatus' });

export type CalendarFeedStatus = z.infer<typeof calendarFeedStatusSchema>;

export const calendarFeedIssuedSchema = z
  .object({
    url: z.string().describe('the feed URL; keep it secret, it is not shown again'),
    webcalUrl: z
      .string()
      .describe('the same URL as webcal://, which opens the subscribe dialog of Apple Calendar'),
    createdAt: instantOut,
  })
  .meta({ id: 'CalendarFeedIssued' });

export type CalendarFeedIssued = z.infer<typeof calendarFeedIssuedSchema>;

export const calendarFeedIssueSchema = z.strictObject({
  reissue: z
    .boolean()
    .optional()
    .describe('replace the current URL (the old one stops working); without it, an existing URL is an error'),
});

export type CalendarFeedIssue = z.infer<typeof calendarFeedIssueSchema>;

/** How often calendar apps are asked to fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
export const calendarRefreshMinutes = 60;

/** What the feed shows of an interview: the record, with what the event also names and links to. */
export type FeedInterview = {
  readonly interview: Interview;
  readonly application: Pick<Application, 'id' | 'jobTitle' | 'postingUrl' | 'updatedAt'>;
  readonly companyName: string;
  readonly interviewers: readonly Contact[];
  /** Minutes before the start the user wants to leave (or be ready); default 30. */
  readonly travelBufferMinutes?: number | null;
  /** The application's page in hearback. */
  readonly link: string | null;
  /** updatedAt of other records the event shows (the company, say), so renaming them bumps SEQUENCE. */
  readonly relatedUpdatedAt?: readonly string[];
};

export type FeedStep = {
  readonly step: FollowUp;
  /** Says the action, e.g. "Thank Dana Lee (Acme) for the interview" (see composeStepTitle). */
  readonly title: string;
  /** Why the step is due when it is. */
  readonly explanation: string;
  readonly draftLink: string | null;
  /** All-day on the local due date instead of a short event at the due time. */
  readonly allDay: boolean;
  /** The user's time zone: it decides the local date of an all-day step. */
  readonly timeZone: string;
  readonly relatedUpdatedAt?: readonly string[];
};

export type CalendarFeedInput = {
  readonly calendarName: string;
  readonly interviews: readonly FeedInterview[];
  readonly steps: readonly FeedStep[];
  readonly now: Date | string;
  /** How often calendar apps should fetch the feed again (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
  readonly refreshMinutes: number;
};

export type InterviewIcsInput = FeedInterview & { readonly now: Date | string };
