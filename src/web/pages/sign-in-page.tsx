import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { accountErrorMessage } from '../account-client.js';
import { accountClient } from '../components/account-gate.js';

type Mode = 'sign-in' | 'sign-up' | 'forgot';

const titles: Record<Mode, string> = {
  'sign-in': 'Sign in',
  'sign-up': 'Create an account',
  forgot: 'Reset your password',
};

/** Opened from the email verification link (better-auth redirects to /?email-verified=1). */
const justVerified = () => new URLSearchParams(window.location.search).get('email-verified') === '1';

/**
 * Server mode's front door: sign in, or create an account. Either way the page reloads once signed in, so
 * the app starts afresh with the account's own data. A failure never says whether the email has an account.
 */
export function SignInPage() {
  const [mode, setMode] = useState<Mode>('sign-in');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(() =>
    justVerified() ? 'Your email is confirmed. Sign in to start.' : null,
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();

  useEffect(() => {
    document.title = `${titles[mode]} · hearback`;
    heading.current?.focus();
  }, [mode]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    setBusy(true);
    setError(null);
    setNotice(null);
    if (mode === 'forgot') {
      try {
        await accountClient.requestPasswordReset(email);
        // The same words whether or not the email has an account.
        setNotice(
          'If an account has this email, a link to choose a new password is on its way. It works for an hour.',
        );
      } catch (failure) {
        setError(accountErrorMessage(failure, 'reset-password'));
      }
      setBusy(false);
      return;
    }
    try {
      if (mode === 'sign-in') await accountClient.signIn(email, password);
      else await accountClient.signUp({ name: String(form.get('name') ?? '').trim(), email, password });
      window.location.reload();
    } catch (failure) {
      setError(accountErrorMessage(failure, mode));
      setBusy(false);
    }
  }

  return (
    <main id="main" className="page page-narrow sign-in-page">
      <p className="brand">hearback</p>
      <h1 ref={heading} tabIndex={-1}>
        {titles[mode]}
      </h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <form onSubmit={submit} aria-describedby={error ? `${id}-error` : undefined}>
        {mode === 'sign-up' ? (
          <div className="field">
            <label htmlFor={`${id}-name`}>Your name</label>
            <input id={`${id}-name`} name="name" autoComplete="name" required maxLength={200} />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input id={`${id}-email`} name="email" type="email" autoComplete="email" required />
        </div>
        {mode === 'forgot' ? null : (
          <div className="field">
            <label htmlFor={`${id}-password`}>Password</label>
            <input
              id={`${id}-password`}
              name="password"
              type="password"
              autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
              required
              minLength={mode === 'sign-up' ? 8 : undefined}
              maxLength={256}
              aria-describedby={mode === 'sign-up' ? `${id}-password-hint` : undefined}
            />
            {mode === 'sign-up' ? (
              <p className="hint" id={`${id}-password-hint`}>
                At least 8 characters.
              </p>
            ) : null}
          </div>
        )}
        {error ? (
          <p className="form-errors" role="alert" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {mode === 'sign-in' ? 'Sign in' : mode === 'sign-up' ? 'Create account' : 'Send the link'}
          </button>
        </div>
      </form>
      {mode === 'sign-in' ? (
        <p>
          <button
            type="button"
            className="button-link"
            onClick={() => {
              setError(null);
              setNotice(null);
              setMode('forgot');
            }}
          >
            Forgot password?
          </button>
        </p>
      ) : null}
      <p>
        {mode === 'sign-in' ? 'New here? ' : 'Already have an account? '}
        <button
          type="button"
          className="button-link"
          onClick={() => {
            setError(null);
            setNotice(null);
            setMode(mode === 'sign-in' ? 'sign-up' : 'sign-in');
          }}
        >
          {mode === 'sign-in' ? 'Create an account' : 'Sign in'}
        </button>
      </p>
    </main>
  );
}
