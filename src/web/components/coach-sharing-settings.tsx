import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { ApplicationCard } from '../../core/application.js';
import type { Share } from '../../core/coaching.js';
import type { FieldIssue } from '../../core/errors.js';
import type { ShareCreateInput } from '../api-client.js';
import { describeError, isApiError } from '../api-error.js';
import { useApi } from '../hooks/use-api.js';
import { queryKeys, useApplicationCards, useUserClock } from '../queries.js';
import { formatDate } from '../zoned-time.js';
import { useAccount } from './account-gate.js';
import { Choice, FieldSet, FormErrors, TextField } from './field.js';
import { useNotices } from './notices.js';

/**
 * Server mode's "Sharing with a coach": share all applications or chosen ones with one coach (by their
 * account's email), see the shares, stop one at once (with Undo, which shares the same again). A coach
 * reads what is shared and comments on it; nothing else. Local mode has no coaches, and shows nothing.
 */
export function CoachSharingSettings() {
  const account = useAccount();
  if (account.data?.mode !== 'server' || !account.data.user) return null;
  return (
    <section className="panel" aria-labelledby="sharing-title">
      <h2 id="sharing-title">Sharing with a coach</h2>
      <p className="muted">
        A coach you share with sees the applications you choose, with their timelines and overdue follow-ups,
        and can add comments to your timeline. They cannot change anything. Stopping a share takes effect at
        once.
      </p>
      <CurrentShares />
      <ShareForm />
    </section>
  );
}

function useShares() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.shares, queryFn: () => api.listShares() });
}

/** The share's input again, so Undo can make the same share once more. */
function inputOf(share: Share): ShareCreateInput {
  return {
    coachEmail: share.coach.email,
    applicationIds: share.allApplications ? null : [...share.applicationIds],
  };
}

function CurrentShares() {
  const api = useApi();
  const client = useQueryClient();
  const shares = useShares();
  const cards = useApplicationCards();
  const { timeZone, locale } = useUserClock();
  const { notify, notifyUndoable } = useNotices();
  const titles = new Map((cards.data ?? []).map((card) => [card.id, describeCard(card)]));

  const restore = useMutation({
    mutationFn: (input: ShareCreateInput) => api.createShare(input),
    onSuccess: (share) => notify(`Sharing with ${share.coach.name} again`),
    onError: (error) => notify(`Could not share again: ${describeError(error)}`),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.shares }),
  });
  const revoke = useMutation({
    mutationFn: (share: Share) => api.revokeShare(share.id),
    onMutate: (share) => {
      client.setQueryData<Share[]>(queryKeys.shares, (list) => list?.filter((s) => s.id !== share.id));
    },
    onSuccess: (_answer, share) =>
      notifyUndoable(`Stopped sharing with ${share.coach.name}; they see nothing of yours now`, () =>
        restore.mutate(inputOf(share)),
      ),
    onError: (error) => notify(`Could not stop the share: ${describeError(error)}`),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.shares }),
  });

  if (shares.isError) return <p className="form-errors">{describeError(shares.error)}</p>;
  if (!shares.data)
    return (
      <p className="placeholder" aria-busy="true">
        Loading shares…
      </p>
    );
  if (shares.data.length === 0) return <p>You share nothing with a coach.</p>;
  return (
    <ul className="plain-list share-list" aria-label="Your shares">
      {shares.data.map((share) => (
        <li key={share.id} className="share-item">
          <p>
            <strong>{share.coach.name}</strong> <span className="hint">({share.coach.email})</span>
            <br />
            {share.allApplications
              ? 'All your applications, now and later'
              : `${share.applicationIds.length} chosen application${share.applicationIds.length === 1 ? '' : 's'}`}
            , since {formatDate(share.createdAt, timeZone, locale)}
          </p>
          {share.allApplications ? null : (
            <ul className="share-chosen">
              {share.applicationIds.map((id) => (
                <li key={id}>{titles.get(id) ?? 'An application'}</li>
              ))}
            </ul>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="button-danger"
              disabled={revoke.isPending}
              onClick={() => revoke.mutate(share)}
            >
              Stop sharing with {share.coach.name}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}

function describeCard(card: ApplicationCard): string {
  return `${card.jobTitle} at ${card.company.name}`;
}

function ShareForm() {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const cards = useApplicationCards();
  const [coachEmail, setCoachEmail] = useState('');
  const [scope, setScope] = useState<'all' | 'chosen'>('all');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);

  const share = useMutation({
    mutationFn: (input: ShareCreateInput) => api.createShare(input),
    onSuccess: (created) => {
      setCoachEmail('');
      setChosen(new Set());
      setScope('all');
      setIssues([]);
      setError(null);
      notify(
        created.allApplications
          ? `Sharing all your applications with ${created.coach.name}`
          : `Sharing ${created.applicationIds.length} application${created.applicationIds.length === 1 ? '' : 's'} with ${created.coach.name}`,
      );
    },
    onError: (e) => {
      setError(describeError(e));
      setIssues(isApiError(e) ? [...e.issues] : []);
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.shares }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldIssue[] = [];
    if (coachEmail.trim() === '') found.push({ field: 'coachEmail', message: 'enter the coach’s email' });
    if (scope === 'chosen' && chosen.size === 0)
      found.push({ field: 'applicationIds', message: 'choose at least one application' });
    setIssues(found);
    setError(found.length > 0 ? 'Please check the fields marked below.' : null);
    if (found.length > 0) return;
    share.mutate({ coachEmail: coachEmail.trim(), applicationIds: scope === 'all' ? null : [...chosen] });
  };

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="share-form-title">
      <h3 id="share-form-title">Share with a coach</h3>
      <p className="hint">
        Sharing again with the same coach replaces what they see. Your coach needs an account here with the
        coach role.
      </p>
      <FormErrors error={error} />
      <TextField
        label="Coach’s email"
        name="coachEmail"
        type="email"
        autoComplete="off"
        issues={issues}
        value={coachEmail}
        onChange={setCoachEmail}
      />
      <FieldSet legend="What they see" names={['applicationIds']} issues={issues}>
        <Choice
          type="radio"
          name="share-scope"
          value="all"
          checked={scope === 'all'}
          onChange={() => setScope('all')}
        >
          All my applications, now and later
        </Choice>
        <Choice
          type="radio"
          name="share-scope"
          value="chosen"
          checked={scope === 'chosen'}
          onChange={() => setScope('chosen')}
        >
          Only the applications I choose
        </Choice>
        {scope === 'chosen' ? (
          <ul className="plain-list share-choices" aria-label="Applications to share">
            {cards.isError ? <li className="form-errors">{describeError(cards.error)}</li> : null}
            {cards.data?.length === 0 ? <li className="muted">You have no applications yet.</li> : null}
            {(cards.data ?? []).map((card) => (
              <li key={card.id}>
                <Choice checked={chosen.has(card.id)} onChange={(on) => toggle(card.id, on)}>
                  {describeCard(card)}
                </Choice>
              </li>
            ))}
          </ul>
        ) : null}
      </FieldSet>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={share.isPending}>
          {share.isPending ? 'Sharing…' : 'Share'}
        </button>
      </div>
    </form>
  );
}
