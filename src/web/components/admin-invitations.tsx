import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { roles } from '../../core/coaching.js';
import type { FieldIssue } from '../../core/errors.js';
import type { CreatedInvitation, Invitation } from '../../core/invitations.js';
import { invitationDays } from '../../core/invitations.js';
import { isApiError } from '../api-error.js';
import { issuesOutside } from '../field-issues.js';
import { useApi } from '../hooks/use-api.js';
import { accountRoleLabels, invitationStatusLabels } from '../labels.js';
import { formatDate } from '../zoned-time.js';
import { FormErrors, SelectField, TextField } from './field.js';

const invitationsKey = ['admin', 'invitations'] as const;
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const when = (instant: string) => formatDate(instant, browserZone(), navigator.language || 'en-US');

function failureMessage(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Try again.';
  if (error.code === 'ROLE_REQUIRED') return 'Only admins can invite people.';
  if (error.issues.length > 0) return 'Please check the fields marked below.';
  return error.message;
}

/** The invitation form's fields, named as the API names them so its answers land beside each. */
const shownFields = ['email', 'role', 'expiresInDays'];

/**
 * Server mode, admins: invite someone by email with a role, see every invitation (pending, accepted,
 * expired) and revoke a pending one. The link is shown once, right after it is made, for passing on when it
 * was not emailed. Self-contained: it needs only the API client (useApi) and a React Query client above it.
 */
export function AdminInvitations() {
  const api = useApi();
  const queryClient = useQueryClient();
  const id = useId();
  const invitations = useQuery({ queryKey: invitationsKey, queryFn: () => api.listInvitations() });
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Invitation['role']>('job_seeker');
  const [days, setDays] = useState(String(invitationDays.default));
  const refresh = () => queryClient.invalidateQueries({ queryKey: invitationsKey });

  const create = useMutation({
    mutationFn: api.createInvitation,
    onSuccess: (answer) => {
      setCreated(answer);
      setEmail('');
      setRole('job_seeker');
      setDays(String(invitationDays.default));
      void refresh();
    },
  });
  const issues: readonly FieldIssue[] = create.isError && isApiError(create.error) ? create.error.issues : [];
  const revoke = useMutation({
    mutationFn: api.revokeInvitation,
    onSuccess: () => void refresh(),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    create.mutate({ email: email.trim(), role, expiresInDays: Number(days) });
  }

  return (
    <section className="admin-invitations" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Invitations</h2>
      <p className="hint">
        An invitation link makes one account with the email and role you choose, also when sign-up is off. It
        works once, until it expires.
      </p>
      <form onSubmit={submit} className="admin-invitation-form" aria-describedby={`${id}-result`}>
        <TextField
          label="Email"
          name="email"
          issues={issues}
          type="email"
          required
          maxLength={320}
          autoComplete="off"
          value={email}
          onChange={setEmail}
        />
        <SelectField label="Role" name="role" issues={issues} value={role} onChange={setRole}>
          {roles.map((each) => (
            <option key={each} value={each}>
              {accountRoleLabels[each]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Link works for (days)"
          name="expiresInDays"
          issues={issues}
          type="number"
          min={1}
          max={invitationDays.max}
          required
          value={days}
          onChange={setDays}
        />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={create.isPending}>
            Invite
          </button>
        </div>
      </form>
      <div id={`${id}-result`}>
        {create.isError ? (
          <FormErrors error={failureMessage(create.error)} issues={issuesOutside(issues, shownFields)} />
        ) : null}
        {created ? (
          <div role="status" className="admin-invitation-created">
            <p>
              Invited {created.invitation.email} as {accountRoleLabels[created.invitation.role].toLowerCase()}
              .{' '}
              {created.emailed
                ? 'The link was emailed to them.'
                : created.emailError
                  ? `The email could not be sent (${created.emailError}): pass the link on yourself.`
                  : 'This hearback sends no email: pass the link on yourself.'}
            </p>
            <label htmlFor={`${id}-link`}>Invitation link (shown only now)</label>
            <input
              id={`${id}-link`}
              readOnly
              value={created.link}
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
        ) : null}
      </div>
      {invitations.isPending ? (
        <div className="placeholder" aria-busy="true">
          Loading…
        </div>
      ) : invitations.isError ? (
        <p className="form-errors" role="alert">
          {failureMessage(invitations.error)}
        </p>
      ) : invitations.data.length === 0 ? (
        <p>No invitations yet.</p>
      ) : (
        <table className="admin-invitations-table">
          <caption className="visually-hidden">Invitations</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Invited by</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.data.map((invitation) => (
              <tr key={invitation.id}>
                <td>{invitation.email}</td>
                <td>{accountRoleLabels[invitation.role]}</td>
                <td>{invitationStatusLabels[invitation.status]}</td>
                <td>{invitation.invitedBy ?? 'operator (command line)'}</td>
                <td>{when(invitation.expiresAt)}</td>
                <td>
                  {invitation.status === 'pending' ? (
                    <button
                      type="button"
                      disabled={revoke.isPending}
                      aria-label={`Revoke the invitation of ${invitation.email}`}
                      onClick={() => revoke.mutate(invitation.id)}
                    >
                      Revoke
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoke.isError ? (
        <p className="form-errors" role="alert">
          {failureMessage(revoke.error)}
        </p>
      ) : null}
    </section>
  );
}
