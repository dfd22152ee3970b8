import { type Kysely, sql } from 'kysely';
import type { ApplicationCard } from '../core/application.js';
import type {
  AdminUser,
  CoachAssignment,
  CoachJobSeeker,
  Role,
  Share,
  ShareCreate,
} from '../core/coaching.js';
import { AppError, fieldError } from '../core/errors.js';
import type { TimelineEvent } from '../core/event.js';
import type { Accounts } from '../core/ports.js';
import { getTimeline, listApplicationCards } from './applications.js';
import { type Deps, inTransaction } from './deps.js';
import { createEvent } from './events.js';
import { getToday } from './today.js';

/** The server-mode tables (PostgreSQL only; migrations 20261208-1600 and -1610), as this service reads them. */
type CoachingTables = {
  auth_users: { id: string; name: string; email: string; role: Role; created_at: Date };
  auth_sessions: { id: string; user_id: string; expires_at: Date };
  shares: { id: string; owner_id: string; coach_id: string; all_applications: boolean; created_at: string };
  share_applications: { share_id: string; application_id: string };
  applications: { id: string; user_id: string };
};

function tables(deps: Deps): Kysely<CoachingTables> {
  return deps.db as unknown as Kysely<CoachingTables>;
}

export async function roleOf(deps: Deps, userId = deps.userId): Promise<Role> {
  const row = await tables(deps)
    .selectFrom('auth_users')
    .select('role')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? 'job_seeker';
}

export async function requireRole(deps: Deps, role: Role): Promise<void> {
  const mine = await roleOf(deps);
  if (mine !== role)
    throw new AppError('ROLE_REQUIRED', `This is for ${role === 'coach' ? 'coaches' : 'admins'} only`);
}

/** Shares the job seeker's applications (all, or the chosen ones) with one coach; replaces an earlier share. */
export async function createShare(deps: Deps, input: ShareCreate): Promise<Share> {
  const db = tables(deps);
  const coach = await db
    .selectFrom('auth_users')
    .select(['id', 'name', 'email'])
    .where('email', '=', input.coachEmail.toLowerCase())
    .where('role', '=', 'coach')
    .executeTakeFirst();
  if (!coach) throw fieldError('coachEmail', 'no coach has an account with that email');
  const chosen = input.applicationIds ? [...new Set(input.applicationIds)] : null;
  if (chosen && chosen.length > 0) {
    const mine = await db
      .selectFrom('applications')
      .select('id')
      .where('user_id', '=', deps.userId)
      .where('id', 'in', chosen)
      .execute();
    const found = new Set(mine.map((row) => row.id));
    const missing = chosen.find((applicationId) => !found.has(applicationId));
    if (missing) throw fieldError('applicationIds', `no application with id ${missing}`);
  }
  const shareId = deps.ids.next();
  const createdAt = deps.clock.now().toISOString();
  await inTransaction(deps, async (tx) => {
    const t = tx.db as unknown as Kysely<CoachingTables>;
    await t
      .deleteFrom('shares')
      .where('owner_id', '=', deps.userId)
      .where('coach_id', '=', coach.id)
      .execute();
    await t
      .insertInto('shares')
      .values({
        id: shareId,
        owner_id: deps.userId,
        coach_id: coach.id,
        all_applications: chosen === null,
        created_at: createdAt,
      })
      .execute();
    if (chosen && chosen.length > 0)
      await t
        .insertInto('share_applications')
        .values(chosen.map((applicationId) => ({ share_id: shareId, application_id: applicationId })))
        .execute();
  });
  return {
    id: shareId,
    coach,
    allApplications: chosen === null,
    applicationIds: chosen ?? [],
    createdAt,
  };
}

export async function listShares(deps: Deps): Promise<Share[]> {
  const db = tables(deps);
  const rows = await db
    .selectFrom('shares')
    .innerJoin('auth_users', 'auth_users.id', 'shares.coach_id')
    .select([
      'shares.id',
      'shares.all_applications',
      'shares.created_at',
      'auth_users.id as coach_id',
      'auth_users.name',
      'auth_users.email',
    ])
    .where('shares.owner_id', '=', deps.userId)
    .orderBy('shares.created_at')
    .execute();
  const chosen = rows.length
    ? await db
        .selectFrom('share_applications')
        .select(['share_id', 'application_id'])
        .where(
          'share_id',
          'in',
          rows.map((row) => row.id),
        )
        .execute()
    : [];
  return rows.map((row) => ({
    id: row.id,
    coach: { id: row.coach_id, name: row.name, email: row.email },
    allApplications: row.all_applications,
    applicationIds: chosen.filter((c) => c.share_id === row.id).map((c) => c.application_id),
    createdAt: row.created_at,
  }));
}

/** Ends a share at once: the coach's next request is refused, on every app server (it is one row). */
export async function revokeShare(deps: Deps, shareId: string): Promise<void> {
  const result = await tables(deps)
    .deleteFrom('shares')
    .where('id', '=', shareId)
    .where('owner_id', '=', deps.userId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0)
    throw new AppError('SHARE_NOT_FOUND', `No share with id ${shareId}`);
}

