import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PostingWatchView, WatchPause } from '../../core/posting-watch.js';
import { describeError } from '../api-error.js';
import { useApi } from '../hooks/use-api.js';
import { watchStateLabels } from '../labels.js';
import { queryKeys, refreshAfterChange, usePostingWatch, useUserClock } from '../queries.js';
import { formatDateTime, formatLocalDate } from '../zoned-time.js';
import { useNotices } from './notices.js';

const pauseLabels: Readonly<Record<WatchPause, string>> = {
  switched_off: 'Scheduled checks are switched off in Settings; Check now still works.',
  application_ended: 'The application has ended, so hearback no longer checks it on its own.',
};

/**
 * The posting watch of one application: what hearback last saw at the posting's URL, when it looks again,
 * and a button to look now. Shown only for applications with a posting URL.
 */
export function PostingWatchStatus({ applicationId }: { readonly applicationId: string }) {
  const watch = usePostingWatch(applicationId);
  if (watch.isError) {
    return (
      <section className="posting-watch" aria-labelledby="posting-watch-title">
        <h3 id="posting-watch-title">Posting watch</h3>
        <p className="muted">{describeError(watch.error)}</p>
      </section>
    );
  }
  if (!watch.data) return null;
  return <WatchDetails watch={watch.data} />;
}

function WatchDetails({ watch }: { watch: PostingWatchView }) {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const { timeZone, locale } = useUserClock();
  const check = useMutation({
    mutationFn: () => api.checkPostingNow(watch.applicationId),
    onSuccess: async ({ watch: saved, event }) => {
      client.setQueryData(queryKeys.postingWatch(saved.applicationId), saved);
      if (saved.lastError) notify(`Could not check the posting: ${saved.lastError.message}`);
      else if (event) notify(`The posting changed: ${watchStateLabels[saved.state]}; it is on the timeline`);
      else notify(`Posting checked: ${watchStateLabels[saved.state].toLowerCase()}`);
      await refreshAfterChange(client, saved.applicationId);
    },
    onError: (e) => notify(`Could not check the posting: ${describeError(e)}`),
  });
  return (
    <section className="posting-watch" aria-labelledby="posting-watch-title">
      <div className="panel-heading">
        <h3 id="posting-watch-title">Posting watch</h3>
        <button
          type="button"
          className="button-small"
          onClick={() => check.mutate()}
          disabled={check.isPending}
        >
          {check.isPending ? 'Checking…' : 'Check now'}
        </button>
      </div>
      <dl className="facts">
        <div>
          <dt>Posting</dt>
          <dd>
            <span className={`badge watch-${watch.state}`}>{watchStateLabels[watch.state]}</span>
          </dd>
        </div>
        <div>
          <dt>Last checked</dt>
          <dd>{watch.lastCheckedAt ? formatDateTime(watch.lastCheckedAt, timeZone, locale) : 'Never'}</dd>
        </div>
        {watch.pausedBecause ? null : (
          <div>
            <dt>Next check</dt>
            <dd>{formatDateTime(watch.nextCheckAt, timeZone, locale)}</dd>
          </div>
        )}
        {watch.validThrough ? (
          <div>
            <dt>Open until</dt>
            <dd>{formatLocalDate(watch.validThrough, locale)}</dd>
          </div>
        ) : null}
      </dl>
      {watch.pausedBecause ? <p className="muted small">{pauseLabels[watch.pausedBecause]}</p> : null}
      {watch.lastError ? (
        <p className="watch-error">
          <strong>The last check failed:</strong> {watch.lastError.message}
          {watch.failures > 1
            ? ` (${watch.failures} failures in a row; hearback waits longer after each)`
            : ''}
        </p>
      ) : null}
    </section>
  );
}
