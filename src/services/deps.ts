import type { Kysely } from 'kysely';
import type { Clock, IdGenerator } from '../core/ports.js';
import type { Database } from '../storage/schema.js';

/**
 * What every use case needs. `userId` is the one place queries are scoped by: local mode passes the
 * single local user; server mode will pass the signed-in user.
 */
export type Deps = {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly userId: string;
};

export function nowIso(deps: Pick<Deps, 'clock'>): string {
  return deps.clock.now().toISOString();
}
