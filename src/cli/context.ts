import type { Command } from 'commander';
import type { z } from 'zod';
import { AppError, type ErrorCode, isAppError } from '../core/errors.js';
import type { Settings } from '../core/settings.js';
import type { PrivateAddressPolicy } from '../integrations/postings/address-guard.js';
import type { Deps } from '../services/deps.js';
import type { Runtime } from '../start-runtime.js';
import type { LookupTable } from '../storage/id-lookup-store.js';
import { createOutput, type Output } from './output.js';

// Loaded when a command runs, so `hearback --version` and `--help` load none of it (issue 12, item 11).
const loadAddressGuard = () => import('../integrations/postings/address-guard.js');
const loadConfigModule = () => import('../config-plain.js');
const loadConfigSchema = () => import('../config.js');
const loadRuntime = () => import('../start-runtime.js');
const loadCompanies = () => import('../services/companies.js');
const loadCompanySchemas = () => import('../core/company.js');
const loadDeps = () => import('../services/deps.js');
const loadSettings = () => import('../services/settings.js');
const loadIdLookupStore = () => import('../storage/id-lookup-store.js');

export type GlobalOptions = { dataDir?: string; json?: boolean };

export type CliContext = {
  readonly deps: Deps;
  readonly out: Output;
  readonly settings: Settings;
  readonly runtime: Runtime;
};

/** Parses CLI input with the same zod schema the API uses; field names are shown as the flags that set them. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, flags: Record<string, string> = {}) {
  const result = schema.safeParse(raw);
  if (result.success) return result.data as z.output<S>;
  const issues = result.error.issues.map((issue) => {
    const field = issue.path.join('.') || 'input';
    const top = String(issue.path[0] ?? '');
    const flag = flags[field] ?? flags[top];
    const message = /received undefined$/.test(issue.message) ? 'is required' : issue.message;
    return { field: flag ? `${flag} (${field})` : field, message };
  });
  const first = issues[0]!;
  throw new AppError('VALIDATION_FAILED', `${first.field}: ${first.message}`, { issues });
}

const notFoundCodes: Record<LookupTable, ErrorCode> = {
  applications: 'APPLICATION_NOT_FOUND',
  companies: 'COMPANY_NOT_FOUND',
  contacts: 'CONTACT_NOT_FOUND',
  interviews: 'INTERVIEW_NOT_FOUND',
  events: 'EVENT_NOT_FOUND',
  follow_ups: 'FOLLOW_UP_NOT_FOUND',
};

/** Shows the fields of a service's error as the flags that set them, as parseInput does for schema errors. */
export function withFlagNames(error: unknown, flags: Record<string, string>): unknown {
  if (!(error instanceof AppError)) return error;
  const issues = error.details?.issues ?? [];
  const renamed = issues.map((i) => ({
    ...i,
    field: flags[i.field] ? `${flags[i.field]} (${i.field})` : i.field,
  }));
  const first = renamed[0];
  if (!first) return error;
  return new AppError(error.code, `${first.field}: ${first.message}`, { ...error.details, issues: renamed });
}

const nouns: Record<LookupTable, { one: string; many: string }> = {
  applications: { one: 'application', many: 'applications' },
  companies: { one: 'company', many: 'companies' },
  contacts: { one: 'contact', many: 'contacts' },
  interviews: { one: 'interview', many: 'interviews' },
  events: { one: 'event', many: 'events' },
  follow_ups: { one: 'follow-up', many: 'follow-ups' },
};

/**
 * Accepts a full id, the short reference lists show (any unique tail of at least 4 characters), and for
 * companies and contacts their name (any letter case), as `add --company` does.
 */
export async function resolveId(ctx: CliContext, table: LookupTable, ref: string): Promise<string> {
  const found = await findIds(ctx, table, ref);
  const { one, many } = nouns[table];
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    throw new AppError('AMBIGUOUS_ID', `"${ref}" matches ${found.length} ${many}; give more of the id`, {
      ids: found,
    });
  }
  if (table === 'companies' || table === 'contacts')
    throw new AppError(notFoundCodes[table], `No ${one} named "${ref}" or with an id ending in it`);
  if (ref.length < 4)
    throw new AppError(notFoundCodes[table], `No ${one} "${ref}": give at least 4 characters of its id`);
  throw new AppError(notFoundCodes[table], `No ${one} with an id ending in "${ref}"`);
}

/**
 * The company named by `ref` (id, id tail or name), created when it is a name we do not know yet, as
 * `add --company` does. Call it inside the transaction of the change that uses the company.
 */
