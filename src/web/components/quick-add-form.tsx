import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import {
  type Application,
  applicationCreateSchema,
  type Posting,
  type RemoteType,
  remoteTypes,
  type SourceKind,
  type salaryPeriods,
} from '../../core/application.js';
import type { FieldIssue } from '../../core/errors.js';
import { type ActiveStage, activeStages, stageLabels } from '../../core/pipeline-values.js';
import type { ApplicationCreateInput } from '../api-client.js';
import { type ApiError, describeError, isApiError } from '../api-error.js';
import { type Duplicate, readDuplicates, readPastedPosting } from '../duplicates.js';
import { issuesOutside, validateWith } from '../field-issues.js';
import { useApi } from '../hooks/use-api.js';
import { remoteLabels } from '../labels.js';
import { refreshAfterSaving, useCompanies, useUserClock } from '../queries.js';
import { applicationPath } from '../router.js';
import { todayIn, zonedToInstant } from '../zoned-time.js';
import { SalaryFields, SourceFields } from './application-fields.js';
import { Field, FormErrors, Options, SelectField, TextAreaField, TextField } from './field.js';
import { Link } from './link.js';

/** What a read posting gives beyond the form's own fields; saved with the application. */
type ExtractedPosting = {
  readonly postingUrl: string | null;
  readonly descriptionHtml: string | null;
  readonly descriptionText: string | null;
  readonly employmentType: Posting['employmentType'];
  readonly datePosted: string | null;
  readonly validThrough: string | null;
};

type QuickAddFormProps = {
  readonly onSaved: (application: Application) => void;
  readonly autoFocus?: boolean;
};

type Values = {
  pasted: string;
  companyName: string;
  jobTitle: string;
  stage: ActiveStage;
  date: string;
  location: string;
  remoteType: RemoteType | '';
  salaryMin: string;
  salaryMax: string;
  salaryCurrency: string;
  salaryPeriod: string;
  sourceKind: SourceKind;
  sourceDetail: string;
  priority: string;
  tags: string;
  notes: string;
};

const shownFields = [
  'postingUrl',
  'posting',
  'companyName',
  'companyId',
  'jobTitle',
  'stage',
  'stageAt',
  'source',
  'priority',
  'tags',
  'notes',
];

/**
 * Adds an application in a few keystrokes: paste the posting's link or text, name the company and the job.
 * The duplicate guard answers before anything is saved; the user confirms or cancels. A failed save keeps
 * every value typed.
 */
