import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { FieldIssue } from '../../core/errors.js';
import type { Settings } from '../../core/settings.js';
import { describeError, isApiError } from '../api-error.js';
import { useApi } from '../hooks/use-api.js';
import { queryKeys } from '../queries.js';
import { FormErrors, TextField } from './field.js';
import { useNotices } from './notices.js';

/**
 * The user's own outgoing mail server. The URL holds a password, so it is write-only: the server only says
 * whether one is set, and this form never shows it back.
 */
export function SmtpSettings({ settings }: { settings: Settings }) {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const [smtpUrl, setSmtpUrl] = useState('');
  const [smtpFrom, setSmtpFrom] = useState(settings.smtp.from ?? '');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (input: { smtpUrl?: string | null; smtpFrom?: string | null }) => api.updateSettings(input),
    onSuccess: (saved, input) => {
      client.setQueryData(queryKeys.settings, saved);
      setSmtpUrl('');
      setIssues([]);
      setError(null);
      notify(input.smtpUrl === null ? 'Mail server removed' : 'Mail server saved');
    },
    onError: (e) => {
      setError(describeError(e));
      setIssues(isApiError(e) ? [...e.issues] : []);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      ...(smtpUrl.trim() ? { smtpUrl: smtpUrl.trim() } : {}),
      smtpFrom: smtpFrom.trim() ? smtpFrom.trim() : null,
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>
        {settings.smtp.configured
          ? 'A mail server is set up: drafts can be sent from hearback.'
          : 'No mail server yet: copy drafts or open them in your mail app.'}{' '}
        Nothing is ever sent without your click.
      </p>
      <FormErrors error={error} />
      <TextField
        label={settings.smtp.configured ? 'Replace the mail server' : 'Mail server'}
        name="smtpUrl"
        issues={issues}
        hint="smtps://user:password@mail.example.com:465 — stored on this machine, never shown again"
        type="password"
        autoComplete="off"
        value={smtpUrl}
        onChange={setSmtpUrl}
      />
      <TextField
        label="Send from"
        name="smtpFrom"
        issues={issues}
        hint="Default: your email above"
        type="email"
        value={smtpFrom}
        onChange={setSmtpFrom}
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          Save mail server
        </button>
        {settings.smtp.configured ? (
          <button type="button" onClick={() => save.mutate({ smtpUrl: null })} disabled={save.isPending}>
            Remove it
          </button>
        ) : null}
      </div>
    </form>
  );
}
