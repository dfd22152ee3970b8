import type { Settings, SettingsUpdate } from '../core/settings.js';
import { getSettings as getSettingsRow, saveSettings } from '../storage/settings-store.js';
import { type Deps, inTransaction, nowIso } from './deps.js';

export function getSettings(deps: Deps): Promise<Settings> {
  return getSettingsRow(deps.db, deps.userId);
}

export async function updateSettings(deps: Deps, input: SettingsUpdate): Promise<Settings> {
  return inTransaction(deps, async (trx) => {
    const current = await getSettingsRow(trx, deps.userId);
    const next: Settings = {
      ...current,
      timeZone: input.timeZone ?? current.timeZone,
      country: input.country === undefined ? current.country : input.country,
      region: input.region === undefined ? current.region : input.region,
      workingDays: input.workingDays ? [...input.workingDays].sort() : current.workingDays,
      locale: input.locale ?? current.locale,
      name: input.name === undefined ? current.name : input.name,
      email: input.email === undefined ? current.email : input.email,
    };
    return saveSettings(trx, deps.userId, next, nowIso(deps));
  });
}
