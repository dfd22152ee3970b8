import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import type { AccountView } from '../../core/account.js';
import { createAccountClient } from '../account-client.js';
import { isApiError } from '../api-error.js';

export const accountClient = createAccountClient();

const SignInPage = lazy(() => import('../pages/sign-in-page.js').then((m) => ({ default: m.SignInPage })));

export const accountKey = ['account'] as const;

/** Who is signed in: local mode (no accounts) or the server-mode account. */
export function useAccount() {
  return useQuery<AccountView>({ queryKey: accountKey, queryFn: () => accountClient.getAccount() });
}

function isSignInRequired(error: unknown): boolean {
  return isApiError(error) && error.code === 'SIGN_IN_REQUIRED';
}

/**
 * Server mode: once the API answers SIGN_IN_REQUIRED (no session, or it ended), the sign-in page replaces the
 * app. Local mode never gets that answer, so the app renders as it always did, without waiting for anything.
 */
export function AccountGate({ children }: { readonly children: ReactNode }) {
  const queryClient = useQueryClient();
  const [signedOut, setSignedOut] = useState(false);
  useEffect(() => {
    const queries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && isSignInRequired(event.query.state.error)) setSignedOut(true);
    });
    const mutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && isSignInRequired(event.mutation?.state.error)) setSignedOut(true);
    });
    // A query that failed before this subscribed (the first requests start before React).
    if (
      queryClient
        .getQueryCache()
        .getAll()
        .some((query) => isSignInRequired(query.state.error))
    )
      setSignedOut(true);
    return () => {
      queries();
      mutations();
    };
  }, [queryClient]);
  const account = useAccount();
  if (signedOut || isSignInRequired(account.error)) {
    return (
      <Suspense
        fallback={
          <div className="placeholder" aria-busy="true">
            Loading…
          </div>
        }
      >
        <SignInPage />
      </Suspense>
    );
  }
  return children;
}

/** Server mode's account menu in the header: who is signed in, and Sign out. Nothing in local mode. */
export function AccountMenu() {
  const account = useAccount();
  const [failed, setFailed] = useState<string | null>(null);
  const user = account.data?.mode === 'server' ? account.data.user : null;
  if (!user) return null;
  return (
    <details className="account-menu">
      <summary className="account-menu-toggle" aria-label={`Account: ${user.name}`}>
        <span className="account-initial" aria-hidden="true">
          {(user.name.trim()[0] ?? user.email[0] ?? '?').toUpperCase()}
        </span>
      </summary>
      <div className="account-menu-panel">
        <p className="account-menu-who">
          <strong>{user.name}</strong>
          <br />
          <span className="hint">{user.email}</span>
        </p>
        <button
          type="button"
          onClick={async () => {
            try {
              await accountClient.signOut();
              // A fresh page: nothing of this account stays in memory.
              window.location.assign('/');
            } catch {
              setFailed('Could not sign out. Try again.');
            }
          }}
        >
          Sign out
        </button>
        {failed ? (
          <p className="form-errors" role="alert">
            {failed}
          </p>
        ) : null}
      </div>
    </details>
  );
}
