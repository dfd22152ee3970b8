import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  type Application,
  applicationUpdateSchema,
  employmentTypes,
  type RemoteType,
  remoteTypes,
  type SourceKind,
  type salaryPeriods,
} from '../../core/application.js';
import type { FieldIssue } from '../../core/errors.js';
import type { ApplicationUpdateInput } from '../api-client.js';
import { describeError, isApiError } from '../api-error.js';
import { issuesOutside, validateWith } from '../field-issues.js';
import { useApi } from '../hooks/use-api.js';
import { employmentTypeLabels, remoteLabels } from '../labels.js';
import { queryKeys, refreshAfterChange, useCompanies } from '../queries.js';
import { SalaryFields, SourceFields } from './application-fields.js';
import { FormErrors, Options, SelectField, TextAreaField, TextField } from './field.js';

type Props = { readonly application: Application; readonly onDone: () => void };

const shown = ['jobTitle', 'companyId', 'postingUrl', 'posting', 'source', 'priority', 'tags'];

const text = (value: string | null | undefined) => value ?? '';
const numberText = (value: number | null) => (value === null ? '' : String(value));

/** Edits what was saved about the job: title, company, posting link and snapshot, source, priority, tags. */
export function ApplicationDetailsForm({ application, onDone }: Props) {
  const api = useApi();
  const client = useQueryClient();
  const companies = useCompanies();
  const p = application.posting;
  const [v, setValues] = useState({
    jobTitle: application.jobTitle,
    companyId: application.company.id,
    postingUrl: text(application.postingUrl),
    location: text(p.location),
    remoteType: (p.remoteType ?? '') as RemoteType | '',
    salaryMin: numberText(p.salaryMin),
    salaryMax: numberText(p.salaryMax),
    salaryCurrency: text(p.salaryCurrency),
    salaryPeriod: text(p.salaryPeriod),
    employmentType: text(p.employmentType),
    datePosted: text(p.datePosted),
    validThrough: text(p.validThrough),
    descriptionText: text(p.descriptionText),
    sourceKind: application.source.kind as SourceKind,
    sourceDetail: text(application.source.detail),
    priority: String(application.priority),
    tags: application.tags.join(', '),
  });
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof v, value: string) => setValues((current) => ({ ...current, [key]: value }));

  const save = useMutation({
    mutationFn: (input: ApplicationUpdateInput) => api.updateApplication(application.id, input),
    onSuccess: async (saved) => {
      client.setQueryData(queryKeys.application(saved.id), saved);
      await refreshAfterChange(client, saved.id);
      onDone();
    },
    onError: (e) => {
      setError(describeError(e));
      setIssues(isApiError(e) ? [...e.issues] : []);
    },
  });

  const orNull = (value: string) => (value.trim() ? value : null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: ApplicationUpdateInput = {
      jobTitle: v.jobTitle,
      ...(v.companyId !== application.company.id ? { companyId: v.companyId } : {}),
      postingUrl: orNull(v.postingUrl.trim()),
      posting: {
        location: orNull(v.location),
        remoteType: v.remoteType || null,
        salaryMin: v.salaryMin.trim() ? Number(v.salaryMin) : null,
        salaryMax: v.salaryMax.trim() ? Number(v.salaryMax) : null,
        salaryCurrency: v.salaryCurrency.trim() ? v.salaryCurrency.trim().toUpperCase() : null,
        salaryPeriod: (v.salaryPeriod || null) as (typeof salaryPeriods)[number] | null,
        employmentType: (v.employmentType || null) as (typeof employmentTypes)[number] | null,
        datePosted: v.datePosted || null,
        validThrough: v.validThrough || null,
        ...(v.descriptionText !== text(p.descriptionText)
          ? { descriptionText: orNull(v.descriptionText) }
          : {}),
      },
      source: { kind: v.sourceKind, detail: orNull(v.sourceDetail) },
      priority: Number(v.priority),
      tags: v.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    };
    const found = validateWith(applicationUpdateSchema, input);
    setIssues(found);
    setError(found.length > 0 ? 'Please check the fields marked below.' : null);
    if (found.length === 0) save.mutate(input);
  };

  const input = (key: keyof typeof v) => ({
    value: v[key],
    onChange: (value: string) => set(key, value),
  });

  return (
    <form onSubmit={submit} noValidate className="details-form">
      <FormErrors error={error} issues={issuesOutside(issues, shown)} />
      <div className="field-row">
        <TextField label="Job title" name="jobTitle" issues={issues} required {...input('jobTitle')} />
        <SelectField label="Company" name="companyId" issues={issues} {...input('companyId')}>
          {(companies.data ?? [application.company]).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField label="Posting link" name="postingUrl" issues={issues} type="url" {...input('postingUrl')} />
      <div className="field-row">
        <TextField label="Location" name="posting.location" issues={issues} {...input('location')} />
        <SelectField label="Work place" name="posting.remoteType" issues={issues} {...input('remoteType')}>
          <option value="">Not said</option>
          <Options values={remoteTypes} labels={remoteLabels} />
        </SelectField>
        <SelectField
          label="Employment"
          name="posting.employmentType"
          issues={issues}
          {...input('employmentType')}
        >
          <option value="">Not said</option>
          <Options values={employmentTypes} labels={employmentTypeLabels} />
        </SelectField>
      </div>
      <SalaryFields values={v} set={set} issues={issues} />
      <div className="field-row">
        <TextField
          label="Posted on"
          name="posting.datePosted"
          issues={issues}
          type="date"
          {...input('datePosted')}
        />
        <TextField
          label="Open until"
          name="posting.validThrough"
          issues={issues}
          type="date"
          {...input('validThrough')}
        />
      </div>
      <TextAreaField
        label="Posting description"
        name="posting.descriptionText"
        issues={issues}
        rows={6}
        {...input('descriptionText')}
      />
      <SourceFields values={v} set={set} issues={issues} />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save details'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
