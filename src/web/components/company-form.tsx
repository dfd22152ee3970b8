import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  type Company,
  type CompanySizeBand,
  companyCreateSchema,
  companySizeBands,
  companyUpdateSchema,
  describeSizeBand,
} from '../../core/company.js';
import type { FieldIssue } from '../../core/errors.js';
import type { CompanyCreateInput } from '../api-client.js';
import { describeError, isApiError } from '../api-error.js';
import { issuesOutside, validateWith } from '../field-issues.js';
import { useApi } from '../hooks/use-api.js';
import { refreshAfterChange } from '../queries.js';
import { FormErrors, Options, SelectField, TextAreaField, TextField } from './field.js';

type CompanyFormProps = { readonly company?: Company; readonly onSaved: (company: Company) => void };

/** Adds or edits a company; renaming it renames it on every application. */
export function CompanyForm({ company, onSaved }: CompanyFormProps) {
  const api = useApi();
  const client = useQueryClient();
  const [name, setName] = useState(company?.name ?? '');
  const [website, setWebsite] = useState(company?.website ?? '');
  const [sizeBand, setSizeBand] = useState<CompanySizeBand | ''>(company?.sizeBand ?? '');
  const [industry, setIndustry] = useState(company?.industry ?? '');
  const [notes, setNotes] = useState(company?.notes ?? '');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (input: CompanyCreateInput) =>
      company ? api.updateCompany(company.id, input) : api.createCompany(input),
    onSuccess: async (saved) => {
      await refreshAfterChange(client);
      onSaved(saved);
    },
    onError: (e) => {
      setError(describeError(e));
      setIssues(isApiError(e) ? [...e.issues] : []);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: CompanyCreateInput = {
      name,
      website: website.trim() ? website.trim() : null,
      sizeBand: sizeBand === '' ? null : sizeBand,
      industry: industry.trim() ? industry : null,
      notes,
    };
    const found = validateWith(company ? companyUpdateSchema : companyCreateSchema, input);
    setIssues(found);
    setError(found.length > 0 ? 'Please check the fields marked below.' : null);
    if (found.length === 0) save.mutate(input);
  };

  return (
    <form onSubmit={submit} noValidate>
      <FormErrors
        error={error}
        issues={issuesOutside(issues, ['name', 'website', 'sizeBand', 'industry', 'notes'])}
      />
      <TextField label="Name" name="name" issues={issues} required value={name} onChange={setName} />
      <TextField
        label="Website"
        name="website"
        issues={issues}
        type="url"
        value={website}
        onChange={setWebsite}
      />
      <div className="field-row">
        <SelectField label="Size" name="sizeBand" issues={issues} value={sizeBand} onChange={setSizeBand}>
          <option value="">Not known</option>
          <Options values={companySizeBands} labels={describeSizeBand} />
        </SelectField>
        <TextField label="Industry" name="industry" issues={issues} value={industry} onChange={setIndustry} />
      </div>
      <TextAreaField label="Notes" name="notes" issues={issues} rows={3} value={notes} onChange={setNotes} />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : company ? 'Save company' : 'Add company'}
        </button>
      </div>
    </form>
  );
}
