// Settings' defaults without zod or the time-zone checks: what the web UI's first script imports, so that
// loading it does not build the schemas of settings.ts (and temporal-polyfill), which re-exports this.
import type { Settings } from './settings.js';

/**
 * First-run settings, guessed from the machine: its time zone, locale and country, Monday to Friday. The
 * country is the locale's when hearback knows its holidays (`countryOfLocale` in places.ts).
 */
export function defaultSettings(
  system: { timeZone: string; locale: string },
  country: string | null,
): Settings {
  return {
    timeZone: system.timeZone,
    country,
    region: null,
    workingDays: [1, 2, 3, 4, 5],
    locale: system.locale,
    name: null,
    email: null,
    travelBufferMinutes: 30,
    calendarStepsAllDay: false,
    digestEnabled: false,
    digestTime: '08:00',
    postingWatchEnabled: true,
    responseLinkDays: 30,
    responseLinkByDefault: false,
    weeklyGoal: { applications: null, interviews: null, followUps: null },
    smtp: { configured: false, from: null },
    updatedAt: null,
    setUpAt: null,
  };
}