export function QuickAddForm({ onSaved, autoFocus }: QuickAddFormProps) {
  const api = useApi();
  const client = useQueryClient();
  const { timeZone } = useUserClock();
  const companies = useCompanies();
  const listId = useId();
  const today = todayIn(timeZone, new Date());
  const [values, setValues] = useState<Values>({
    pasted: '',
    companyName: '',
    jobTitle: '',
    stage: 'applied',
    date: today,
    location: '',
    remoteType: '',
    salaryMin: '',
    salaryMax: '',
    salaryCurrency: '',
    salaryPeriod: '',
    sourceKind: 'other',
    sourceDetail: '',
    priority: '3',
    tags: '',
    notes: '',
  });
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<Duplicate[]>([]);
  const [extracted, setExtracted] = useState<ExtractedPosting | null>(null);
  const [readMessage, setReadMessage] = useState<string | null>(null);
  const [isMoreOpen, setMoreOpen] = useState(false);

  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const input = <K extends keyof Values>(key: K) => ({
    value: values[key],
    onChange: (value: Values[K]) => set(key, value),
  });

  const create = useMutation({
    mutationFn: (input: ApplicationCreateInput) => api.createApplication(input),
    // The form closes at once; the lists it changed are read again behind it.
    onSuccess: (application) => {
      setDuplicates([]);
      onSaved(application);
      refreshAfterSaving(client, { kind: 'application' });
    },
    onError: (e) => {
      if (isApiError(e) && e.code === 'DUPLICATE_APPLICATION') {
        setDuplicates(readDuplicates(e as ApiError));
        setError(null);
        return;
      }
      setError(describeError(e));
      setIssues(isApiError(e) ? [...e.issues] : []);
    },
  });

  const read = useMutation({
    mutationFn: () => {
      const pasted = readPastedPosting(values.pasted);
      if (!pasted) throw new Error('Paste the posting’s link or text first.');
      return api.previewPosting(
        'postingUrl' in pasted ? { url: pasted.postingUrl } : { page: values.pasted },
      );
    },
    onSuccess: ({ extract, duplicates: found }) => {
      const p = extract.posting;
      const keep = (current: string, next: string | number | null | undefined) =>
        current.trim() || next === null || next === undefined ? current : String(next);
      setValues((v) => ({
        ...v,
        companyName: keep(v.companyName, extract.companyName),
        jobTitle: keep(v.jobTitle, extract.jobTitle),
        location: keep(v.location, p.location ?? extract.locations[0]),
        remoteType: v.remoteType || p.remoteType || '',
        salaryMin: keep(v.salaryMin, p.salaryMin),
        salaryMax: keep(v.salaryMax, p.salaryMax),
        salaryCurrency: keep(v.salaryCurrency, p.salaryCurrency),
        salaryPeriod: v.salaryPeriod || p.salaryPeriod || '',
        sourceKind: v.sourceKind === 'other' ? extract.applicationSource.kind : v.sourceKind,
        sourceDetail: keep(v.sourceDetail, extract.applicationSource.detail),
      }));
      setExtracted({
        postingUrl: extract.postingUrl,
        descriptionHtml: p.descriptionHtml,
        descriptionText: p.descriptionHtml ? null : p.descriptionText,
        employmentType: p.employmentType,
        datePosted: p.datePosted,
        validThrough: p.validThrough,
      });
      setMoreOpen(true);
      setDuplicates(found);
      const what = extract.status === 'complete' ? 'Read the posting' : 'Read part of the posting';
      setReadMessage([`${what}; check the fields below.`, ...extract.warnings].join(' '));
    },
    onError: (e) => {
      setReadMessage(
        isApiError(e) && e.isMissingRoute
          ? 'This server cannot read postings yet; fill in the fields yourself.'
          : describeError(e),
      );
    },
  });

  const buildInput = (allowDuplicate: boolean): ApplicationCreateInput => {
    const pasted = readPastedPosting(values.pasted);
    const posting: NonNullable<ApplicationCreateInput['posting']> = {};
    if (pasted && 'descriptionText' in pasted && !extracted) posting.descriptionText = pasted.descriptionText;
    if (extracted?.descriptionHtml) posting.descriptionHtml = extracted.descriptionHtml;
    if (extracted?.descriptionText) posting.descriptionText = extracted.descriptionText;
    if (extracted?.employmentType) posting.employmentType = extracted.employmentType;
    if (extracted?.datePosted) posting.datePosted = extracted.datePosted;
    if (extracted?.validThrough) posting.validThrough = extracted.validThrough;
    if (values.location.trim()) posting.location = values.location;
    if (values.remoteType) posting.remoteType = values.remoteType;
    if (values.salaryMin.trim()) posting.salaryMin = Number(values.salaryMin);
    if (values.salaryMax.trim()) posting.salaryMax = Number(values.salaryMax);
    if (values.salaryCurrency.trim()) posting.salaryCurrency = values.salaryCurrency.trim().toUpperCase();
    if (values.salaryPeriod) posting.salaryPeriod = values.salaryPeriod as (typeof salaryPeriods)[number];
    const tags = values.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    return {
      companyName: values.companyName,
      jobTitle: values.jobTitle,
      ...(pasted && 'postingUrl' in pasted
        ? { postingUrl: pasted.postingUrl }
        : extracted?.postingUrl
          ? { postingUrl: extracted.postingUrl }
          : {}),
      ...(Object.keys(posting).length > 0 ? { posting } : {}),
      stage: values.stage,
      ...(values.date && values.date !== today
        ? { stageAt: zonedToInstant(values.date, '12:00', timeZone) }
        : {}),
      source: { kind: values.sourceKind, detail: values.sourceDetail.trim() ? values.sourceDetail : null },
      priority: Number(values.priority),
      ...(tags.length > 0 ? { tags } : {}),
      ...(values.notes ? { notes: values.notes } : {}),
      ...(allowDuplicate ? { allowDuplicate: true } : {}),
    };
  };

  const save = (allowDuplicate: boolean) => {
    const input = buildInput(allowDuplicate);
    const found = validateWith(applicationCreateSchema, input);
    setIssues(found);
    setError(found.length > 0 ? 'Please check the fields marked below.' : null);
    if (found.length === 0) create.mutate(input);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(false);
  };

  return (
    <form className="quick-add" onSubmit={submit} noValidate>
      <FormErrors error={error} issues={issuesOutside(issues, shownFields)} />
      <TextAreaField
        label="Posting link or text"
        name="postingUrl"
        issues={issues}
        hint="Paste the job's web address, or the text of the posting. Both are optional."
        rows={2}
        // The dialog opens to add an application: typing starts here.
        autoFocus={autoFocus}
        {...input('pasted')}
      />
      <div className="read-posting">
        <button
          type="button"
          onClick={() => read.mutate()}
          disabled={read.isPending || !values.pasted.trim()}
        >
          {read.isPending ? 'Reading…' : 'Read the posting'}
        </button>
        <p className="hint" aria-live="polite">
          {readMessage ??
            'Optional: fills in the fields from the link or text. A link is fetched from the web.'}
        </p>
      </div>
      <div className="field-row">
        <Field label="Company" name="companyName" issues={issues} required>
          {(control) => (
            <>
              <input
                {...control}
                list={listId}
                autoComplete="off"
                value={values.companyName}
                onChange={(e) => set('companyName', e.target.value)}
              />
              <datalist id={listId}>
                {(companies.data ?? []).map((c) => (
                  <option key={c.id} value={c.name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <TextField
          label="Job title"
          name="jobTitle"
          issues={issues}
          required
          autoComplete="off"
          {...input('jobTitle')}
        />
      </div>
      <div className="field-row">
        <SelectField label="Stage" name="stage" issues={issues} {...input('stage')}>
          <Options values={activeStages} labels={stageLabels} />
        </SelectField>
        <TextField label="Since" name="stageAt" issues={issues} type="date" max={today} {...input('date')} />
      </div>
      <details
        className="more-fields"
        open={isMoreOpen}
        onToggle={(e) => setMoreOpen((e.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>More details: location, salary, source, tags, notes</summary>
        <div className="field-row">
          <TextField label="Location" name="posting.location" issues={issues} {...input('location')} />
          <SelectField label="Work place" name="posting.remoteType" issues={issues} {...input('remoteType')}>
            <option value="">Not said</option>
            <Options values={remoteTypes} labels={remoteLabels} />
          </SelectField>
        </div>
        <SalaryFields values={values} set={set} issues={issues} />
        <SourceFields values={values} set={set} issues={issues} />
        <TextAreaField label="Notes" name="notes" issues={issues} rows={3} {...input('notes')} />
      </details>
      {duplicates.length > 0 ? (
        <div className="duplicate-warning" role="alert">
          <p>
            <strong>You may already track this job.</strong> Nothing has been saved yet.
          </p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link to={applicationPath(d.id)}>
                  {d.jobTitle} at {d.companyName}
                </Link>{' '}
                ({d.reason === 'posting_url' ? 'same posting link' : 'same company and job title'})
              </li>
            ))}
          </ul>
          <div className="form-actions">
            <button
              type="button"
              className="button-primary"
              onClick={() => save(true)}
              disabled={create.isPending}
            >
              Add it anyway
            </button>
            <button type="button" onClick={() => setDuplicates([])}>
              Don’t add
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={create.isPending}>
            {create.isPending ? 'Saving…' : 'Add application'}
          </button>
        </div>
      )}
    </form>
  );
}
