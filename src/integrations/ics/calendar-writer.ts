import type { CalendarWriter } from '../../core/ports.js';

/** The CalendarWriter port on ical-generator, loaded with the first calendar file rather than at start-up. */
export const icsCalendarWriter: CalendarWriter = {
  writeFeed: async (feed) => (await import('./build-calendar-feed.js')).buildCalendarFeed(feed),
  writeInterview: async (interview) =>
    (await import('./build-calendar-feed.js')).buildInterviewIcs(interview),
};
