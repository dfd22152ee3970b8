import type { ReactNode } from 'react';
import type { FieldIssue } from '../../core/errors.js';
import { Field } from './field.js';

type FileFieldProps = {
  readonly label: string;
  /** The field's name in `issues`: what is wrong with the chosen file shows under the input. */
  readonly name: string;
  readonly issues: readonly FieldIssue[];
  readonly hint?: ReactNode;
  /** The input's `accept` list: extensions and media types. */
  readonly accept: string;
  readonly onChoose: (file: File | undefined) => void;
};

/** A labelled file picker with its hint and errors, as the import pages and the tailoring check use it. */
export function FileField({ label, name, issues, hint, accept, onChoose }: FileFieldProps) {
  return (
    <Field label={label} name={name} issues={issues} hint={hint}>
      {(control) => (
        <input {...control} type="file" accept={accept} onChange={(e) => onChoose(e.target.files?.[0])} />
      )}
    </Field>
  );
}
