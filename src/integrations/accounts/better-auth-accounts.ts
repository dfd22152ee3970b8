import { kyselyAdapter } from '@better-auth/kysely-adapter';
import { hash, verify } from '@node-rs/argon2';
import { createAuthMiddleware } from 'better-auth/api';
import { betterAuth } from 'better-auth/minimal';
import type { Kysely } from 'kysely';
import { fieldError } from '../../core/errors.js';
import { type Accounts, clientAddressHeader } from '../../core/ports.js';

export type BetterAuthAccountsOptions = {
  // biome-ignore lint/suspicious/noExplicitAny: better-auth's adapter names its tables itself
  readonly db: Kysely<any>;
  /** HEARBACK_PUBLIC_URL: the origin allowed to sign in, and whether cookies are Secure (https). */
  readonly publicUrl: string;
  /** HEARBACK_AUTH_SECRET, at least 32 bytes (config.ts checks). */
  readonly secret: string;
  /** HEARBACK_SIGN_UP: off refuses /api/auth/sign-up/email. */
  readonly signUp: boolean;
  /**
   * Makes sure the person's own rows (users, settings) exist: called after sign-up, and again at each
   * sign-in, so an account whose sign-up stopped half-way is completed the next time.
   */
  readonly onUser: (user: { id: string; name: string; email: string }) => Promise<void>;
  /** Where better-auth's own messages go (a failed hook, a misconfiguration). */
  readonly log?: (level: 'debug' | 'info' | 'warn' | 'error', message: string) => void;
};

/**
 * better-auth's models in our tables (migration 20261208-1600-accounts), with snake_case columns; a test
 * compares the tables with what better-auth asks for under these names.
 */
export const accountTables = {
  user: {
    modelName: 'auth_users',
    fields: { emailVerified: 'email_verified', createdAt: 'created_at', updatedAt: 'updated_at' },
  },
  session: {
    modelName: 'auth_sessions',
    fields: {
      userId: 'user_id',
      expiresAt: 'expires_at',
      ipAddress: 'ip_address',
      userAgent: 'user_agent',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
    },
  },
  account: {
    modelName: 'auth_accounts',
    fields: {
      userId: 'user_id',
      accountId: 'account_id',
      providerId: 'provider_id',
      accessToken: 'access_token',
      refreshToken: 'refresh_token',
      idToken: 'id_token',
      accessTokenExpiresAt: 'access_token_expires_at',
      refreshTokenExpiresAt: 'refresh_token_expires_at',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
    },
  },
  verification: {
    modelName: 'auth_verifications',
    fields: { expiresAt: 'expires_at', createdAt: 'created_at', updatedAt: 'updated_at' },
  },
  rateLimit: { modelName: 'auth_rate_limits', fields: { lastRequest: 'last_request' } },
} as const;

/**
 * Sign-in attempts allowed per client address in a window of this many seconds, counted in the database so
 * every app server shares the count. A shared NAT (a campus) shares it too; see docs/server-mode.md.
 */
export const signInLimit = { window: 60, max: 10 } as const;

/**
 * Server mode's accounts on better-auth, over our Kysely instance and our own tables (migration
 * 20261208-1600-accounts): email and password, sessions in the database behind an HttpOnly SameSite=Lax
 * cookie (Secure when the public URL is https), passwords hashed with Argon2id (@node-rs/argon2's defaults:
 * 19 MiB, 2 passes), sign-in attempts limited per client address.
 */
export function createBetterAuthAccounts(options: BetterAuthAccountsOptions): Accounts {
  const auth = betterAuth({
    appName: 'hearback',
    baseURL: options.publicUrl,
    basePath: '/api/auth',
    secret: options.secret,
    trustedOrigins: [new URL(options.publicUrl).origin],
    database: kyselyAdapter(options.db, { type: 'postgres', transaction: true }),
    telemetry: { enabled: false },
    logger: {
      level: 'warn',
      log: (level, message) => options.log?.(level, message),
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: !options.signUp,
      // Sign-up never signs in: an email that already has an account gets the same answer as a new one
      // (better-auth's generic duplicate answer, after the same hashing work), so sign-up cannot tell who has
      // an account. The web app signs in next with the same email and password.
      autoSignIn: false,
      maxPasswordLength: 256,
      password: {
        hash: (password) => hash(password),
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
    },
    ...accountTables,
    rateLimit: {
      ...accountTables.rateLimit,
      enabled: true,
      storage: 'database',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': signInLimit,
        '/sign-up/email': signInLimit,
        // It checks the current password: as many tries as sign-in, not better-auth's default 3 in 10 s.
        '/change-password': signInLimit,
      },
    },
    advanced: {
      cookiePrefix: 'hearback',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      ipAddress: { ipAddressHeaders: [clientAddressHeader] },
    },
    hooks: {
      // A changed password ends every other session of the account, whatever the request asked: the one
      // that changed it gets a new session, every other browser has to sign in with the new password.
      before: createAuthMiddleware(async (context) => {
        if (context.path !== '/change-password') return;
        const body = typeof context.body === 'object' && context.body !== null ? context.body : {};
        return { context: { body: { ...body, revokeOtherSessions: true } } };
      }),
    },
    databaseHooks: {
      user: {
        create: {
          after: async (user) => {
            await options.onUser({ id: user.id, name: user.name, email: user.email });
          },
        },
      },
      session: {
        create: {
          after: async (session, context) => {
            const user = await context?.context.internalAdapter.findUserById(session.userId);
            if (user) await options.onUser({ id: user.id, name: user.name, email: user.email });
          },
        },
      },
    },
  });

  return {
    handle: (request) => auth.handler(request),
    async sessionOf(headers) {
      const { headers: answered, response } = await auth.api.getSession({ headers, returnHeaders: true });
      if (!response) return null;
      return { userId: response.user.id, setCookies: answered.getSetCookie() };
    },
    async createUser({ email, name, password }) {
      const context = await auth.$context;
      const normalized = email.toLowerCase();
      if (await context.internalAdapter.findUserByEmail(normalized)) return null;
      if (password.length < 8 || password.length > 256)
        throw fieldError('password', 'must have 8 to 256 characters');
      const user = await context.internalAdapter.createUser(
        { email: normalized, name, emailVerified: false },
        { method: 'email-password' },
      );
      await context.internalAdapter.linkAccount({
        userId: user.id,
        providerId: 'credential',
        accountId: user.id,
        password: await context.password.hash(password),
      });
      return { id: user.id };
    },
  };
}
