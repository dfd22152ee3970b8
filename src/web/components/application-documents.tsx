import { useState } from 'react';
import type { Application, SentDocument } from '../../core/application.js';
import type { FieldIssue } from '../../core/errors.js';
import type { ApplicationUpdateInput } from '../api-client.js';
import { UpdateForm } from './application-update-form.js';
import { FieldSet, TextAreaField, TextField } from './field.js';

/** The resume and cover letter sent with the application: a version, where the file is, its text. */
export function DocumentsSection({ application }: { application: Application }) {
  const [resume, setResume] = useState(toDocumentValues(application.resume));
  const [coverLetter, setCoverLetter] = useState(toDocumentValues(application.coverLetter));
  const input: ApplicationUpdateInput = {
    resume: fromDocumentValues(resume),
    coverLetter: fromDocumentValues(coverLetter),
  };
  const isDirty =
    JSON.stringify(input.resume) !== JSON.stringify(application.resume) ||
    JSON.stringify(input.coverLetter) !== JSON.stringify(application.coverLetter);
  return (
    <section className="panel" aria-labelledby="documents-title">
      <h2 id="documents-title">Documents sent</h2>
      <UpdateForm
        application={application}
        input={input}
        fields={['resume', 'coverLetter']}
        saveLabel="Save documents"
        isDirty={isDirty}
      >
        {(issues) => (
          <>
            <DocumentFields
              legend="Resume"
              name="resume"
              value={resume}
              onChange={setResume}
              issues={issues}
            />
            <DocumentFields
              legend="Cover letter"
              name="coverLetter"
              value={coverLetter}
              onChange={setCoverLetter}
              issues={issues}
            />
          </>
        )}
      </UpdateForm>
    </section>
  );
}

type DocumentValues = { name: string; fileRef: string; text: string };

function toDocumentValues(doc: SentDocument | null): DocumentValues {
  return { name: doc?.name ?? '', fileRef: doc?.fileRef ?? '', text: doc?.text ?? '' };
}

function fromDocumentValues(v: DocumentValues): SentDocument | null {
  if (!v.name.trim() && !v.fileRef.trim() && !v.text.trim()) return null;
  return {
    name: v.name.trim() ? v.name : null,
    text: v.text.trim() ? v.text : null,
    fileRef: v.fileRef.trim() ? v.fileRef : null,
  };
}

type DocumentFieldsProps = {
  readonly legend: string;
  readonly name: 'resume' | 'coverLetter';
  readonly value: DocumentValues;
  readonly onChange: (value: DocumentValues) => void;
  readonly issues: readonly FieldIssue[];
};

function DocumentFields({ legend, name, value, onChange, issues }: DocumentFieldsProps) {
  return (
    <FieldSet
      legend={legend}
      names={[name]}
      issues={issues.filter((i) => i.field === name)}
      className="document"
    >
      <TextField
        label="Version or file name"
        name={`${name}.name`}
        issues={issues}
        value={value.name}
        onChange={(text) => onChange({ ...value, name: text })}
      />
      <TextField
        label="Where the file is"
        name={`${name}.fileRef`}
        issues={issues}
        hint="A path or a link"
        value={value.fileRef}
        onChange={(fileRef) => onChange({ ...value, fileRef })}
      />
      <details>
        <summary>Text of the {legend.toLowerCase()}</summary>
        <TextAreaField
          label="Text"
          name={`${name}.text`}
          issues={issues}
          rows={6}
          value={value.text}
          onChange={(text) => onChange({ ...value, text })}
        />
      </details>
    </FieldSet>
  );
}
