import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../core/coaching.js';
import { AppError, fieldError } from '../core/errors.js';
import {
  type CreatedInvitation,
  type Invitation,
  type InvitationAccept,
  type InvitationCreate,
  type InvitationPreview,
  invitationCreateSchema,
} from '../core/invitations.js';
import { accountRoleLabels } from '../core/labels.js';
import type { Accounts } from '../core/ports.js';
import { assignRole, requireRole } from './coaching.js';
import { type Deps, inTransaction } from './deps.js';

/** The server-mode tables this service reads (PostgreSQL only; migration 20261215-0310-invitations). */
type InvitationTables = {
  auth_users: { id: string; email: string };
  invitations: {
    id: string;
    email: string;
    role: Role;
    token_hash: string;
    created_by: string | null;
    created_at: string;
    expires_at: string;
    accepted_at: string | null;
    accepted_by: string | null;
  };
};

function tables(db: Deps['db']): Kysely<InvitationTables> {
  return db as unknown as Kysely<InvitationTables>;
}

/** The link's secret is stored only as this hash: the table alone lets nobody accept an invitation. */
function hashOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const notFound = () =>
  new AppError(
    'INVITATION_NOT_FOUND',
    'This invitation link does not work: it was revoked, used already, or has expired. Ask for a new one.',
  );

/**
 * An admin (or an operator with `hearback admin invite`, `by` null) invites an email with a role: a link
 * with 256 random bits, kept as a hash, working for some days and once. An earlier pending invitation of the
 * same email is replaced. The link is emailed through the server's SMTP server when it has one; the answer
 * always carries it, for the admin to pass on when it was not emailed.
 */
export async function createInvitation(
  deps: Deps,
  input: InvitationCreate,
  options: { readonly by: string | null; readonly publicUrl: string; readonly accounts: Accounts },
): Promise<CreatedInvitation> {
  const checked = invitationCreateSchema.safeParse(input);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw fieldError(issue.path.join('.') || 'invitation', issue.message);
  }
  const parsed = checked.data;
  const email = parsed.email.toLowerCase();
  const db = tables(deps.db);
  const existing = await db
    .selectFrom('auth_users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  if (existing) throw fieldError('email', 'an account with this email already exists');
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const row = {
    id: deps.ids.next(),
    email,
    role: parsed.role,
    token_hash: hashOf(token),
    created_by: options.by,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + parsed.expiresInDays * 24 * 60 * 60 * 1000).toISOString(),
    accepted_at: null,
    accepted_by: null,
  };
  await inTransaction(deps, async (tx) => {
    const t = tables(tx.db);
    await t.deleteFrom('invitations').where('email', '=', email).where('accepted_at', 'is', null).execute();
    await t.insertInto('invitations').values(row).execute();
  });
  const link = `${options.publicUrl.replace(/\/+$/, '')}/invite/${token}`;
  let emailed = false;
  let emailError: string | null = null;
  if (options.accounts.mail) {
    try {
      await options.accounts.mail.send({
        to: email,
        subject: 'You are invited to hearback',
        text: [
          `You are invited to hearback. Your role: ${accountRoleLabels[parsed.role]}.`,
          '',
          `Create your account here (the link works until ${row.expires_at.slice(0, 10)}, once):`,
          link,
          '',
          'If you did not expect this, ignore this email.',
        ].join('\n'),
      });
      emailed = true;
    } catch (error) {
      emailError = error instanceof Error ? error.message : String(error);
    }
  }
  const [invitation] = await listInvitationRows(deps, row.id);
  return { invitation: invitation!, link, emailed, emailError };
}

export async function adminCreateInvitation(
  deps: Deps,
  input: InvitationCreate,
  options: { readonly publicUrl: string; readonly accounts: Accounts },
): Promise<CreatedInvitation> {
  await requireRole(deps, 'admin');
  return createInvitation(deps, input, { ...options, by: deps.userId });
}

/** Every invitation, newest first, with whether it is pending, accepted or expired; never its link. */
export async function listInvitations(deps: Deps): Promise<Invitation[]> {
  await requireRole(deps, 'admin');
  return listInvitationRows(deps);
}

async function listInvitationRows(deps: Deps, id?: string): Promise<Invitation[]> {
  let query = tables(deps.db)
    .selectFrom('invitations')
    .leftJoin('auth_users', 'auth_users.id', 'invitations.created_by')
    .select([
      'invitations.id',
      'invitations.email',
      'invitations.role',
      'invitations.created_at',
      'invitations.expires_at',
      'invitations.accepted_at',
      'auth_users.email as invited_by',
    ])
    .orderBy('invitations.created_at', 'desc')
    .orderBy('invitations.id', 'desc');
  if (id !== undefined) query = query.where('invitations.id', '=', id);
  const now = deps.clock.now().toISOString();
  return (await query.execute()).map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    status: row.accepted_at ? 'accepted' : row.expires_at <= now ? 'expired' : 'pending',
    invitedBy: row.invited_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
  }));
}

/** Revokes a pending invitation: its link stops working at once. An accepted one cannot be revoked. */
export async function revokeInvitation(deps: Deps, id: string): Promise<void> {
  await requireRole(deps, 'admin');
  const result = await tables(deps.db)
    .deleteFrom('invitations')
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0)
    throw new AppError('INVITATION_NOT_FOUND', `No pending invitation with id ${id}`);
}

/** What a working link invites to (no session: the link is the capability); else INVITATION_NOT_FOUND. */
export async function previewInvitation(deps: Deps, token: string): Promise<InvitationPreview> {
  const row = await tables(deps.db)
    .selectFrom('invitations')
    .select(['email', 'role', 'expires_at'])
    .where('token_hash', '=', hashOf(token))
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', deps.clock.now().toISOString())
    .executeTakeFirst();
  if (!row) throw notFound();
  return { email: row.email, role: row.role, expiresAt: row.expires_at };
}

/**
 * Accepts an invitation: the account gets the invitation's email (verified: the link reached it) and role,
 * with the name and password given. Works with sign-up off. The invitation is claimed first in one
 * statement, so two tabs accepting the same link make one account; a failed account creation gives it back.
 */
export async function acceptInvitation(
  deps: Deps,
  accounts: Accounts,
  token: string,
  input: InvitationAccept,
): Promise<{ email: string }> {
  const db = tables(deps.db);
  const now = deps.clock.now().toISOString();
  const claimed = await db
    .updateTable('invitations')
    .set({ accepted_at: now })
    .where('token_hash', '=', hashOf(token))
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['id', 'email', 'role'])
    .executeTakeFirst();
  if (!claimed) throw notFound();
  const giveBack = () =>
    db.updateTable('invitations').set({ accepted_at: null }).where('id', '=', claimed.id).execute();
  let created: { id: string } | null;
  try {
    created = await accounts.createUser({
      email: claimed.email,
      name: input.name,
      password: input.password,
      emailVerified: true,
    });
  } catch (error) {
    await giveBack();
    throw error;
  }
  if (!created) {
    await giveBack();
    throw fieldError('email', 'an account with this email exists already: sign in, or reset its password');
  }
  await assignRole(deps, created.id, claimed.role);
  await db.updateTable('invitations').set({ accepted_by: created.id }).where('id', '=', claimed.id).execute();
  return { email: claimed.email };
}
