import type { ReactNode } from 'react';
import type { Role } from '../../core/roles.js';
import { describeError, isApiError } from '../api-error.js';
import { accountRoleLabels } from '../labels.js';
import { useAccount } from './account-gate.js';

/**
 * A page for one role (the coach's view, the admin page): its content only for an account with that role;
 * otherwise a plain sentence saying why not: local mode has no accounts, or the account has another role.
 * The API refuses the same (ROLE_REQUIRED), so this is about saying it clearly, not about keeping data out.
 */
export function RoleRequired({
  needs: role,
  title,
  children,
}: {
  readonly needs: Role;
  readonly title: string;
  readonly children: ReactNode;
}) {
  const account = useAccount();
  if (account.isError) return <RoleMessage title={title}>{describeError(account.error)}</RoleMessage>;
  if (!account.data)
    return (
      <div className="page">
        <div className="placeholder" aria-busy="true">
          Loading…
        </div>
      </div>
    );
  const user = account.data.user;
  if (account.data.mode !== 'server' || !user)
    return (
      <RoleMessage title={title}>
        This hearback runs in local mode: one person, no accounts, so there are no coaches or admins. A career
        centre runs it in server mode (docs/server-mode.md).
      </RoleMessage>
    );
  if (user.role !== role)
    return (
      <RoleMessage title={title}>
        This page is for {role === 'coach' ? 'coaches' : 'admins'}. Your account ({user.email}) is a{' '}
        {accountRoleLabels[user.role].toLowerCase()}; an admin can change that.
      </RoleMessage>
    );
  return children;
}

function RoleMessage({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <div className="page page-narrow">
      <h1 tabIndex={-1}>{title}</h1>
      <p role="note">{children}</p>
    </div>
  );
}

/** An API failure on a role's page: ROLE_REQUIRED said plainly (the role changed meanwhile), else the message. */
export function describeRoleError(error: unknown): string {
  if (isApiError(error) && error.code === 'ROLE_REQUIRED')
    return `${error.message}. Your role may have changed: reload the page.`;
  return describeError(error);
}
