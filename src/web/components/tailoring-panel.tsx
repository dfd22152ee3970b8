import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { Application } from '../../core/application.js';
import type { FieldIssue } from '../../core/errors.js';
import type {
  CoverLetterChecks as CoverLetterChecksResult,
  TailoringCheck,
  TailoringKeyword,
} from '../../core/tailoring-check.js';
import type { TailoringRequestInput } from '../api-client.js';
import { describeError, isApiError } from '../api-error.js';
import { issuesOutside } from '../field-issues.js';
import { fileTooLarge, maxResumeBytes, readUploadedFile } from '../file-upload.js';
import { useApi } from '../hooks/use-api.js';
import { queryKeys, useLatestTailoring, useUserClock } from '../queries.js';
import { explainTailoringError, postingSectionLabels } from '../tailoring-view.js';
import { formatDateTime } from '../zoned-time.js';
import { Choice, FieldSet, FormErrors, TextAreaField, TextField } from './field.js';
import { FileField } from './file-field.js';
import { useNotices } from './notices.js';

/** The file types the tailoring check reads; the server decides by content, this only filters the picker. */
const acceptedFiles =
  '.pdf,.docx,.txt,.md,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain';

/**
 * The tailoring check of one application: the latest result (score, covered and missing keywords with
 * where the posting asks for them, cover-letter checks, the formula) and a form to check a resume, pasted
 * or uploaded, against the posting.
 */
export function TailoringPanel({ application }: { readonly application: Application }) {
  const latest = useLatestTailoring(application.id);
  const check = latest.data ?? null;
  const [isFormOpen, setFormOpen] = useState(false);
  const hasPostingText = Boolean(application.posting.descriptionText?.trim());
  const form = (
    <TailoringForm
      application={application}
      onChecked={() => setFormOpen(false)}
      hasPostingText={hasPostingText}
    />
  );
  return (
    <section className="panel tailoring" aria-labelledby="tailoring-title">
      <h2 id="tailoring-title">Tailoring check</h2>
      {latest.isError ? <p className="form-errors">{describeError(latest.error)}</p> : null}
      {check ? (
        <>
          <TailoringResult check={check} />
          <details
            className="tailoring-again"
            open={isFormOpen}
            onToggle={(e) => setFormOpen(e.currentTarget.open)}
          >
            <summary>Check another resume</summary>
            {isFormOpen ? form : null}
          </details>
        </>
      ) : (
        <>
          <p>
            See which of the posting’s key skills and phrases your resume covers, which are missing and where
            the posting asks for them. Paste the text or upload the file (PDF, DOCX or text); it stays on this
            machine.
          </p>
          {form}
        </>
      )}
    </section>
  );
}

function TailoringResult({ check }: { check: TailoringCheck }) {
  const { analysis } = check;
  const { timeZone, locale } = useUserClock();
  return (
    <div className="tailoring-result">
      <p className="tailoring-score">
        {check.score === null ? (
          'No score: the posting gave no keywords to match.'
        ) : (
          <>
            <span className="score-value">{check.score}</span> <span>of 100 match</span>
          </>
        )}
      </p>
      <p className="muted small">
        {check.resumeName ? `Resume “${check.resumeName}”, checked` : 'Checked'}{' '}
        {formatDateTime(check.createdAt, timeZone, locale)}
      </p>
      <h3>
        Missing from your resume <span className="count">{analysis.missing.length}</span>
      </h3>
      {analysis.missing.length === 0 ? (
        <p className="muted">Nothing: your resume names every keyword hearback found in the posting.</p>
      ) : (
        <ul className="plain-list keyword-missing">
          {analysis.missing.map((keyword) => (
            <MissingKeyword key={keyword.canonical} keyword={keyword} />
          ))}
        </ul>
      )}
      <h3>
        Covered <span className="count">{analysis.covered.length}</span>
      </h3>
      {analysis.covered.length === 0 ? (
        <p className="muted">None of the posting’s keywords were found in your resume.</p>
      ) : (
        <ul className="keyword-chips">
          {analysis.covered.map((keyword) => (
            <li key={keyword.canonical} className="chip">
              {keyword.term}
            </li>
          ))}
        </ul>
      )}
      {analysis.coverLetterChecks ? <CoverLetterChecks checks={analysis.coverLetterChecks} /> : null}
      {analysis.formula ? (
        <details className="tailoring-formula">
          <summary>How the score is computed</summary>
          <p className="small">{analysis.formula}</p>
        </details>
      ) : null}
    </div>
  );
}

