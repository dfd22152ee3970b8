import type { AccountView } from '../core/account.js';
import { ApiError, readApiError } from './api-error.js';

/**
 * Server mode's accounts from the web app: who is signed in (GET /api/account, hearback's own route) and
 * better-auth's endpoints under /api/auth/ for signing up, in and out. Those answer in better-auth's words
 * (`{ code, message }`), read here into an AccountError; local mode has none of them.
 */
export class AccountError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = 'AccountError';
    this.code = code;
    this.status = status;
  }
}

export type AccountClient = ReturnType<typeof createAccountClient>;

export function createAccountClient(options: { baseUrl?: string; fetch?: typeof fetch } = {}) {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function post(path: string, body: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}/api/auth/${path}`, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new AccountError('NETWORK_ERROR', 'hearback could not be reached. Check the connection.', 0);
    }
    const text = await response.text();
    const parsed = parseJson(text);
    if (!response.ok) {
      // Loaded on a failure only, as readApiError does: the schema needs zod.
      const { authErrorBodySchema } = await import('../core/account.js');
      const answer = authErrorBodySchema.safeParse(parsed);
      throw new AccountError(
        (answer.success && answer.data.code) || 'UNEXPECTED_RESPONSE',
        (answer.success && answer.data.message) || `The server answered ${response.status}`,
        response.status,
      );
    }
    return parsed;
  }

  return {
    /** Local mode: `{ mode: 'local', user: null }`. Server mode: the account, or ApiError SIGN_IN_REQUIRED. */
    async getAccount(): Promise<AccountView> {
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}/api/account`, {
          method: 'GET',
          headers: { accept: 'application/json' },
        });
      } catch {
        throw new ApiError('NETWORK_ERROR', 'hearback could not be reached. Check the connection.', 0);
      }
      if (!response.ok) throw await readApiError(response);
      return (await response.json()) as AccountView;
    },
    async signIn(email: string, password: string): Promise<void> {
      await post('sign-in/email', { email, password });
    },
    /**
     * Creates the account, then signs in with it. Sign-up answers alike whether or not the email already has
     * an account, and so does this: a taken email ends as a failed sign-in, like any wrong password.
     */
    async signUp(input: { name: string; email: string; password: string }): Promise<void> {
      await post('sign-up/email', input);
      await post('sign-in/email', { email: input.email, password: input.password });
    },
    /**
     * Asks for a password reset link by email. The answer is the same whether or not the email has an
     * account; RESET_PASSWORD_DISABLED when the server has no mail (HEARBACK_SMTP_URL).
     */
    async requestPasswordReset(email: string): Promise<void> {
      await post('request-password-reset', { email });
    },
    /** Sets a new password with the token of a reset link; every session of the account ends. */
    async resetPassword(token: string, newPassword: string): Promise<void> {
      await post('reset-password', { token, newPassword });
    },
    async signOut(): Promise<void> {
      await post('sign-out', {});
    },
    /**
     * Needs the current password. The server then ends every other session of the account; this browser
     * keeps a new one.
     */
    async changePassword(currentPassword: string, newPassword: string): Promise<void> {
      await post('change-password', { currentPassword, newPassword, revokeOtherSessions: true });
    },
    /** Ends every session of the account, this browser's too. */
    async signOutEverywhere(): Promise<void> {
      await post('revoke-sessions', {});
    },
    /** DELETE /api/account: the account and all its data, confirmed by typing the account's email. */
    async deleteAccount(confirmEmail: string): Promise<void> {
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}/api/account`, {
          method: 'DELETE',
          headers: { accept: 'application/json', 'content-type': 'application/json' },
          body: JSON.stringify({ confirmEmail }),
          credentials: 'same-origin',
        });
      } catch {
        throw new ApiError('NETWORK_ERROR', 'hearback could not be reached. Check the connection.', 0);
      }
      if (!response.ok) throw await readApiError(response);
    },
  };
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The sentence shown for a failed sign-in or sign-up: never says whether the email has an account. */
export function accountErrorMessage(
  error: unknown,
  action: 'sign-in' | 'sign-up' | 'change-password' | 'reset-password',
): string {
  if (!(error instanceof AccountError)) return 'Something went wrong. Try again.';
  if (error.status === 429) return 'Too many attempts from here. Wait a minute, then try again.';
  if (error.code === 'EMAIL_PASSWORD_SIGN_UP_DISABLED')
    return 'This hearback does not take new sign-ups. Ask its administrator for an invitation.';
  if (error.code === 'INVALID_PASSWORD') return 'The current password is not right.';
  if (error.code === 'PASSWORD_TOO_SHORT') return 'The password needs at least 8 characters.';
  if (error.code === 'PASSWORD_TOO_LONG') return 'The password can have at most 256 characters.';
  if (error.code === 'INVALID_EMAIL') return 'Enter an email address, like name@example.org.';
  if (error.code === 'NETWORK_ERROR') return error.message;
  if (error.code === 'RESET_PASSWORD_DISABLED')
    return 'This hearback cannot send email, so it cannot reset passwords. Ask its administrator for help.';
  if (error.code === 'INVALID_TOKEN')
    return 'This reset link does not work any more (it was used, or is over an hour old). Ask for a new one.';
  if (error.code === 'INVALID_EMAIL_OR_PASSWORD')
    return action === 'sign-up'
      ? 'Could not sign in to the new account. If this hearback emailed you a link to confirm your address, open it, then sign in. If you already have an account with this email, sign in with its password.'
      : 'That email and password do not match an account. (A new account signs in once its email is confirmed with the link we sent.)';
  return error.message;
}
