import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AdminUser } from '../../core/coaching.js';
import { type Role, roles } from '../../core/roles.js';
import { useAccount } from '../components/account-gate.js';
import { AdminInvitations } from '../components/admin-invitations.js';
import { Options, SelectField, TextField } from '../components/field.js';
import { useNotices } from '../components/notices.js';
import { describeRoleError, RoleRequired } from '../components/role-required.js';
import { useApi } from '../hooks/use-api.js';
import { accountRoleLabels } from '../labels.js';
import { queryKeys, useUserClock } from '../queries.js';
import { formatDate } from '../zoned-time.js';

/**
 * The admin page (server mode): usage counts, every account with its role (changed here), and who shares
 * with which coach. Names, emails and counts only: an admin never sees a job seeker's content here.
 */
export function AdminPage() {
  return (
    <RoleRequired needs="admin" title="Admin">
      <Admin />
    </RoleRequired>
  );
}

function useAdminUsers() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.adminUsers, queryFn: () => api.listAdminUsers() });
}

function Admin() {
  const users = useAdminUsers();
  return (
    <div className="page page-narrow">
      <h1 tabIndex={-1}>Admin</h1>
      <p className="muted">
        The accounts of this hearback, their roles and how much they use it. Counts only: what job seekers
        enter stays theirs, and coaches see only what a job seeker shares with them.
      </p>
      {users.isError ? (
        <p className="form-errors" role="alert">
          {describeRoleError(users.error)}
        </p>
      ) : null}
      {users.data ? <Usage users={users.data} /> : null}
      {users.data ? (
        <Accounts users={users.data} />
      ) : users.isError ? null : (
        <div className="placeholder" aria-busy="true">
          Loading accounts…
        </div>
      )}
      <CoachAssignments />
      <AdminInvitations />
    </div>
  );
}

function Usage({ users }: { readonly users: readonly AdminUser[] }) {
  const count = (role: Role) => users.filter((user) => user.role === role).length;
  const sum = (pick: (user: AdminUser) => number) => users.reduce((total, user) => total + pick(user), 0);
  const figures: readonly [string, number][] = [
    ['Accounts', users.length],
    ...roles.map((role): [string, number] => [`${accountRoleLabels[role]} accounts`, count(role)]),
    ['Applications', sum((user) => user.applications)],
    ['Shares with coaches', sum((user) => user.sharesGiven)],
    ['Signed-in sessions', sum((user) => user.activeSessions)],
  ];
  return (
    <section className="panel" aria-labelledby="usage-title">
      <h2 id="usage-title">Usage</h2>
      <dl className="usage-figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Accounts({ users }: { readonly users: readonly AdminUser[] }) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? users.filter((user) => `${user.name} ${user.email}`.toLowerCase().includes(needle))
    : users;
  return (
    <section className="panel" aria-labelledby="accounts-title">
      <h2 id="accounts-title">Accounts</h2>
      <TextField
        label="Find an account"
        name="account-filter"
        type="search"
        hint="By name or email"
        value={filter}
        onChange={setFilter}
      />
      <p className="hint" role="status">
        {shown.length === users.length
          ? `${users.length} account${users.length === 1 ? '' : 's'}`
          : `${shown.length} of ${users.length} accounts`}
      </p>
      <ul className="plain-list admin-accounts">
        {shown.map((user) => (
          <AccountItem key={user.id} user={user} />
        ))}
      </ul>
    </section>
  );
}

function AccountItem({ user }: { readonly user: AdminUser }) {
  const api = useApi();
  const client = useQueryClient();
  const me = useAccount().data?.user;
  const { timeZone, locale } = useUserClock();
  const { notify, notifyUndoable } = useNotices();
  const setRole = useMutation({
    mutationFn: (input: { role: Role; undoTo?: Role }) => api.setUserRole(user.id, input.role),
    onMutate: ({ role }) => {
      client.setQueryData<AdminUser[]>(queryKeys.adminUsers, (list) =>
        list?.map((each) => (each.id === user.id ? { ...each, role } : each)),
      );
    },
    onSuccess: (saved, { undoTo }) => {
      const text = `${saved.name}’s role is now ${accountRoleLabels[saved.role]}`;
      if (undoTo) notifyUndoable(text, () => setRole.mutate({ role: undoTo }));
      else notify(text);
    },
    onError: (error) => notify(`Could not change the role: ${describeRoleError(error)}`),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.adminUsers });
      void client.invalidateQueries({ queryKey: queryKeys.coachAssignments });
    },
  });
  const isMe = me?.id === user.id;
  return (
    <li className="admin-account">
      <p>
        <strong>{user.name}</strong> <span className="hint">{user.email}</span>
        <br />
        <span className="hint">
          since {formatDate(user.createdAt, timeZone, locale)} · {user.applications} application
          {user.applications === 1 ? '' : 's'} · shares {user.sharesGiven} · shared with {user.sharesReceived}{' '}
          · {user.activeSessions} session{user.activeSessions === 1 ? '' : 's'}
        </span>
      </p>
      <SelectField
        label={`Role of ${user.name}`}
        name={`role-${user.id}`}
        value={user.role}
        disabled={isMe || setRole.isPending}
        {...(isMe ? { hint: 'Your own role: another admin can change it.' } : {})}
        onChange={(role: Role) => setRole.mutate({ role, undoTo: user.role })}
      >
        <Options values={roles} labels={accountRoleLabels} />
      </SelectField>
    </li>
  );
}

function CoachAssignments() {
  const api = useApi();
  const { timeZone, locale } = useUserClock();
  const assignments = useQuery({
    queryKey: queryKeys.coachAssignments,
    queryFn: () => api.listCoachAssignments(),
  });
  return (
    <section className="panel" aria-labelledby="assignments-title">
      <h2 id="assignments-title">Coach assignments</h2>
      <p className="muted">
        Who shares with which coach. A job seeker makes and ends a share in their Settings; changing a coach’s
        role to job seeker stops them reading any share.
      </p>
      {assignments.isError ? (
        <p className="form-errors" role="alert">
          {describeRoleError(assignments.error)}
        </p>
      ) : null}
      {assignments.data?.length === 0 ? <p>Nobody shares with a coach yet.</p> : null}
      {assignments.data && assignments.data.length > 0 ? (
        <ul className="plain-list admin-assignments">
          {assignments.data.map((each) => (
            <li key={`${each.jobSeeker.id}:${each.coach.id}`} className="admin-assignment">
              <strong>{each.jobSeeker.name}</strong> <span className="hint">({each.jobSeeker.email})</span> →{' '}
              <strong>{each.coach.name}</strong> <span className="hint">({each.coach.email})</span>:{' '}
              {each.allApplications
                ? `all applications (${each.sharedApplications})`
                : `${each.sharedApplications} chosen application${each.sharedApplications === 1 ? '' : 's'}`}
              , since {formatDate(each.createdAt, timeZone, locale)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
