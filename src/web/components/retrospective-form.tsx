import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import type { FieldIssue } from '../../core/errors.js';
import { retrospectiveInputSchema } from '../../core/retrospective.js';
import { describeError, isApiError } from '../api-error.js';
import { issuesOutside, validateWith } from '../field-issues.js';
import { useApi } from '../hooks/use-api.js';
import { FormErrors } from './field.js';
import { emptyRetrospective, type RetrospectiveDraft, RetrospectiveFields } from './retrospective-fields.js';

/**
 * The short retrospective an ended application offers (docs/insights.md): three free-text answers that later
 * diagnoses quote when an application reaches the same stage or company.
 */
export function RetrospectiveForm({ applicationId }: { applicationId: string }) {
  const api = useApi();
  const client = useQueryClient();
  const key = ['retrospective', applicationId];
  const saved = useQuery({ queryKey: key, queryFn: () => api.getRetrospective(applicationId) });
  const [draft, setDraft] = useState<RetrospectiveDraft>(emptyRetrospective);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (saved.data)
      setDraft({
        wentWell: saved.data.wentWell,
        wouldChange: saved.data.wouldChange,
        theySaid: saved.data.theySaid,
      });
  }, [saved.data]);
  const save = useMutation({
    mutationFn: (input: RetrospectiveDraft) => api.saveRetrospective(applicationId, input),
    onSuccess: (data) => {
      setError(null);
      setIssues([]);
      client.setQueryData(key, data);
    },
    onError: (e) => {
      setError(describeError(e));
      setIssues(isApiError(e) ? [...e.issues] : []);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateWith(retrospectiveInputSchema, draft);
    setIssues(found);
    setError(found.length > 0 ? 'Please check the fields marked below.' : null);
    if (found.length === 0) save.mutate(draft);
  };
  return (
    <form className="retrospective" aria-labelledby="retrospective-title" onSubmit={submit} noValidate>
      <h3 id="retrospective-title">Retrospective</h3>
      <p className="muted">A few words now help the next application: later diagnoses remind you of them.</p>
      <FormErrors error={error} issues={issuesOutside(issues, Object.keys(emptyRetrospective))} />
      <RetrospectiveFields
        values={draft}
        set={(name, value) => setDraft((d) => ({ ...d, [name]: value }))}
        issues={issues}
      />
      <button type="submit" disabled={save.isPending}>
        Save retrospective
      </button>
      {save.isSuccess ? <p role="status">Saved. Later diagnoses will remember it.</p> : null}
    </form>
  );
}
