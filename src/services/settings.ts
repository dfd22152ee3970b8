import { fieldError } from '../core/errors.js';
import type { Places, Settings, SettingsUpdate } from '../core/settings.js';
import { getSettings as getSettingsRow, saveSettings, saveSmtpUrl } from '../storage/settings-store.js';
import { type Deps, inTransaction, nowIso } from './deps.js';

// Loaded by updateSettings: every command reads the settings, few change them, and these bring
// date-holidays' data (issue 12, item 11).
const loadPlaces = () => import('../core/places.js');
const loadReplan = () => import('./replan.js');

export function getSettings(deps: Deps): Promise<Settings> {
  return getSettingsRow(deps.db, deps.userId);
}

/** The countries and regions settings accept, for pickers. */
export async function getPlaces(): Promise<Places> {
  const { listPlaces } = await loadPlaces();
  return listPlaces();
}

/**
 * Saves the settings; the first save, even of nothing, marks the first-run set-up done. A change to the time zone, country, region or working days moves every business-day
 * date, so every application is re-planned in the same transaction.
 */
export async function updateSettings(deps: Deps, input: SettingsUpdate): Promise<Settings> {
  const [{ placeIssues }, { replanAllApplications }] = await Promise.all([loadPlaces(), loadReplan()]);
  return inTransaction(deps, async (tx) => {
    const current = await getSettingsRow(tx.db, deps.userId);
    const keep = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
    const next: Settings = {
      ...current,
      setUpAt: current.setUpAt ?? nowIso(deps),
      timeZone: input.timeZone ?? current.timeZone,
      country: keep(input.country, current.country),
      // A new country drops a region of the old one unless a region comes with it.
      region: keep(
        input.region,
        input.country === undefined || input.country === current.country ? current.region : null,
      ),
      workingDays: input.workingDays ? [...input.workingDays].sort() : current.workingDays,
      locale: input.locale ?? current.locale,
      name: keep(input.name, current.name),
      email: keep(input.email, current.email),
      travelBufferMinutes: input.travelBufferMinutes ?? current.travelBufferMinutes,
      calendarStepsAllDay: input.calendarStepsAllDay ?? current.calendarStepsAllDay,
      digestEnabled: input.digestEnabled ?? current.digestEnabled,
      digestTime: input.digestTime ?? current.digestTime,
      postingWatchEnabled: input.postingWatchEnabled ?? current.postingWatchEnabled,
      responseLinkDays: input.responseLinkDays ?? current.responseLinkDays,
      responseLinkByDefault: input.responseLinkByDefault ?? current.responseLinkByDefault,
      weeklyGoal: {
        applications: keep(input.weeklyGoal?.applications, current.weeklyGoal.applications),
        interviews: keep(input.weeklyGoal?.interviews, current.weeklyGoal.interviews),
        followUps: keep(input.weeklyGoal?.followUps, current.weeklyGoal.followUps),
      },
      smtp: {
        configured: input.smtpUrl === undefined ? current.smtp.configured : input.smtpUrl !== null,
        from: keep(input.smtpFrom, current.smtp.from),
      },
    };
    if (input.country !== undefined || input.region !== undefined) {
      const [issue] = placeIssues(next.country, next.region);
      if (issue) throw fieldError(issue.field, issue.message);
    }
    if (input.smtpUrl !== undefined) await saveSmtpUrl(tx.db, deps.userId, input.smtpUrl);
    const saved = await saveSettings(tx.db, deps.userId, next, nowIso(deps));
    const calendarChanged =
      next.timeZone !== current.timeZone ||
      next.country !== current.country ||
      next.region !== current.region ||
      next.workingDays.join() !== current.workingDays.join();
    if (calendarChanged) await replanAllApplications(tx);
    return saved;
  });
}
