import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { accountErrorMessage } from '../account-client.js';
import { isApiError } from '../api-error.js';
import { accountClient } from '../components/account-gate.js';
import { useApi } from '../hooks/use-api.js';
import { accountRoleLabels } from '../labels.js';
import type { AccountLink } from '../router.js';

/** The page an emailed link opens, outside the app: accepting an invitation, or setting a new password. */
export function AccountLinkPage({ link }: { readonly link: AccountLink }) {
  return link.name === 'invite' ? (
    <InvitePage token={link.token} />
  ) : (
    <ResetPasswordPage token={link.token} />
  );
}

function usePageHeading(title: string) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · hearback`;
    heading.current?.focus();
  }, [title]);
  return heading;
}

/** /invite/<token>: shows what the invitation is for, and creates the account with a name and password. */
function InvitePage({ token }: { readonly token: string }) {
  const api = useApi();
  const id = useId();
  const heading = usePageHeading('Accept your invitation');
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.getInvitation(token),
    retry: false,
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const password = String(form.get('password') ?? '');
    setBusy(true);
    setError(null);
    try {
      const { email } = await api.acceptInvitation(token, { name, password });
      await accountClient.signIn(email, password);
      window.location.assign('/');
    } catch (failure) {
      setError(
        isApiError(failure)
          ? failure.code === 'INVITATION_NOT_FOUND'
            ? 'This invitation link does not work any more. Ask for a new one.'
            : (failure.issues[0]?.message ?? failure.message)
          : accountErrorMessage(failure, 'sign-in'),
      );
      setBusy(false);
    }
  }

  return (
    <main id="main" className="page page-narrow sign-in-page">
      <p className="brand">hearback</p>
      <h1 ref={heading} tabIndex={-1}>
        Accept your invitation
      </h1>
      {invitation.isPending ? (
        <div className="placeholder" aria-busy="true">
          Loading…
        </div>
      ) : invitation.isError ? (
        <>
          <p role="alert">
            This invitation link does not work: it was used already, revoked, or has expired. Ask whoever
            invited you for a new one.
          </p>
          <p>
            <a href="/">Sign in</a>
          </p>
        </>
      ) : (
        <>
          <p>
            You are invited as <strong>{accountRoleLabels[invitation.data.role].toLowerCase()}</strong> with
            the email <strong>{invitation.data.email}</strong>. Choose your name and a password to create the
            account.
          </p>
          <form onSubmit={submit} aria-describedby={error ? `${id}-error` : undefined}>
            <div className="field">
              <label htmlFor={`${id}-name`}>Your name</label>
              <input id={`${id}-name`} name="name" autoComplete="name" required maxLength={200} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-password`}>Password</label>
              <input
                id={`${id}-password`}
                name="password"
                type="password"
                autoComplete="new-password"
                required
                minLength={8}
                maxLength={256}
                aria-describedby={`${id}-password-hint`}
              />
              <p className="hint" id={`${id}-password-hint`}>
                At least 8 characters.
              </p>
            </div>
            {error ? (
              <p className="form-errors" role="alert" id={`${id}-error`}>
                {error}
              </p>
            ) : null}
            <div className="form-actions">
              <button type="submit" className="button-primary" disabled={busy}>
                Create account
              </button>
            </div>
          </form>
        </>
      )}
    </main>
  );
}

/** /reset-password?token=…: sets a new password; every session of the account ends, then sign in again. */
function ResetPasswordPage({ token }: { readonly token: string }) {
  const id = useId();
  const heading = usePageHeading('Choose a new password');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('confirm') ?? '')) {
      setError('The two passwords are not the same.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await accountClient.resetPassword(token, password);
      setDone(true);
    } catch (failure) {
      setError(accountErrorMessage(failure, 'reset-password'));
      setBusy(false);
    }
  }

  return (
    <main id="main" className="page page-narrow sign-in-page">
      <p className="brand">hearback</p>
      <h1 ref={heading} tabIndex={-1}>
        Choose a new password
      </h1>
      {done ? (
        <>
          <p role="status">Your password is changed, and you are signed out everywhere.</p>
          <p>
            <a href="/">Sign in with the new password</a>
          </p>
        </>
      ) : token === '' ? (
        <p role="alert">
          This link has no reset code. Open the link from the email again, or ask for a new one on the sign-in
          page.
        </p>
      ) : (
        <form onSubmit={submit} aria-describedby={error ? `${id}-error` : undefined}>
          <div className="field">
            <label htmlFor={`${id}-password`}>New password</label>
            <input
              id={`${id}-password`}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={8}
              maxLength={256}
              aria-describedby={`${id}-password-hint`}
            />
            <p className="hint" id={`${id}-password-hint`}>
              At least 8 characters. Setting it signs you out on every device.
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-confirm`}>The new password again</label>
            <input
              id={`${id}-confirm`}
              name="confirm"
              type="password"
              autoComplete="new-password"
              required
              minLength={8}
              maxLength={256}
            />
          </div>
          {error ? (
            <p className="form-errors" role="alert" id={`${id}-error`}>
              {error}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={busy}>
              Set the new password
            </button>
          </div>
        </form>
      )}
    </main>
  );
}
