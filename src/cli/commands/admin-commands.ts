import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { type AdminUser, type Role, roles } from '../../core/coaching.js';
import { AppError, fieldError } from '../../core/errors.js';
import type { Accounts } from '../../core/ports.js';
import type { Runtime } from '../../runtime.js';
import { reportError } from '../context.js';
import { createOutput, formatTable, type Output } from '../output.js';

type AdminContext = { runtime: Runtime; accounts: Accounts; out: Output; publicUrl: string };

/**
 * Runs an operator's command on server mode's database (DATABASE_URL and the rest of server mode's
 * environment, checked as `npm start` checks them). Local mode has no accounts to administer.
 */
async function runAdmin(command: Command, work: (ctx: AdminContext) => Promise<void>): Promise<void> {
  const options = command.optsWithGlobals<{ json?: boolean }>();
  const io = command.configureOutput();
  const configModule = await import('../../config.js');
  const env = configModule.processEnvironment();
  const out = createOutput({
    json: Boolean(options.json),
    noColor: configModule.outputEnvironment(env).noColor,
    stdout: { write: (text: string) => io.writeOut?.(text), isTTY: process.stdout.isTTY },
    stderr: { write: (text: string) => io.writeErr?.(text) },
  });
  let runtime: Runtime | undefined;
  try {
    const config = configModule.loadConfig(env);
    if (config.mode !== 'server' || !config.accounts) {
      out.error(
        'error: hearback admin works on a server-mode hearback: set HEARBACK_MODE=server, DATABASE_URL, HEARBACK_PUBLIC_URL and HEARBACK_AUTH_SECRET as for `npm start`',
      );
      process.exitCode = 1;
      return;
    }
    const { createAccounts, startRuntime } = await import('../../runtime.js');
    runtime = await startRuntime(config.database, { localUser: false });
    const accounts = createAccounts(runtime, { ...config.accounts, publicUrl: config.publicUrl });
    await work({ runtime, accounts, out, publicUrl: config.publicUrl });
  } catch (error) {
    reportError(out, error);
  } finally {
    await runtime?.close();
  }
}

function printUsers(out: Output, users: readonly AdminUser[]): void {
  if (out.isJson) {
    out.json(users);
    return;
  }
  out.line(
    formatTable(
      users,
      [
        { header: 'email', value: (u) => u.email, max: 48 },
        { header: 'name', value: (u) => u.name, max: 32 },
        { header: 'role', value: (u) => u.role },
        { header: 'applications', value: (u) => String(u.applications) },
        { header: 'shares given', value: (u) => String(u.sharesGiven) },
        { header: 'shares received', value: (u) => String(u.sharesReceived) },
        { header: 'sessions', value: (u) => String(u.activeSessions) },
        { header: 'id', value: (u) => u.id },
      ],
      out.color,
    ),
  );
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `hearback admin create-user|list-users`: server mode's accounts, for operators. */
export function registerAdminCommands(program: Command): void {
  const admin = program
    .command('admin')
    .description('Server mode, for operators: create accounts (with their role), invite people, list them');

  admin
    .command('create-user')
    .description('Create an account (also with sign-up off); prints a temporary password unless one is given')
    .requiredOption('--email <email>', 'the account’s email')
    .option('--name <name>', 'the person’s name (default: the part of the email before @)')
    .option('--role <role>', `one of ${roles.join(', ')}`, 'job_seeker')
    .option('--password-stdin', 'read the password from standard input instead of making one up')
    .action((options: { email: string; name?: string; role: string; passwordStdin?: boolean }, command) =>
      runAdmin(command, async ({ runtime, accounts, out }) => {
        if (!(roles as readonly string[]).includes(options.role))
          throw fieldError('role', `must be one of ${roles.join(', ')}`);
        const { z } = await import('zod');
        if (!z.email().safeParse(options.email).success)
          throw fieldError('email', 'must be an email address');
        const generated = options.passwordStdin ? null : randomBytes(18).toString('base64url');
        const password = generated ?? (await readStdin());
        const { createAccount } = await import('../../services/coaching.js');
        const user = await createAccount(runtime.deps, accounts, {
          email: options.email,
          name: options.name ?? options.email.split('@')[0] ?? options.email,
          password,
          role: options.role as Role,
        });
        if (out.isJson) out.json({ ...user, ...(generated && { temporaryPassword: generated }) });
        else {
          out.line(`created ${user.email} (${user.role}), id ${user.id}`);
          if (generated)
            out.line(`temporary password: ${generated}  (ask them to change it after signing in)`);
        }
      }),
    );

  admin
    .command('list-users')
    .description('Every account with its role and usage counts (never its content)')
    .action((_options, command: Command) =>
      runAdmin(command, async ({ runtime, out }) => {
        const { listAccounts } = await import('../../services/coaching.js');
        printUsers(out, await listAccounts(runtime.deps));
      }),
    );

  admin
    .command('invite')
    .description(
      'Invite an email with a role (also with sign-up off): prints the link, and emails it when HEARBACK_SMTP_URL is set',
    )
    .argument('<email>', 'who is invited')
    .option('--role <role>', 'job-seeker, coach or admin', 'job-seeker')
    .option('--days <days>', 'how many days the link works (1 to 30)', '7')
    .action((email: string, options: { role: string; days: string }, command: Command) =>
      runAdmin(command, async ({ runtime, accounts, out, publicUrl }) => {
        const role = options.role.replace('-', '_');
        if (!(roles as readonly string[]).includes(role))
          throw fieldError('role', 'must be one of job-seeker, coach, admin');
        if (!/^\d{1,2}$/.test(options.days)) throw fieldError('days', 'must be a whole number from 1 to 30');
        const { createInvitation } = await import('../../services/invitations.js');
        const created = await createInvitation(
          runtime.deps,
          { email, role: role as Role, expiresInDays: Number(options.days) },
          { by: null, publicUrl, accounts },
        );
        if (out.isJson) {
          out.json(created);
          return;
        }
        const { invitation } = created;
        out.line(
          `invited ${invitation.email} (${invitation.role.replace('_', ' ')}), until ${invitation.expiresAt}`,
        );
        out.line(`link (works once): ${created.link}`);
        if (created.emailed) out.line('emailed through HEARBACK_SMTP_URL');
        else if (created.emailError)
          out.line(`not emailed: ${created.emailError}; pass the link on yourself`);
        else out.line('not emailed (no HEARBACK_SMTP_URL): pass the link on yourself');
      }),
    );

  admin
    .command('set-role')
    .description('Change an account’s role')
    .requiredOption('--email <email>', 'the account’s email')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .action((options: { email: string; role: string }, command) =>
      runAdmin(command, async ({ runtime, out }) => {
        if (!(roles as readonly string[]).includes(options.role))
          throw fieldError('role', `must be one of ${roles.join(', ')}`);
        const { assignRole, listAccounts } = await import('../../services/coaching.js');
        const user = (await listAccounts(runtime.deps)).find(
          (each) => each.email === options.email.toLowerCase(),
        );
        if (!user) throw new AppError('JOB_SEEKER_NOT_FOUND', `No account with the email ${options.email}`);
        printUsers(out, [await assignRole(runtime.deps, user.id, options.role as Role)]);
      }),
    );
}
