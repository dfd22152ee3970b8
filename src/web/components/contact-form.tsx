import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  type Contact,
  type ContactRole,
  contactCreateSchema,
  contactRoles,
  contactUpdateSchema,
} from '../../core/contact.js';
import type { FieldIssue } from '../../core/errors.js';
import type { ContactCreateInput } from '../api-client.js';
import { describeError, isApiError } from '../api-error.js';
import { issuesOutside, validateWith } from '../field-issues.js';
import { useApi } from '../hooks/use-api.js';
import { roleLabels } from '../labels.js';
import { queryKeys, useCompanies } from '../queries.js';
import { FormErrors, Options, SelectField, TextAreaField, TextField } from './field.js';

type ContactFormProps = {
  readonly contact?: Contact;
  /** Preselects the company (adding a contact from an application's page). */
  readonly companyId?: string | null;
  readonly onSaved: (contact: Contact) => void;
};

const shown = ['name', 'role', 'email', 'phone', 'profileUrl', 'companyId', 'notes'];

/** Adds or edits a contact: recruiter, hiring manager, interviewer, referral. */
export function ContactForm({ contact, companyId, onSaved }: ContactFormProps) {
  const api = useApi();
  const client = useQueryClient();
  const companies = useCompanies();
  const [values, setValues] = useState({
    name: contact?.name ?? '',
    role: contact?.role ?? ('recruiter' as ContactRole),
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    profileUrl: contact?.profileUrl ?? '',
    companyId: contact?.companyId ?? companyId ?? '',
    notes: contact?.notes ?? '',
  });
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const save = useMutation({
    mutationFn: (input: ContactCreateInput) =>
      contact ? api.updateContact(contact.id, input) : api.createContact(input),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: queryKeys.contacts });
      onSaved(saved);
    },
    onError: (e) => {
      setError(describeError(e));
      setIssues(isApiError(e) ? [...e.issues] : []);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: ContactCreateInput = {
      name: values.name,
      role: values.role,
      email: values.email.trim() ? values.email.trim() : null,
      phone: values.phone.trim() ? values.phone : null,
      profileUrl: values.profileUrl.trim() ? values.profileUrl.trim() : null,
      companyId: values.companyId || null,
      notes: values.notes,
    };
    const found = validateWith(contact ? contactUpdateSchema : contactCreateSchema, input);
    setIssues(found);
    setError(found.length > 0 ? 'Please check the fields marked below.' : null);
    if (found.length === 0) save.mutate(input);
  };

  return (
    <form onSubmit={submit} noValidate>
      <FormErrors error={error} issues={issuesOutside(issues, shown)} />
      <div className="field-row">
        <TextField
          label="Name"
          name="name"
          issues={issues}
          required
          value={values.name}
          onChange={set('name')}
        />
        <SelectField label="Role" name="role" issues={issues} value={values.role} onChange={set('role')}>
          <Options values={contactRoles} labels={roleLabels} />
        </SelectField>
      </div>
      <div className="field-row">
        <TextField
          label="Email"
          name="email"
          issues={issues}
          type="email"
          value={values.email}
          onChange={set('email')}
        />
        <TextField
          label="Phone"
          name="phone"
          issues={issues}
          type="tel"
          value={values.phone}
          onChange={set('phone')}
        />
      </div>
      <div className="field-row">
        <TextField
          label="Profile link"
          name="profileUrl"
          issues={issues}
          hint="LinkedIn or another public profile"
          type="url"
          value={values.profileUrl}
          onChange={set('profileUrl')}
        />
        <SelectField
          label="Company"
          name="companyId"
          issues={issues}
          value={values.companyId}
          onChange={set('companyId')}
        >
          <option value="">None</option>
          {(companies.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        label="Notes"
        name="notes"
        issues={issues}
        rows={3}
        value={values.notes}
        onChange={set('notes')}
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : contact ? 'Save contact' : 'Add contact'}
        </button>
      </div>
    </form>
  );
}
