import { z } from 'zod';
import { instantOut } from './fields.js';

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