/** What the job seeker shares with this coach: null (nothing), 'all', or the chosen application ids. */
async function sharedWith(deps: Deps, ownerId: string): Promise<{ all: boolean; ids: Set<string> } | null> {
  const db = tables(deps);
  const share = await db
    .selectFrom('shares')
    .select(['id', 'all_applications'])
    .where('owner_id', '=', ownerId)
    .where('coach_id', '=', deps.userId)
    .executeTakeFirst();
  if (!share) return null;
  if (share.all_applications) return { all: true, ids: new Set() };
  const rows = await db
    .selectFrom('share_applications')
    .select('application_id')
    .where('share_id', '=', share.id)
    .execute();
  return { all: false, ids: new Set(rows.map((row) => row.application_id)) };
}

function ownerDeps(deps: Deps, ownerId: string): Deps {
  return { ...deps, userId: ownerId };
}

/** The coach's dashboard: each job seeker who shares with them, and the shared steps that are overdue. */
export async function coachJobSeekers(deps: Deps): Promise<CoachJobSeeker[]> {
  await requireRole(deps, 'coach');
  const owners = await tables(deps)
    .selectFrom('shares')
    .innerJoin('auth_users', 'auth_users.id', 'shares.owner_id')
    .select(['auth_users.id', 'auth_users.name', 'auth_users.email', 'shares.all_applications'])
    .where('shares.coach_id', '=', deps.userId)
    .orderBy('auth_users.name')
    .execute();
  const result: CoachJobSeeker[] = [];
  for (const owner of owners) {
    const shared = await sharedWith(deps, owner.id);
    if (!shared) continue;
    const cards = (await listApplicationCards(ownerDeps(deps, owner.id))).items.filter(
      (card) => shared.all || shared.ids.has(card.id),
    );
    const today = await getToday(ownerDeps(deps, owner.id));
    result.push({
      id: owner.id,
      name: owner.name,
      email: owner.email,
      allApplications: owner.all_applications,
      sharedApplications: cards.length,
      overdue: today.overdue.filter((item) => shared.all || shared.ids.has(item.application.id)),
    });
  }
  return result;
}

/** The applications one job seeker shares with this coach. */
export async function coachApplications(deps: Deps, ownerId: string): Promise<ApplicationCard[]> {
  await requireRole(deps, 'coach');
  const shared = await sharedWith(deps, ownerId);
  if (!shared) throw new AppError('JOB_SEEKER_NOT_FOUND', `No job seeker with id ${ownerId} shares with you`);
  return (await listApplicationCards(ownerDeps(deps, ownerId))).items.filter(
    (card) => shared.all || shared.ids.has(card.id),
  );
}

/** The owner of a shared application, when it is shared with this coach; else not found, as if it did not exist. */
async function sharedApplicationOwner(deps: Deps, applicationId: string): Promise<string> {
  await requireRole(deps, 'coach');
  const row = await tables(deps)
    .selectFrom('applications')
    .select('user_id')
    .where('id', '=', applicationId)
    .executeTakeFirst();
  const shared = row ? await sharedWith(deps, row.user_id) : null;
  if (!row || !shared || !(shared.all || shared.ids.has(applicationId)))
    throw new AppError('APPLICATION_NOT_FOUND', `No application with id ${applicationId}`);
  return row.user_id;
}

export async function coachApplication(
  deps: Deps,
  applicationId: string,
): Promise<{ application: ApplicationCard; timeline: TimelineEvent[] }> {
  const ownerId = await sharedApplicationOwner(deps, applicationId);
  const owner = ownerDeps(deps, ownerId);
  const application = (await listApplicationCards(owner)).items.find((card) => card.id === applicationId);
  if (!application) throw new AppError('APPLICATION_NOT_FOUND', `No application with id ${applicationId}`);
  return { application, timeline: await getTimeline(owner, applicationId) };
}

/** A coach's comment, on the job seeker's timeline of that application as a note naming the coach. */
export async function addCoachComment(
  deps: Deps,
  applicationId: string,
  comment: string,
): Promise<TimelineEvent> {
  const ownerId = await sharedApplicationOwner(deps, applicationId);
  const coach = await tables(deps)
    .selectFrom('auth_users')
    .select('name')
    .where('id', '=', deps.userId)
    .executeTakeFirstOrThrow();
  return createEvent(ownerDeps(deps, ownerId), {
    kind: 'note',
    applicationId,
    text: `Comment from your coach ${coach.name}: ${comment}`,
  });
}

/** Every account with its role and usage counts: never a job seeker's content. */
export async function adminUsers(deps: Deps): Promise<AdminUser[]> {
  await requireRole(deps, 'admin');
  return listAccounts(deps);
}

