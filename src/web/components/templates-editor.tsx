import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RenderedTemplate, TemplateView } from '../../core/drafts.js';
import type { FieldIssue } from '../../core/errors.js';
import { describeError, isApiError } from '../api-error.js';
import { useApi } from '../hooks/use-api.js';
import { draftKindLabel } from '../labels.js';
import { FormErrors, TextAreaField, TextField } from './field.js';
import { useNotices } from './notices.js';

/** The message templates: edit, preview with sample data, or go back to the default text. */
export function TemplatesEditor() {
  const api = useApi();
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => api.listTemplates(), retry: false });
  if (templates.isPending) return <p className="muted">Loading the templates…</p>;
  if (templates.isError) return <p className="form-errors">{describeError(templates.error)}</p>;
  return (
    <div className="templates">
      <p className="hint">
        Merge fields such as <code>{'{{contact.firstName}}'}</code>, <code>{'{{interview.topics}}'}</code> or{' '}
        <code>{'{{user.name}}'}</code> are filled in for each step; one with no value shows as a
        [placeholder].
      </p>
      {templates.data.map((template) => (
        <details key={template.kind} className="template">
          <summary>
            {draftKindLabel(template.kind)}
            {template.isDefault ? null : <span className="muted"> · edited</span>}
          </summary>
          <TemplateForm key={`${template.subject}\n${template.body}`} template={template} />
        </details>
      ))}
    </div>
  );
}

function TemplateForm({ template }: { template: TemplateView }) {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [preview, setPreview] = useState<RenderedTemplate | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => {
    setError(describeError(e));
    setIssues(isApiError(e) ? [...e.issues] : []);
  };
  const refresh = () => client.invalidateQueries({ queryKey: ['templates'] });
  const save = useMutation({
    mutationFn: () => api.saveTemplate(template.kind, { subject, body }),
    onSuccess: async () => {
      notify(`Saved the ${draftKindLabel(template.kind).toLowerCase()} template`);
      setIssues([]);
      setError(null);
      await refresh();
    },
    onError: fail,
  });
  const reset = useMutation({
    mutationFn: () => api.resetTemplate(template.kind),
    onSuccess: async () => {
      notify('Back to the default text');
      await refresh();
    },
    onError: fail,
  });
  const render = useMutation({
    mutationFn: () => api.previewTemplate(template.kind, { subject, body }),
    onSuccess: (rendered) => {
      setPreview(rendered);
      setIssues([]);
      setError(null);
    },
    onError: fail,
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      <FormErrors error={error} />
      <TextField label="Subject" name="subject" issues={issues} value={subject} onChange={setSubject} />
      <TextAreaField label="Message" name="body" issues={issues} rows={10} value={body} onChange={setBody} />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          Save template
        </button>
        <button type="button" onClick={() => render.mutate()} disabled={render.isPending}>
          Preview
        </button>
        {template.isDefault ? null : (
          <button type="button" onClick={() => reset.mutate()} disabled={reset.isPending}>
            Back to the default
          </button>
        )}
      </div>
      {preview ? (
        <section className="template-preview" aria-label="Preview">
          <p>
            <strong>{preview.subject}</strong>
          </p>
          <p className="prose">{preview.body}</p>
          {preview.missingWords.length > 0 ? (
            <p className="hint">Shown as placeholders here: {preview.missingWords.join(', ')}</p>
          ) : null}
        </section>
      ) : null}
    </form>
  );
}
