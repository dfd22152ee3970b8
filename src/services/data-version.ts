import { getDataVersion } from '../storage/data-version-store.js';
import type { Deps } from './deps.js';

/** A token that changes whenever any of the user's data changes (see inTransaction). */
export function currentDataVersion(deps: Deps): Promise<string> {
  return getDataVersion(deps.db, deps.userId);
}
