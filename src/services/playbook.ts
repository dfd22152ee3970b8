import { applyPlaybookUpdate, defaultPlaybook, type Playbook, parsePlaybook } from '../core/playbook.js';
import { getSettingsDocument, saveSettingsDocument } from '../storage/settings-store.js';
import { type Deps, inTransaction } from './deps.js';
import { replanAllApplications } from './replan.js';

export async function getPlaybook(deps: Deps): Promise<Playbook> {
  const stored = await getSettingsDocument(deps.db, deps.userId, 'playbook');
  return stored === null ? defaultPlaybook : parsePlaybook(stored);
}

/** Changes delays, channels and on/off switches, or the custom steps; every application is re-planned with it. */
export function updatePlaybook(deps: Deps, update: unknown): Promise<Playbook> {
  return inTransaction(deps, async (trx) => {
    const d = { ...deps, db: trx };
    const next = applyPlaybookUpdate(await getPlaybook(d), update);
    await saveSettingsDocument(trx, deps.userId, 'playbook', next);
    await replanAllApplications(deps, trx);
    return next;
  });
}

export function resetPlaybook(deps: Deps): Promise<Playbook> {
  return inTransaction(deps, async (trx) => {
    await saveSettingsDocument(trx, deps.userId, 'playbook', null);
    await replanAllApplications(deps, trx);
    return defaultPlaybook;
  });
}