export async function resolveOrCreateCompany(ctx: CliContext, ref: string): Promise<string> {
  const name = ref.trim();
  if (name !== '' && !isFullId(name) && (await findIds(ctx, 'companies', name)).length === 0) {
    const { createCompany } = await loadCompanies();
    const { companyCreateSchema } = await loadCompanySchemas();
    const input = parseInput(companyCreateSchema, { name }, { name: '--company' });
    return (await createCompany(ctx.deps, input)).id;
  }
  return resolveId(ctx, 'companies', ref);
}

/** Runs `work` in one transaction, with a context whose services join it. */
export async function inCliTransaction<T>(
  ctx: CliContext,
  work: (txCtx: CliContext) => Promise<T>,
): Promise<T> {
  const { inTransaction } = await loadDeps();
  return inTransaction(ctx.deps, (tx) => work({ ...ctx, deps: tx }));
}

function isFullId(ref: string): boolean {
  return /^[0-9A-Za-z]{26}$/.test(ref);
}

async function findIds(ctx: CliContext, table: LookupTable, ref: string): Promise<string[]> {
  const { findIdsBySuffix, findIdsByName } = await loadIdLookupStore();
  const { db, userId } = ctx.deps;
  const trimmed = ref.trim();
  const byId = isFullId(trimmed)
    ? [trimmed.toUpperCase()]
    : trimmed.length >= 4
      ? await findIdsBySuffix(db, userId, table, trimmed)
      : [];
  const byName =
    (table === 'companies' || table === 'contacts') && trimmed !== ''
      ? await findIdsByName(db, userId, table, trimmed)
      : [];
  return [...new Set([...byName, ...byId])];
}

/**
 * Runs one command against the database in --data-dir (or the configured one), printing an AppError as a
 * message (or JSON) with a non-zero exit code; unexpected errors print their message and exit 70.
 */
export async function runCommand(command: Command, work: (ctx: CliContext) => Promise<void>): Promise<void> {
  const options = command.optsWithGlobals<GlobalOptions>();
  const io = command.configureOutput();
  const configModule = await loadConfigModule();
  const env = configModule.processEnvironment();
  const { noColor, debug } = configModule.outputEnvironment(env);
  const out = createOutput({
    json: Boolean(options.json),
    noColor,
    stdout: { write: (text: string) => io.writeOut?.(text), isTTY: process.stdout.isTTY },
    stderr: { write: (text: string) => io.writeErr?.(text) },
  });
  let runtime: Runtime | undefined;
  try {
    const [{ startRuntime }, { getSettings }] = await Promise.all([loadRuntime(), loadSettings()]);
    const overrides = options.dataDir ? { dataDir: options.dataDir } : {};
    // The usual environment is read without zod; anything else goes to the schema, which names the problem.
    const config =
      configModule.loadPlainConfig(env, overrides) ?? (await loadConfigSchema()).loadConfig(env, overrides);
    if (config.mode === 'server') {
      // The commands work on the one local user's data; in server mode that is nobody's (docs/server-mode.md).
      out.error(
        'error: HEARBACK_MODE=server: the hearback commands work on a local hearback only; use the web app or the API (--server)',
      );
      process.exitCode = 1;
      return;
    }
    let privateAddresses: PrivateAddressPolicy | undefined;
    if (config.allowPrivateFetch) {
      const { allowEveryPrivateAddress } = await loadAddressGuard();
      // The opt-in is said on stderr each time it is used, so it is never on unnoticed.
      privateAddresses = allowEveryPrivateAddress(({ host, address, port }) =>
        out.error(
          `warning: fetching ${host} at the private address ${address} port ${port} (HEARBACK_ALLOW_PRIVATE_FETCH=1)`,
        ),
      );
    }
    runtime = await startRuntime(config.database, {
      privateAddresses,
      secretKey: config.secretKey,
      dataDir: config.dataDir,
    });
    const settings = await getSettings(runtime.deps);
    await work({ deps: runtime.deps, out, settings, runtime });
  } catch (error) {
    reportError(out, error, { debug });
  } finally {
    await runtime?.close();
  }
}

export function reportError(out: Output, error: unknown, options: { debug?: boolean } = {}): void {
  if (isAppError(error)) {
    if (out.isJson) out.json({ error: { code: error.code, message: error.message, details: error.details } });
    else out.error(`error: ${error.message}`);
    process.exitCode = 1;
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (out.isJson) out.json({ error: { code: 'INTERNAL_ERROR', message } });
  else out.error(`unexpected error: ${message}`);
  if (options.debug) out.error(error instanceof Error ? (error.stack ?? message) : message);
  process.exitCode = 70;
}