function MissingKeyword({ keyword }: { keyword: TailoringKeyword }) {
  return (
    <li className="keyword">
      <strong>{keyword.term}</strong>
      {keyword.inCoverLetter ? <span className="muted small"> (your cover letter names it)</span> : null}
      {keyword.inPosting.length > 0 ? (
        <ul className="excerpts">
          {keyword.inPosting.map((place) => (
            <li key={`${place.section}:${place.excerpt}`}>
              <span className="muted small">In the {postingSectionLabels[place.section]}: </span>
              <q>
                <Highlighted text={place.excerpt} term={keyword.term} />
              </q>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The excerpt with the first mention of the keyword marked; text only, so nothing in it is markup. */
function Highlighted({ text, term }: { text: string; term: string }) {
  const at = text.toLowerCase().indexOf(term.toLowerCase());
  if (at < 0 || term === '') return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + term.length)}</mark>
      {text.slice(at + term.length)}
    </>
  );
}

function CoverLetterChecks({ checks }: { checks: CoverLetterChecksResult }) {
  const answer = (value: boolean | null, unknown: string) =>
    value === null ? unknown : value ? 'Yes' : 'No';
  const top = checks.addressesTopRequirements;
  return (
    <>
      <h3>Cover letter</h3>
      <dl className="checks">
        <div>
          <dt>Names the company</dt>
          <dd>{answer(checks.namesCompany, 'Company not known')}</dd>
        </div>
        <div>
          <dt>Names the role</dt>
          <dd>{answer(checks.namesRole, 'Role not known')}</dd>
        </div>
        <div>
          <dt>Addresses the top requirements</dt>
          <dd>
            {top.passed === null
              ? 'The posting lists no clear requirements'
              : `${top.passed ? 'Yes' : 'Not yet'}: ${top.addressed.length} of ${top.top.length}`}
            {top.missing.length > 0 ? (
              <span className="muted">; not mentioned: {top.missing.join(', ')}</span>
            ) : null}
          </dd>
        </div>
      </dl>
    </>
  );
}

type DocumentChoice = { readonly mode: 'text' | 'file'; readonly text: string; readonly file: File | null };

const emptyDocument: DocumentChoice = { mode: 'text', text: '', file: null };

type TailoringFormProps = {
  readonly application: Application;
  readonly hasPostingText: boolean;
  readonly onChecked: () => void;
};

function TailoringForm({ application, hasPostingText, onChecked }: TailoringFormProps) {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const [resume, setResume] = useState<DocumentChoice>(emptyDocument);
  const [coverLetter, setCoverLetter] = useState<DocumentChoice>(emptyDocument);
  const [resumeName, setResumeName] = useState(application.resume?.name ?? '');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);

  const check = useMutation({
    mutationFn: (input: TailoringRequestInput) => api.checkTailoring(application.id, input),
    onSuccess: async (saved) => {
      client.setQueryData(queryKeys.tailoring(application.id), saved);
      setIssues([]);
      setError(null);
      notify(saved.score === null ? 'Tailoring check done' : `Tailoring check done: ${saved.score} of 100`);
      onChecked();
      // The diagnosis weighs the tailoring score.
      await client.invalidateQueries({ queryKey: queryKeys.diagnosis(application.id) });
    },
    onError: (e) => {
      setError(explainTailoringError(e));
      setIssues(isApiError(e) ? [...e.issues] : []);
    },
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = [
      ...checkDocument('resume', resume, true),
      ...checkDocument('coverLetter', coverLetter, false),
    ];
    if (found.length > 0) {
      setIssues(found);
      setError('Please check the fields marked below.');
      return;
    }
    let input: TailoringRequestInput;
    try {
      const resumeInput = await toDocumentInput(resume);
      const coverLetterInput = await toDocumentInput(coverLetter);
      input = {
        resume: resumeInput ?? { text: '' },
        ...(coverLetterInput ? { coverLetter: coverLetterInput } : {}),
        ...(resumeName.trim() ? { resumeName: resumeName.trim() } : {}),
      };
    } catch (e) {
      setError(`The file could not be read: ${describeError(e)}`);
      return;
    }
    setIssues([]);
    setError(null);
    check.mutate(input);
  };

  const shown = ['resume', 'coverLetter', 'resumeName'];
  return (
    <form onSubmit={submit} noValidate className="tailoring-form">
      {hasPostingText ? null : (
        <p className="warning-box">
          This application has no posting text yet. The check compares your resume with the posting’s
          description: add it under <strong>Edit details</strong> first.
        </p>
      )}
      <FormErrors error={error} issues={issuesOutside(issues, shown)} />
      <DocumentChoiceFields
        legend="Resume"
        name="resume"
        value={resume}
        onChange={setResume}
        issues={issues}
      />
      <TextField
        label="Resume version"
        name="resumeName"
        issues={issues}
        hint="A name to tell versions apart, such as “backend v3”; optional"
        value={resumeName}
        onChange={setResumeName}
      />
      <details className="more-fields">
        <summary>Add a cover letter (optional)</summary>
        <DocumentChoiceFields
          legend="Cover letter"
          name="coverLetter"
          value={coverLetter}
          onChange={setCoverLetter}
          issues={issues}
        />
      </details>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={check.isPending}>
          {check.isPending ? 'Checking…' : 'Check my resume'}
        </button>
      </div>
    </form>
  );
}

/** The problems the browser can see before sending: nothing given, or a file over the size limit. */
function checkDocument(name: string, value: DocumentChoice, isRequired: boolean): FieldIssue[] {
  if (value.mode === 'file') {
    if (!value.file) return isRequired ? [{ field: `${name}.file`, message: 'choose a file' }] : [];
    const tooLarge = fileTooLarge(value.file, maxResumeBytes);
    return tooLarge ? [{ field: `${name}.file`, message: tooLarge }] : [];
  }
  if (isRequired && !value.text.trim()) {
    return [{ field: `${name}.text`, message: 'paste the text, or upload the file instead' }];
  }
  return [];
}

async function toDocumentInput(value: DocumentChoice): Promise<TailoringRequestInput['resume'] | null> {
  if (value.mode === 'file') return value.file ? { file: await readUploadedFile(value.file) } : null;
  return value.text.trim() ? { text: value.text } : null;
}

type DocumentChoiceFieldsProps = {
  readonly legend: string;
  readonly name: 'resume' | 'coverLetter';
  readonly value: DocumentChoice;
  readonly onChange: (value: DocumentChoice) => void;
  readonly issues: readonly FieldIssue[];
};

/** A resume or cover letter to check, pasted as text or uploaded as a file (unlike the application page's
 * `DocumentFields`, which records what was sent). */
function DocumentChoiceFields({ legend, name, value, onChange, issues }: DocumentChoiceFieldsProps) {
  const id = useId();
  const label = legend.toLowerCase();
  return (
    <FieldSet
      legend={legend}
      names={[name]}
      issues={issues.filter((i) => i.field === name)}
      className="document"
    >
      <div className="choice-row" role="radiogroup" aria-label={`How to give your ${label}`}>
        <Choice
          type="radio"
          name={`${id}-mode`}
          checked={value.mode === 'text'}
          onChange={() => onChange({ ...value, mode: 'text' })}
        >
          Paste the text
        </Choice>
        <Choice
          type="radio"
          name={`${id}-mode`}
          checked={value.mode === 'file'}
          onChange={() => onChange({ ...value, mode: 'file' })}
        >
          Upload a file
        </Choice>
      </div>
      {value.mode === 'text' ? (
        <TextAreaField
          label={`Text of your ${label}`}
          name={`${name}.text`}
          issues={issues}
          rows={8}
          value={value.text}
          onChange={(text) => onChange({ ...value, text })}
        />
      ) : (
        <FileField
          label={`${legend} file`}
          name={`${name}.file`}
          issues={issues}
          hint="PDF, DOCX or plain text, up to 10 MB. A scanned PDF has no text to read."
          accept={acceptedFiles}
          onChoose={(file) => onChange({ ...value, file: file ?? null })}
        />
      )}
    </FieldSet>
  );
}
