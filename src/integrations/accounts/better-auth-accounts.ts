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
  /**
   * The server's own mail (HEARBACK_SMTP_URL): password reset and email verification links go through it.
   * Null: no password reset by email (request-password-reset answers RESET_PASSWORD_DISABLED) and no
   * verification.
   */
  readonly sendMail: ((message: { to: string; subject: string; text: string }) => Promise<void>) | null;
  /** A new account signs in only after opening the link emailed to it (needs sendMail). */
  readonly requireEmailVerification: boolean;
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

/** Password reset requests per client address and minute: each one may send an email. */
export const resetRequestLimit = { window: 60, max: 5 } as const;

/** How long a password reset link works, in seconds. */
export const resetLinkSeconds = 60 * 60;

/** How long an email verification link works, in seconds. */
export const verificationLinkSeconds = 24 * 60 * 60;

/** better-auth's answer to a wrong email or password at sign-in (and, here, to an unverified account). */
const invalidSignIn = { message: 'Invalid email or password', code: 'INVALID_EMAIL_OR_PASSWORD' } as const;

/**
 * Server mode's accounts on better-auth, over our Kysely instance and our own tables (migration
 * 20261208-1600-accounts): email and password, sessions in the database behind an HttpOnly SameSite=Lax
 * cookie (Secure when the public URL is https), passwords hashed with Argon2id (@node-rs/argon2's defaults:
 * 19 MiB, 2 passes), sign-in attempts limited per client address.
 */
export function createBetterAuthAccounts(options: BetterAuthAccountsOptions): Accounts {
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const sendMail = options.sendMail;
  const requireEmailVerification = options.requireEmailVerification && sendMail !== null;
  // Mail goes out after the answer: a known email must not answer later than an unknown one (the SMTP
  // round trip would tell who has an account). A failed send is logged.
  const sendLater = (message: { to: string; subject: string; text: string }) => {
    if (!sendMail) return;
    sendMail(message).catch((error: unknown) =>
      options.log?.('error', `could not send "${message.subject}" email: ${String(error)}`),
    );
  };
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
      requireEmailVerification,
      ...(sendMail && {
        // Our own page takes the token (web: /reset-password?token=…) and posts it to /reset-password.
        sendResetPassword: async ({ user, token }) =>
          sendLater({
            to: user.email,
            subject: 'Reset your hearback password',
            text: [
              'Someone (we hope you) asked to reset the password of your hearback account.',
              '',
              `Choose a new password here (the link works for ${resetLinkSeconds / 60} minutes, once):`,
              `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
              '',
              'Setting it signs you out everywhere. If you did not ask, ignore this email: nothing changes.',
            ].join('\n'),
          }),
        resetPasswordTokenExpiresIn: resetLinkSeconds,
        revokeSessionsOnPasswordReset: true,
      }),
      ...(requireEmailVerification && {
        // Sign-up with an email that has an account answers as a new sign-up does; the owner is told.
        onExistingUserSignUp: async ({ user }) =>
          sendLater({
            to: user.email,
            subject: 'Someone tried to create a hearback account with your email',
            text: [
              'Someone tried to create a hearback account with this email, which already has one.',
              '',
              `If it was you, sign in at ${publicUrl}/ or reset your password from the sign-in page.`,
              'If it was not you, nothing changed: your account and password are as they were.',
            ].join('\n'),
          }),
      }),
      password: {
        hash: (password) => hash(password),
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
    },
    ...(sendMail && {
      emailVerification: {
        sendOnSignUp: requireEmailVerification,
        // An unverified account's sign-in with the right password sends a new link (its answer is the
        // same as a wrong password's: see handle below).
        sendOnSignIn: requireEmailVerification,
        autoSignInAfterVerification: false,
        expiresIn: verificationLinkSeconds,
        sendVerificationEmail: async ({ user, token }) =>
          sendLater({
            to: user.email,
            subject: 'Confirm your email for hearback',
            text: [
              'Confirm that this is your email to start using your hearback account:',
              `${publicUrl}/api/auth/verify-email?token=${encodeURIComponent(token)}&callbackURL=${encodeURIComponent('/?email-verified=1')}`,
              '',
              `The link works for ${verificationLinkSeconds / 3600} hours. If you did not sign up, ignore this email.`,
            ].join('\n'),
          }),
      },
    }),
    ...accountTables,
    // Reset tokens are kept as hashes: the table alone does not let anyone reset a password.
    verification: { ...accountTables.verification, storeIdentifier: 'hashed' },
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
        '/request-password-reset': resetRequestLimit,
        '/reset-password': signInLimit,
        '/send-verification-email': resetRequestLimit,
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
    mail: sendMail && { send: sendMail },
    async handle(request) {
      const response = await auth.handler(request);
      // An unverified account's sign-in answers as a wrong password does: otherwise sign-up followed by
      // sign-in would tell a new email (EMAIL_NOT_VERIFIED) from one that has an account (wrong password).
      if (
        response.status === 403 &&
        new URL(request.url).pathname.endsWith('/sign-in/email') &&
        ((await response.clone().json()) as { code?: string }).code === 'EMAIL_NOT_VERIFIED'
      ) {
        return new Response(JSON.stringify(invalidSignIn), {
          status: 401,
          headers: { 'content-type': 'application/json' },
        });
      }
      return response;
    },
    async sessionOf(headers) {
      const { headers: answered, response } = await auth.api.getSession({ headers, returnHeaders: true });
      if (!response) return null;
      return { userId: response.user.id, setCookies: answered.getSetCookie() };
    },
    async createUser({ email, name, password, emailVerified }) {
      const context = await auth.$context;
      const normalized = email.toLowerCase();
      if (await context.internalAdapter.findUserByEmail(normalized)) return null;
      if (password.length < 8 || password.length > 256)
        throw fieldError('password', 'must have 8 to 256 characters');
      const user = await context.internalAdapter.createUser(
        // An operator's account (or an invitation's) is vouched for: it needs no verification email.
        { email: normalized, name, emailVerified: emailVerified ?? true },
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
