import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ClosedReason, Outcome } from '../../core/pipeline-values.js';
import {
  describeLinkAnswer,
  type ResponseLinkIssued,
  type ResponseLinkStatus,
  suggestedEnding,
} from '../../core/response-link.js';
import { describeError } from '../api-error.js';
import { useApi } from '../hooks/use-api.js';
import { queryKeys, useUserClock } from '../queries.js';
import { formatDateTime } from '../zoned-time.js';
import { useNotices } from './notices.js';

export type SuggestedEnding = { readonly outcome: Outcome; readonly closedReason: ClosedReason | null };

/** The application's response link: whether one is active, the employer's last answer, create and revoke. */
export function ResponseLinkPanel({
  applicationId,
  isEnded,
  onSuggestEnding,
}: {
  readonly applicationId: string;
  readonly isEnded: boolean;
  readonly onSuggestEnding: (ending: SuggestedEnding) => void;
}) {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const { timeZone, locale } = useUserClock();
  const status = useQuery({
    queryKey: queryKeys.responseLink(applicationId),
    queryFn: () => api.getResponseLink(applicationId),
  });
  // Held only here, never in the query cache: the URL is shown once.
  const [issued, setIssued] = useState<ResponseLinkIssued | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api.createResponseLink(applicationId),
    onSuccess: (link) => {
      setIssued(link);
      setError(null);
      void client.invalidateQueries({ queryKey: queryKeys.responseLink(applicationId) });
      notify('Response link ready');
    },
    onError: (e) => setError(describeError(e)),
  });
  const revoke = useMutation({
    mutationFn: () => api.revokeResponseLink(applicationId),
    onSuccess: () => {
      setIssued(null);
      setError(null);
      void client.invalidateQueries({ queryKey: queryKeys.responseLink(applicationId) });
      notify('Response link revoked; it no longer works');
    },
    onError: (e) => setError(describeError(e)),
  });

  if (status.isError) return null;
  const data = status.data;
  return (
    <section className="panel" aria-labelledby="response-link-title">
      <h2 id="response-link-title">Employer response link</h2>
      {!data ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <LastAnswer
            status={data}
            isEnded={isEnded}
            onSuggestEnding={onSuggestEnding}
            format={(at) => formatDateTime(at, timeZone, locale)}
          />
          {!data.available ? (
            <p className="muted">{data.explanation}</p>
          ) : (
            <>
              {error ? (
                <p className="form-errors" role="alert">
                  {error}
                </p>
              ) : null}
              {issued ? <IssuedResponseLink link={issued} /> : null}
              {data.link && !issued ? (
                <p>
                  A link is active until {formatDateTime(data.link.expiresAt, timeZone, locale)}. It is shown
                  only when made; a new one replaces it.
                </p>
              ) : null}
              {!data.link ? (
                <p className="muted">
                  No active link. Add one to a follow-up draft, or make one here to paste into your email.
                </p>
              ) : null}
              <div className="form-actions">
                <button
                  type="button"
                  onClick={() => {
                    if (
                      !data.link ||
                      window.confirm('Make a new link? The current one stops working at once.')
                    )
                      create.mutate();
                  }}
                  disabled={create.isPending || revoke.isPending}
                >
                  {data.link ? 'Make a new link' : 'Make a link'}
                </button>
                {data.link ? (
                  <button
                    type="button"
                    className="button-danger"
                    onClick={() => revoke.mutate()}
                    disabled={create.isPending || revoke.isPending}
                  >
                    Revoke the link
                  </button>
                ) : null}
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}

function LastAnswer({
  status,
  isEnded,
  onSuggestEnding,
  format,
}: {
  status: ResponseLinkStatus;
  isEnded: boolean;
  onSuggestEnding: (ending: SuggestedEnding) => void;
  format: (instant: string) => string;
}) {
  const last = status.lastAnswer;
  if (!last) return null;
  const words = describeLinkAnswer(last);
  const ending = suggestedEnding(last.answer);
  return (
    <div className="response-link-answer" role="note">
      <p>
        <strong>Their answer</strong> ({format(last.answeredAt)}): {words.answer}
      </p>
      {last.message ? <p className="response-link-message">“{last.message}”</p> : null}
      {ending && words.suggestion && !isEnded ? (
        <p>
          {words.suggestion}.{' '}
          <button type="button" onClick={() => onSuggestEnding(ending)}>
            End it…
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** The link just made, with a copy button: the only time it is shown. */
export function IssuedResponseLink({ link }: { link: ResponseLinkIssued }) {
  const { notify } = useNotices();
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.url);
      notify('Copied the response link');
    } catch {
      input.current?.select();
    }
  };
  return (
    <div className="field">
      <label htmlFor="response-link-url">Your response link (shown once)</label>
      <div className="field-row">
        <input
          id="response-link-url"
          ref={input}
          readOnly
          value={link.url}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
    </div>
  );
}
