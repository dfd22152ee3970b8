import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { type Application, applicationUpdateSchema } from '../../core/application.js';
import type { FieldIssue } from '../../core/errors.js';
import type { ApplicationUpdateInput } from '../api-client.js';
import { describeError, isApiError } from '../api-error.js';
import { issuesOutside, validateWith } from '../field-issues.js';
import { useApi } from '../hooks/use-api.js';
import { queryKeys, refreshAfterChange } from '../queries.js';
import { FormErrors, TextAreaField } from './field.js';
import { useNotices } from './notices.js';

type UpdateFormProps = {
  readonly application: Application;
  readonly input: ApplicationUpdateInput;
  readonly fields: readonly string[];
  readonly saveLabel: string;
  readonly isDirty: boolean;
  readonly children: (issues: readonly FieldIssue[]) => ReactNode;
};

/** A part of the application saved on its own (notes, documents); what was typed stays if saving fails. */
export function UpdateForm({ application, input, fields, saveLabel, isDirty, children }: UpdateFormProps) {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => api.updateApplication(application.id, input),
    onSuccess: async (saved) => {
      client.setQueryData(queryKeys.application(saved.id), saved);
      notify('Saved');
      setIssues([]);
      setError(null);
      await refreshAfterChange(client, saved.id);
    },
    onError: (e) => {
      setError(describeError(e));
      setIssues(isApiError(e) ? [...e.issues] : []);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateWith(applicationUpdateSchema, input);
    setIssues(found);
    setError(found.length > 0 ? 'Please check the fields marked below.' : null);
    if (found.length === 0) save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <FormErrors error={error} issues={issuesOutside(issues, fields)} />
      {children(issues)}
      <div className="form-actions">
        <button type="submit" disabled={save.isPending || !isDirty}>
          {save.isPending ? 'Saving…' : saveLabel}
        </button>
      </div>
    </form>
  );
}

/** The application's notes, saved on their own. */
export function NotesSection({ application }: { application: Application }) {
  const [notes, setNotes] = useState(application.notes);
  return (
    <section className="panel" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes</h2>
      <UpdateForm
        application={application}
        input={{ notes }}
        fields={['notes']}
        saveLabel="Save notes"
        isDirty={notes !== application.notes}
      >
        {(issues) => (
          <TextAreaField
            label="Notes"
            name="notes"
            issues={issues}
            className="label-hidden"
            rows={6}
            value={notes}
            onChange={setNotes}
          />
        )}
      </UpdateForm>
    </section>
  );
}
