import { type FormEvent, useState } from 'react';
import { accountErrorMessage } from '../account-client.js';
import { describeError } from '../api-error.js';
import { accountClient, useAccount } from './account-gate.js';
import { FormErrors, TextField } from './field.js';

/**
 * Server mode's account settings: change password, sign out everywhere, export my data, delete the account.
 * Local mode has no account, and shows nothing.
 */
export function AccountSettings() {
  const account = useAccount();
  const user = account.data?.mode === 'server' ? account.data.user : null;
  if (!user) return null;
  return (
    <section className="panel" aria-labelledby="account-title">
      <h2 id="account-title">Account</h2>
      <p className="muted">
        Signed in as <strong>{user.name}</strong> ({user.email}).
      </p>
      <ChangePassword />
      <SignOutEverywhere />
      <h3>Export my data</h3>
      <p>Everything this account has entered, as one JSON file (the same backup as below).</p>
      <div className="form-actions">
        <a className="button" href="/api/backup" download="hearback-backup.json">
          Export my data
        </a>
      </div>
      <DeleteAccount email={user.email} />
    </section>
  );
}

function ChangePassword() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await accountClient.changePassword(current, next);
      setCurrent('');
      setNext('');
      setDone(true);
    } catch (caught) {
      setError(accountErrorMessage(caught, 'change-password'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} aria-labelledby="change-password-title">
      <h3 id="change-password-title">Change password</h3>
      <p className="hint">Every other browser signed in to this account is signed out.</p>
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onChange={setCurrent}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={256}
        hint="8 to 256 characters."
        value={next}
        onChange={setNext}
      />
      <FormErrors error={error} />
      {done ? <p role="status">Password changed. Other browsers are signed out.</p> : null}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          Change password
        </button>
      </div>
    </form>
  );
}

function SignOutEverywhere() {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <h3>Sign out everywhere</h3>
      <p>Ends every session of this account, on every device, this one included.</p>
      <FormErrors error={error} />
      <div className="form-actions">
        <button
          type="button"
          onClick={async () => {
            setError(null);
            try {
              await accountClient.signOutEverywhere();
              window.location.assign('/');
            } catch (caught) {
              setError(accountErrorMessage(caught, 'sign-in'));
            }
          }}
        >
          Sign out everywhere
        </button>
      </div>
    </>
  );
}

function DeleteAccount({ email }: { readonly email: string }) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const matches = typed.trim().toLowerCase() === email.toLowerCase();
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!matches) return;
    setBusy(true);
    setError(null);
    try {
      await accountClient.deleteAccount(typed.trim());
      // A fresh page: nothing of the deleted account stays in memory.
      window.location.assign('/');
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} aria-labelledby="delete-account-title">
      <h3 id="delete-account-title">Delete account</h3>
      <p>
        Deletes this account and everything in it, at once and for good: applications, contacts, interviews,
        timelines, settings and shares. Export your data first if you want to keep it.
      </p>
      <TextField
        label={`Type your email (${email}) to confirm`}
        name="confirmEmail"
        type="email"
        autoComplete="off"
        value={typed}
        onChange={setTyped}
      />
      <FormErrors error={error} />
      <div className="form-actions">
        <button type="submit" className="button-danger" disabled={!matches || busy}>
          Delete my account and all its data
        </button>
      </div>
    </form>
  );
}
