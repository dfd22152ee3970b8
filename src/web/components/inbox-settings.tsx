import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import type { InboxKind } from '../../core/inbox-classify.js';
import type { InboxMessageView } from '../../core/inbox-review.js';
import { describeError } from '../api-error.js';
import { useApi } from '../hooks/use-api.js';
import { queryKeys, useUserClock } from '../queries.js';
import { formatDateTime } from '../zoned-time.js';
import { TextField } from './field.js';
import { useNotices } from './notices.js';

const kindLabels: Record<InboxKind, string> = {
  not_a_reply: 'Not a reply',
  offer: 'Offer',
  rejection: 'Rejection',
  interview_invitation: 'Interview invitation',
  availability_request: 'Asks for your availability',
  acknowledgement: 'Application received',
  other_reply: 'Reply',
};

/**
 * The mailbox hearback reads replies from (docs/inbox.md): who is connected, the last sync, a sync now,
 * "forget this mailbox", and the review queue. The password goes to the server once and never comes back.
 */
export function InboxSettings() {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const { timeZone, locale } = useUserClock();
  const status = useQuery({ queryKey: queryKeys.inbox, queryFn: () => api.getInbox() });
  const [imapUrl, setImapUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.inbox });

  const connect = useMutation({
    mutationFn: () => api.connectInbox({ imapUrl }),
    onSuccess: (next) => {
      setImapUrl('');
      setError(null);
      client.setQueryData(queryKeys.inbox, next);
      notify(`Connected as ${next.account}`);
    },
    onError: (e) => setError(describeError(e)),
  });
  const sync = useMutation({
    mutationFn: () => api.syncInbox(),
    onSuccess: (report) => {
      setError(null);
      void client.invalidateQueries();
      notify(
        `Read ${report.fetched}: ${report.matched} on the timeline, ${report.queued} to review, ${report.ignored} ignored`,
      );
    },
    onError: (e) => setError(describeError(e)),
  });
  const forget = useMutation({
    mutationFn: () => api.forgetInbox(),
    onSuccess: (next) => {
      client.setQueryData(queryKeys.inbox, next);
      void refresh();
      notify('Mailbox forgotten: its password and every message kept from it are deleted');
    },
    onError: (e) => setError(describeError(e)),
  });

  if (status.isError) return <p className="form-errors">{describeError(status.error)}</p>;
  if (!status.data) return <p className="muted">Loading…</p>;
  const s = status.data;
  const onConnect = (event: FormEvent) => {
    event.preventDefault();
    connect.mutate();
  };
  return (
    <div className="inbox-settings">
      <p>
        hearback can read employers’ replies from your mailbox (read-only, over IMAP) and put them on the
        timeline; anything uncertain waits below for you. The guide (docs/inbox.md) lists the servers and app
        passwords of common providers.
      </p>
      {error ? (
        <p className="form-errors" role="alert">
          {error}
        </p>
      ) : null}
      {s.connected ? (
        <>
          <dl className="inbox-status">
            <dt>Connected as</dt>
            <dd data-testid="inbox-account">{s.account}</dd>
            <dt>Last sync</dt>
            <dd>{s.lastSyncAt ? formatDateTime(s.lastSyncAt, timeZone, locale) : 'not yet'}</dd>
            {s.lastSyncError ? (
              <>
                <dt>Last error</dt>
                <dd>{s.lastSyncError}</dd>
              </>
            ) : null}
          </dl>
          <div className="form-actions">
            <button type="button" onClick={() => sync.mutate()} disabled={sync.isPending}>
              {sync.isPending ? 'Reading…' : 'Sync now'}
            </button>
            <button
              type="button"
              className="danger"
              disabled={forget.isPending}
              onClick={() => {
                if (
                  window.confirm(
                    'Forget this mailbox? Its password and every message kept from it are deleted.',
                  )
                )
                  forget.mutate();
              }}
            >
              Forget this mailbox
            </button>
          </div>
          <ReviewQueue />
        </>
      ) : (
        <form onSubmit={onConnect} className="inbox-connect">
          <TextField
            label="Mailbox (IMAP URL)"
            name="imapUrl"
            type="password"
            autoComplete="off"
            placeholder="imaps://you%40example.com:app-password@imap.example.com:993"
            hint="Use an app password. It is stored encrypted and never shown again."
            value={imapUrl}
            onChange={setImapUrl}
          />
          <div className="form-actions">
            <button type="submit" disabled={connect.isPending || imapUrl === ''}>
              {connect.isPending ? 'Connecting…' : 'Connect'}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/**
 * Messages below certainty. Keys, in the list: j / k (or the arrows) move, c (or Enter) confirms, i (or
 * Delete) ignores, which deletes the message and leaves no trace.
 */
function ReviewQueue() {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const { timeZone, locale } = useUserClock();
  const queue = useQuery({ queryKey: queryKeys.inboxReview, queryFn: () => api.listInboxReview() });
  const applications = useQuery({
    queryKey: ['inbox', 'applications'],
    queryFn: () => api.listApplicationCards(),
  });
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const after = () => {
    void client.invalidateQueries();
  };
  const confirm = useMutation({
    mutationFn: (m: InboxMessageView) =>
      api.confirmInboxMessage(m.id, chosen[m.id] ? { applicationId: chosen[m.id] } : {}),
    onSuccess: (applied) => {
      setError(null);
      notify(
        applied.bodyNotFetched
          ? `Put on the timeline; its full text could not be fetched (${applied.bodyNotFetched})`
          : 'Put on the timeline',
      );
      after();
    },
    onError: (e) => setError(describeError(e)),
  });
  const ignore = useMutation({
    mutationFn: (m: InboxMessageView) => api.ignoreInboxMessage(m.id),
    onSuccess: () => {
      setError(null);
      notify('Ignored');
      after();
    },
    onError: (e) => setError(describeError(e)),
  });
  if (!queue.data) return null;
  const items = queue.data;
  const names = new Map((applications.data ?? []).map((a) => [a.id, `${a.company.name} — ${a.jobTitle}`]));
  const onKeyDown = (event: KeyboardEvent) => {
    const current = items[Math.min(active, items.length - 1)];
    if (!current) return;
    if (event.key === 'j' || event.key === 'ArrowDown') setActive(Math.min(active + 1, items.length - 1));
    else if (event.key === 'k' || event.key === 'ArrowUp') setActive(Math.max(active - 1, 0));
    else if (event.key === 'c' || event.key === 'Enter') confirm.mutate(current);
    else if (event.key === 'i' || event.key === 'Delete') ignore.mutate(current);
    else return;
    event.preventDefault();
  };
  return (
    <div className="inbox-review">
      <h3 id="inbox-review-title">To review ({items.length})</h3>
      {error ? (
        <p className="form-errors" role="alert">
          {error}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="muted">Nothing waits for review.</p>
      ) : (
        <>
          <p className="muted small">
            Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>c</kbd> confirm, <kbd>i</kbd> ignore.
          </p>
          <ul
            className="inbox-review-list"
            aria-labelledby="inbox-review-title"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the list takes the review keys (j, k, c, i)
            tabIndex={0}
            onKeyDown={onKeyDown}
          >
            {items.map((m, i) => {
              const options = m.applicationId ? [m.applicationId] : m.candidates;
              return (
                <li
                  key={m.id}
                  className={i === active ? 'inbox-review-item active' : 'inbox-review-item'}
                  aria-current={i === active}
                >
                  <p>
                    <strong>{kindLabels[m.kind]}</strong>: {m.subject}{' '}
                    <span className="muted small">
                      from {m.from}, {formatDateTime(m.receivedAt, timeZone, locale)}
                    </span>
                  </p>
                  <p className="prose small">{m.excerpt}</p>
                  <p className="muted small">
                    Why: {m.reason} (rule {m.rule})
                  </p>
                  <label>
                    Application{' '}
                    <select
                      value={chosen[m.id] ?? options[0] ?? ''}
                      onChange={(e) => setChosen({ ...chosen, [m.id]: e.target.value })}
                    >
                      {[...new Set([...options, ...names.keys()])].map((id) => (
                        <option key={id} value={id}>
                          {names.get(id) ?? id}
                        </option>
                      ))}
                    </select>
                  </label>{' '}
                  <button type="button" onClick={() => confirm.mutate(m)} disabled={confirm.isPending}>
                    Confirm
                  </button>{' '}
                  <button type="button" onClick={() => ignore.mutate(m)} disabled={ignore.isPending}>
                    Ignore
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}

/** "From your inbox" and why, under a timeline event a message from the inbox became. */
export function InboxProvenance({ message }: { readonly message: InboxMessageView }) {
  return (
    <>
      <p className="muted small inbox-provenance">
        From your inbox: “{message.subject}” from {message.from}. Why: {message.reason} (rule {message.rule})
        {message.suggestion === 'end_rejected' ? '. It reads as a rejection: end the application if so.' : ''}
        {message.suggestion === 'move_offer' ? '. It reads as an offer: move the application if so.' : ''}
      </p>
      {message.body ? (
        <details className="inbox-body">
          <summary>The whole message</summary>
          {/* Plain text, shown as text: never rendered as HTML. */}
          <p className="prose">{message.body}</p>
        </details>
      ) : null}
    </>
  );
}
