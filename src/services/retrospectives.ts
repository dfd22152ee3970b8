import { fieldError } from '../core/errors.js';
import type { Retrospective, RetrospectiveInput } from '../core/retrospective.js';
import { getApplication } from '../storage/application-store.js';
import { findRetrospective, saveRetrospectiveRow } from '../storage/retrospective-store.js';
import { type Deps, inTransaction, nowIso } from './deps.js';

/**
 * Writes the retrospective of an ended application (what went well, what I'd change, what they said); later
 * diagnoses quote it where it fits (core/retrospective.ts `lessonsFor`).
 */
export async function saveRetrospective(
  deps: Deps,
  applicationId: string,
  input: RetrospectiveInput,
): Promise<Retrospective> {
  return inTransaction(deps, async (tx) => {
    const application = await getApplication(tx.db, tx.userId, applicationId);
    if (application.stage !== 'ended') {
      throw fieldError('applicationId', 'only an ended application has a retrospective; end it first');
    }
    const now = nowIso(tx);
    await saveRetrospectiveRow(tx.db, {
      application_id: applicationId,
      user_id: tx.userId,
      went_well: input.wentWell,
      would_change: input.wouldChange,
      they_said: input.theySaid,
      created_at: now,
      updated_at: now,
    });
    const saved = await findRetrospective(tx.db, tx.userId, applicationId);
    if (!saved) throw new Error('the retrospective just written is missing');
    return saved;
  });
}

export async function getRetrospective(deps: Deps, applicationId: string): Promise<Retrospective | null> {
  await getApplication(deps.db, deps.userId, applicationId);
  return findRetrospective(deps.db, deps.userId, applicationId);
}