/** Every account with its role and counts, for an operator (`hearback admin list-users`): no role check. */
export async function listAccounts(deps: Deps): Promise<AdminUser[]> {
  const db = tables(deps);
  const rows = await db
    .selectFrom('auth_users')
    .select((eb) => [
      'auth_users.id',
      'auth_users.name',
      'auth_users.email',
      'auth_users.role',
      'auth_users.created_at',
      eb
        .selectFrom('applications')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('applications.user_id', '=', 'auth_users.id')
        .as('applications'),
      eb
        .selectFrom('shares')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('shares.owner_id', '=', 'auth_users.id')
        .as('shares_given'),
      eb
        .selectFrom('shares')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('shares.coach_id', '=', 'auth_users.id')
        .as('shares_received'),
      eb
        .selectFrom('auth_sessions')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('auth_sessions.user_id', '=', 'auth_users.id')
        .where('auth_sessions.expires_at', '>', deps.clock.now())
        .as('active_sessions'),
    ])
    .orderBy('auth_users.created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    createdAt: new Date(row.created_at).toISOString(),
    applications: Number(row.applications ?? 0),
    sharesGiven: Number(row.shares_given ?? 0),
    sharesReceived: Number(row.shares_received ?? 0),
    activeSessions: Number(row.active_sessions ?? 0),
  }));
}

/**
 * Admins: every share as a coach assignment (who shares with which coach, all or how many applications).
 * Names and counts only: never which applications, nor anything in them.
 */
export async function adminCoachAssignments(deps: Deps): Promise<CoachAssignment[]> {
  await requireRole(deps, 'admin');
  const rows = await tables(deps)
    .selectFrom('shares')
    .innerJoin('auth_users as owner', 'owner.id', 'shares.owner_id')
    .innerJoin('auth_users as coach', 'coach.id', 'shares.coach_id')
    .select((eb) => [
      'shares.all_applications',
      'shares.created_at',
      'owner.id as owner_id',
      'owner.name as owner_name',
      'owner.email as owner_email',
      'coach.id as coach_id',
      'coach.name as coach_name',
      'coach.email as coach_email',
      eb
        .selectFrom('applications')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('applications.user_id', '=', 'shares.owner_id')
        .as('owner_applications'),
      eb
        .selectFrom('share_applications')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('share_applications.share_id', '=', 'shares.id')
        .as('chosen_applications'),
    ])
    .orderBy('owner.name')
    .orderBy('coach.name')
    .execute();
  return rows.map((row) => ({
    jobSeeker: { id: row.owner_id, name: row.owner_name, email: row.owner_email },
    coach: { id: row.coach_id, name: row.coach_name, email: row.coach_email },
    allApplications: row.all_applications,
    sharedApplications: Number(
      (row.all_applications ? row.owner_applications : row.chosen_applications) ?? 0,
    ),
    createdAt: row.created_at,
  }));
}

export async function setRole(deps: Deps, userId: string, role: Role): Promise<AdminUser> {
  await requireRole(deps, 'admin');
  return assignRole(deps, userId, role);
}

/** Gives an account its role, for an operator (`hearback admin create-user --role`): no role check. */
export async function assignRole(deps: Deps, userId: string, role: Role): Promise<AdminUser> {
  const result = await tables(deps)
    .updateTable('auth_users')
    .set({ role })
    .where('id', '=', userId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0)
    throw new AppError('JOB_SEEKER_NOT_FOUND', `No account with id ${userId}`);
  const user = (await listAccounts(deps)).find((each) => each.id === userId);
  if (!user) throw new AppError('JOB_SEEKER_NOT_FOUND', `No account with id ${userId}`);
  return user;
}

/**
 * An operator creates an account with its role (works with sign-up off). An email that already has an
 * account is refused by field: the operator may know who has one.
 */
export async function createAccount(
  deps: Deps,
  accounts: Accounts,
  input: { email: string; name: string; password: string; role: Role },
): Promise<AdminUser> {
  const created = await accounts.createUser(input);
  if (!created) throw fieldError('email', 'an account with this email already exists');
  return assignRole(deps, created.id, input.role);
}

/** The first admin from HEARBACK_ADMIN_EMAIL and HEARBACK_ADMIN_PASSWORD: made once, when no admin exists. */
export async function ensureFirstAdmin(
  deps: Deps,
  accounts: Accounts,
  input: { email: string; password: string },
): Promise<'created' | 'exists'> {
  const admin = await tables(deps)
    .selectFrom('auth_users')
    .select('id')
    .where('role', '=', 'admin')
    .limit(1)
    .executeTakeFirst();
  if (admin) return 'exists';
  const existing = await tables(deps)
    .selectFrom('auth_users')
    .select('id')
    .where('email', '=', input.email.toLowerCase())
    .executeTakeFirst();
  if (existing) {
    await assignRole(deps, existing.id, 'admin');
    return 'created';
  }
  try {
    await createAccount(deps, accounts, { ...input, name: 'Admin', role: 'admin' });
  } catch (error) {
    // Another app server starting at the same moment made the account first (emails are unique): theirs
    // stands, and it is the admin whichever of the two sets the role.
    const made = await tables(deps)
      .selectFrom('auth_users')
      .select('id')
      .where('email', '=', input.email.toLowerCase())
      .executeTakeFirst();
    if (!made) throw error;
    await assignRole(deps, made.id, 'admin');
    return 'exists';
  }
  return 'created';
}
