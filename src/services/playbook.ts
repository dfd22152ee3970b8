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
  return inTransaction(deps, async (tx) => {
    const next = applyPlaybookUpdate(await getPlaybook(tx), update);
    await saveSettingsDocument(tx.db, deps.userId, 'playbook', next);
    await replanAllApplications(tx);
    return next;
  });
}

export function resetPlaybook(deps: Deps): Promise<Playbook> {
  return inTransaction(deps, async (tx) => {
    await saveSettingsDocument(tx.db, deps.userId, 'playbook', null);
    await replanAllApplications(tx);
    return defaultPlaybook;
  });
}
