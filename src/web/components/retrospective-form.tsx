import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { describeError } from '../api-error.js';
import { useApi } from '../hooks/use-api.js';

const fields = [
  ['wentWell', 'What went well'],
  ['wouldChange', "What I'd change"],
  ['theySaid', 'What they said'],
] as const;

type Draft = Record<(typeof fields)[number][0], string>;

/**
 * The short retrospective an ended application offers (docs/insights.md): three free-text answers that later
 * diagnoses quote when an application reaches the same stage or company.
 */
export function RetrospectiveForm({ applicationId }: { applicationId: string }) {
  const api = useApi();
  const client = useQueryClient();
  const key = ['retrospective', applicationId];
  const saved = useQuery({ queryKey: key, queryFn: () => api.getRetrospective(applicationId) });
  const [draft, setDraft] = useState<Draft>({ wentWell: '', wouldChange: '', theySaid: '' });
  useEffect(() => {
    if (saved.data)
      setDraft({
        wentWell: saved.data.wentWell,
        wouldChange: saved.data.wouldChange,
        theySaid: saved.data.theySaid,
      });
  }, [saved.data]);
  const save = useMutation({
    mutationFn: () => api.saveRetrospective(applicationId, draft),
    onSuccess: (data) => client.setQueryData(key, data),
  });
  return (
    <form
      className="retrospective"
      aria-labelledby="retrospective-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h3 id="retrospective-title">Retrospective</h3>
      <p className="muted">A few words now help the next application: later diagnoses remind you of them.</p>
      {fields.map(([name, label]) => (
        <label key={name} className="field">
          {label}
          <textarea
            name={name}
            rows={2}
            value={draft[name]}
            onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
          />
        </label>
      ))}
      {save.isError ? (
        <p className="form-errors" role="alert">
          {describeError(save.error)}
        </p>
      ) : null}
      <button type="submit" disabled={save.isPending}>
        Save retrospective
      </button>
      {save.isSuccess ? <p role="status">Saved. Later diagnoses will remember it.</p> : null}
    </form>
  );
}
