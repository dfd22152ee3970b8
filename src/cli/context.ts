import type { Command } from 'commander';
import type { z } from 'zod';
import { loadConfig } from '../config.js';
import { AppError, type ErrorCode, isAppError } from '../core/errors.js';
import type { Settings } from '../core/settings.js';
import { allowEveryPrivateAddress } from '../integrations/postings/address-guard.js';
import { type Runtime, startRuntime } from '../runtime.js';
import type { Deps } from '../services/deps.js';
import { getSettings } from '../services/settings.js';
import { findIdsBySuffix, type LookupTable } from '../storage/id-lookup-store.js';
import { createOutput, type Output } from './output.js';

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
  const issues = (error.details?.issues ?? []) as Array<{ field: string; message: string }>;
  const renamed = issues.map((i) => ({
    ...i,
    field: flags[i.field] ? `${flags[i.field]} (${i.field})` : i.field,
  }));
  const first = renamed[0];
  if (!first) return error;
  return new AppError(error.code, `${first.field}: ${first.message}`, { ...error.details, issues: renamed });
}

/** Accepts a full id or the short reference lists show (any unique tail of at least 4 characters). */
export async function resolveId(ctx: CliContext, table: LookupTable, ref: string): Promise<string> {
  if (ref.length === 26) return ref.toUpperCase();
  const what = table.replace(/s$/, '').replace('_', '-');
  if (ref.length < 4)
    throw new AppError(notFoundCodes[table], `No ${what} "${ref}": give at least 4 characters of its id`);
  const ids = await findIdsBySuffix(ctx.deps.db, ctx.deps.userId, table, ref);
  if (ids.length === 0) throw new AppError(notFoundCodes[table], `No ${what} with an id ending in "${ref}"`);
  if (ids.length > 1) {
    throw new AppError('AMBIGUOUS_ID', `"${ref}" matches ${ids.length} ${table}; type more characters`, {
      ids,
    });
  }
  return ids[0]!;
}

/**
 * Runs one command against the database in --data-dir (or the configured one), printing an AppError as a
 * message (or JSON) with a non-zero exit code; unexpected errors print their message and exit 70.
 */
export async function runCommand(command: Command, work: (ctx: CliContext) => Promise<void>): Promise<void> {
  const options = command.optsWithGlobals<GlobalOptions>();
  const out = createOutput({ json: Boolean(options.json) });
  let runtime: Runtime | undefined;
  try {
    const config = loadConfig(process.env, options.dataDir ? { dataDir: options.dataDir } : {});
    runtime = await startRuntime(config.database, {
      // The opt-in is said on stderr each time it is used, so it is never on unnoticed.
      privateAddresses: config.allowPrivateFetch
        ? allowEveryPrivateAddress(({ host, address, port }) =>
            out.error(
              `warning: fetching ${host} at the private address ${address} port ${port} (HEARBACK_ALLOW_PRIVATE_FETCH=1)`,
            ),
          )
        : undefined,
    });
    const settings = await getSettings(runtime.deps);
    await work({ deps: runtime.deps, out, settings, runtime });
  } catch (error) {
    reportError(out, error);
  } finally {
    await runtime?.close();
  }
}

export function reportError(out: Output, error: unknown): void {
  if (isAppError(error)) {
    if (out.isJson) out.json({ error: { code: error.code, message: error.message, details: error.details } });
    else out.error(`error: ${error.message}`);
    process.exitCode = 1;
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (out.isJson) out.json({ error: { code: 'INTERNAL_ERROR', message } });
  else out.error(`unexpected error: ${message}`);
  if (process.env.HEARBACK_DEBUG) out.error(error instanceof Error ? (error.stack ?? message) : message);
  process.exitCode = 70;
}
