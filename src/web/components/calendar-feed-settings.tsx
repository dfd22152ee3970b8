import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { CalendarFeedIssued } from '../../core/calendar-feed.js';
import { describeError } from '../api-error.js';
import { useApi } from '../hooks/use-api.js';
import { queryKeys, useUserClock } from '../queries.js';
import { formatDateTime } from '../zoned-time.js';
import { useNotices } from './notices.js';

/** Only these may become a link: the server builds both from HEARBACK_PUBLIC_URL. */
function isFeedLink(url: string): boolean {
  return /^(https?|webcal):\/\/[^\s]+$/i.test(url);
}

/**
 * The private calendar feed: issue its secret URL (shown once, with copy and subscribe buttons), replace it
 * with a new one, or turn it off. hearback keeps only a hash of the secret, so a lost URL can only be
 * replaced, never shown again.
 */
export function CalendarFeedSettings() {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const { timeZone, locale } = useUserClock();
  const status = useQuery({ queryKey: queryKeys.calendarFeed, queryFn: () => api.getCalendarFeed() });
  // Held only here, never in the query cache: once the user leaves the page, the URL is gone.
  const [issued, setIssued] = useState<CalendarFeedIssued | null>(null);
  const [error, setError] = useState<string | null>(null);

  const issue = useMutation({
    mutationFn: (reissue: boolean) => api.issueCalendarFeed(reissue ? { reissue: true } : {}),
    onSuccess: (feed, reissue) => {
      setIssued(feed);
      setError(null);
      client.setQueryData(queryKeys.calendarFeed, { exists: true, createdAt: feed.createdAt });
      notify(reissue ? 'New calendar link ready; the old one no longer works' : 'Calendar link ready');
    },
    onError: (e) => setError(describeError(e)),
  });
  const revoke = useMutation({
    mutationFn: () => api.revokeCalendarFeed(),
    onSuccess: () => {
      setIssued(null);
      setError(null);
      client.setQueryData(queryKeys.calendarFeed, { exists: false, createdAt: null });
      notify('Calendar link turned off; calendars subscribed to it stop updating');
    },
    onError: (e) => setError(describeError(e)),
  });
  const isBusy = issue.isPending || revoke.isPending;

  if (status.isError) return <p className="form-errors">{describeError(status.error)}</p>;
  if (!status.data) return <p className="muted">Loading…</p>;
  return (
    <div className="calendar-feed">
      <p>
        Subscribe to a private link in Google Calendar, Apple Calendar or Outlook to see your interviews (with
        a “leave by” reminder) and follow-up steps beside everything else.
      </p>
      {error ? (
        <p className="form-errors" role="alert">
          {error}
        </p>
      ) : null}
      {issued ? (
        <IssuedLink feed={issued} />
      ) : status.data.exists ? (
        <p>
          A calendar link is active
          {status.data.createdAt ? ` (made ${formatDateTime(status.data.createdAt, timeZone, locale)})` : ''}.
          It is shown only once; if you no longer have it, get a new one.
        </p>
      ) : (
        <p className="muted">No calendar link yet.</p>
      )}
      <div className="form-actions">
        {status.data.exists ? (
          <>
            <button
              type="button"
              onClick={() => {
                if (window.confirm('Get a new calendar link? The current link stops working at once.'))
                  issue.mutate(true);
              }}
              disabled={isBusy}
            >
              Get a new link
            </button>
            <button
              type="button"
              className="button-danger"
              onClick={() => {
                if (window.confirm('Turn off the calendar link? Calendars subscribed to it stop updating.'))
                  revoke.mutate();
              }}
              disabled={isBusy}
            >
              Turn off the link
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button-primary"
            onClick={() => issue.mutate(false)}
            disabled={isBusy}
          >
            Get my calendar link
          </button>
        )}
      </div>
    </div>
  );
}

function IssuedLink({ feed }: { feed: CalendarFeedIssued }) {
  const { notify } = useNotices();
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(feed.url);
      notify('Calendar link copied');
    } catch {
      // Without clipboard permission the text is selected, ready for the user's own copy.
      input.current?.select();
      notify('Press Ctrl+C (⌘C) to copy the selected link');
    }
  };
  return (
    <div className="issued-link">
      <p className="warning-box" role="note">
        <strong>Keep this link private.</strong> Anyone who has it can see your interviews and follow-ups. It
        is shown only now: copy it into your calendar app. If it ever leaks, get a new link here.
      </p>
      <label htmlFor="calendar-feed-url">Your calendar link</label>
      <div className="copy-row">
        <input
          id="calendar-feed-url"
          ref={input}
          readOnly
          value={feed.url}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
        />
        <button type="button" onClick={copy}>
          Copy
        </button>
        {isFeedLink(feed.webcalUrl) ? (
          <a className="button" href={feed.webcalUrl}>
            Subscribe
            <span className="visually-hidden"> in your calendar app</span>
          </a>
        ) : null}
      </div>
    </div>
  );
}
