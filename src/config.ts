import { z } from 'zod';
import { type Config, configFrom, logLevels, readPlainEnvironment, setVariables } from './config-plain.js';
import { hostNameOf } from './server/host-name.js';

export * from './config-plain.js';

/**
 * The only reader of the environment. Everything else receives the parsed Config.
 * .env.example lists each variable with its default.
 */

/**
 * The environment's schema, built on first use: most starts (every CLI command) are read by
 * `readPlainEnvironment` without it (issue 12, item 11).
 */
const environmentSchema = () =>
  z.object({
    HEARBACK_DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, {
        message: 'must be a postgres:// URL (leave unset for the embedded SQLite file)',
      })
      .optional(),
    PORT: z.coerce.number().int().min(0).max(65_535).default(4600),
    HOST: z.string().min(1).default('127.0.0.1'),
    LOG_LEVEL: z.enum(logLevels).default('info'),
    HEARBACK_PUBLIC_URL: z
      .url({
        protocol: /^https?$/,
        message: 'must be an http:// or https:// URL, e.g. https://hearback.example.org',
      })
      .optional(),
    HEARBACK_ALLOWED_HOSTS: z
      .string()
      .default('')
      .transform((list) =>
        list
          .split(',')
          .map((entry) => entry.trim())
          .filter((entry) => entry !== ''),
      )
      .refine((hosts) => hosts.every((host) => hostNameOf(host) !== null), {
        message: 'must be host names separated by commas, e.g. hearback.example.org,10.0.0.5',
      }),
    HEARBACK_EXTENSION_ORIGINS: z
      .string()
      .default('')
      .transform((list) =>
        list
          .split(',')
          .map((entry) => entry.trim().replace(/\/+$/, ''))
          .filter((entry) => entry !== ''),
      )
      .refine((origins) => origins.every((o) => /^(moz|chrome)-extension:\/\/[0-9a-z-]+$/i.test(o)), {
        message: 'must be extension origins separated by commas, e.g. moz-extension://4b1d6a3e-…',
      }),
    HEARBACK_ALLOW_PRIVATE_FETCH: z
      .enum(['0', '1', 'false', 'true'], { message: 'must be 1 (allow) or 0 (the default: refuse)' })
      .default('0'),
    HEARBACK_MODE: z
      .enum(['local', 'server'], {
        message: 'must be local (the default: one person, no sign-in) or server (accounts, PostgreSQL only)',
      })
      .default('local'),
    HEARBACK_AUTH_SECRET: z.string().optional(),
    HEARBACK_SECRET_KEY: z
      .string()
      .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, {
        message: 'must be 32 bytes as 64 hex digits or base64 (openssl rand -base64 32)',
      })
      .optional(),
    HEARBACK_SIGN_UP: z
      .enum(['on', 'off'], { message: 'must be on (the default: anyone may create an account) or off' })
      .default('on'),
    HEARBACK_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, {
        message: 'must be an smtp:// or smtps:// URL, e.g. smtps://hearback:password@mail.example.org:465',
      })
      .optional(),
    HEARBACK_MAIL_FROM: z
      .email({ message: 'must be an email address, e.g. hearback@example.org' })
      .optional(),
    HEARBACK_REQUIRE_EMAIL_VERIFICATION: z
      .enum(['on', 'off'], {
        message: 'must be on (the default when HEARBACK_SMTP_URL is set) or off',
      })
      .optional(),
    HEARBACK_TRUST_PROXY: z
      .string()
      .regex(/^(\d{1,2}|[0-9A-Fa-f.:/]+(\s*,\s*[0-9A-Fa-f.:/]+)*)$/, {
        message:
          'must be the number of proxies in front of hearback (e.g. 1) or their addresses, comma-separated (e.g. 127.0.0.1,10.0.0.0/8)',
      })
      .optional(),
  });

export type Environment = z.output<ReturnType<typeof environmentSchema>>;
let builtSchema: ReturnType<typeof environmentSchema> | undefined;

/** The environment as the schema reads it: its values with their defaults, or every problem at once. */
export function parseEnvironment(
  set: Record<string, string | undefined>,
): { ok: true; environment: Environment } | { ok: false; problems: string[] } {
  builtSchema ??= environmentSchema();
  const parsed = builtSchema.safeParse(set);
  if (parsed.success) return { ok: true, environment: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
  };
}

export function loadConfig(
  env: Record<string, string | undefined>,
  overrides: { dataDir?: string } = {},
): Config {
  const set = setVariables(env);
  let e = readPlainEnvironment(set);
  if (!e) {
    const parsed = parseEnvironment(set);
    if (!parsed.ok) throw new Error(`Invalid configuration:\n  ${parsed.problems.join('\n  ')}`);
    e = parsed.environment;
  }
  return configFrom(e, overrides);
}
