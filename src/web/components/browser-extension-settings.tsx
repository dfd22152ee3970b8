import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PairingCode } from '../../core/browser-extension.js';
import { describeError } from '../api-error.js';
import { useApi } from '../hooks/use-api.js';
import { queryKeys, useUserClock } from '../queries.js';
import { formatDateTime } from '../zoned-time.js';
import { useNotices } from './notices.js';

/**
 * The browser clipper (docs/extension.md): a one-time code to pair the extension with, and the paired
 * browsers with their last use, each revocable. hearback keeps only hashes of codes and tokens.
 */
export function BrowserExtensionSettings() {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const { timeZone, locale } = useUserClock();
  const tokens = useQuery({ queryKey: queryKeys.extensionTokens, queryFn: () => api.listExtensionTokens() });
  // Held only here: the code is shown once and works once.
  const [code, setCode] = useState<PairingCode | null>(null);
  const [error, setError] = useState<string | null>(null);

  const issue = useMutation({
    mutationFn: () => api.issueExtensionPairingCode(),
    onSuccess: (issued) => {
      setCode(issued);
      setError(null);
    },
    onError: (e) => setError(describeError(e)),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.revokeExtensionToken(id),
    onSuccess: async () => {
      setError(null);
      await client.invalidateQueries({ queryKey: queryKeys.extensionTokens });
      notify('Browser revoked; its extension can no longer save here');
    },
    onError: (e) => setError(describeError(e)),
  });

  return (
    <div className="browser-extension">
      <p>
        The hearback clipper saves the job posting you are looking at, in one click, into this hearback and
        nowhere else. Install it (see docs/extension.md), then pair it with a code from here.
      </p>
      {error ? (
        <p className="form-errors" role="alert">
          {error}
        </p>
      ) : null}
      {code ? (
        <p className="warning-box" role="note">
          Pairing code: <strong className="pairing-code">{code.code}</strong>. Type it into the extension
          within 10 minutes (until {formatDateTime(code.expiresAt, timeZone, locale)}); it works once.
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="button-primary"
          onClick={() => issue.mutate()}
          disabled={issue.isPending}
        >
          {code ? 'Get another code' : 'Get a pairing code'}
        </button>
      </div>
      <h3>Paired browsers</h3>
      {tokens.isError ? <p className="form-errors">{describeError(tokens.error)}</p> : null}
      {tokens.data && tokens.data.items.length === 0 ? <p className="muted">None yet.</p> : null}
      {tokens.data && tokens.data.items.length > 0 ? (
        <ul className="plain-list">
          {tokens.data.items.map((token) => (
            <li key={token.id}>
              {token.label}, paired {formatDateTime(token.createdAt, timeZone, locale)}, last used{' '}
              {token.lastUsedAt ? formatDateTime(token.lastUsedAt, timeZone, locale) : 'never'}{' '}
              <button
                type="button"
                className="button-danger"
                disabled={revoke.isPending}
                onClick={() => {
                  if (window.confirm(`Revoke ${token.label}? Its extension stops saving here at once.`))
                    revoke.mutate(token.id);
                }}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
