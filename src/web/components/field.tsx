import { type ReactNode, useId } from 'react';
import type { FieldIssue } from '../../core/errors.js';
import { messagesFor } from '../field-issues.js';

export type ControlProps = {
  readonly id: string;
  readonly name: string;
  readonly 'aria-invalid': boolean;
  readonly 'aria-describedby': string | undefined;
  readonly required: boolean | undefined;
};

type FieldProps = {
  readonly label: ReactNode;
  /** The field's name as the API reports it in `details.issues` (dotted for nested fields). */
  readonly name: string;
  readonly issues: readonly FieldIssue[];
  readonly hint?: ReactNode;
  readonly required?: boolean;
  readonly className?: string;
  readonly children: (control: ControlProps) => ReactNode;
};

/**
 * A labelled form control with its hint and the messages the API (or the same schema in the browser) gave
 * for its field, linked to the control so screen readers read them with it.
 */
export function Field({ label, name, issues, hint, required, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const messages = messagesFor(issues, name);
  const describedBy = [hint ? hintId : null, messages.length > 0 ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={`field${messages.length > 0 ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {/* The control carries `required`, which screen readers announce; the words are for sighted users. */}
        {required ? (
          <span className="required-mark" aria-hidden="true">
            {' '}
            (required)
          </span>
        ) : null}
      </label>
      {children({
        id,
        name,
        'aria-invalid': messages.length > 0,
        'aria-describedby': describedBy || undefined,
        required,
      })}
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {messages.length > 0 ? (
        <p className="field-error" id={errorId}>
          {messages.join('; ')}
        </p>
      ) : null}
    </div>
  );
}

type FormErrorsProps = {
  readonly error: string | null;
  readonly issues?: readonly FieldIssue[];
};

/** What went wrong that no single field shows: the message, and issues about fields not on the form. */
export function FormErrors({ error, issues = [] }: FormErrorsProps) {
  if (!error && issues.length === 0) return null;
  return (
    <div className="form-errors" role="alert">
      {error ? <p>{error}</p> : null}
      {issues.length > 0 ? (
        <ul>
          {issues.map((issue) => (
            <li key={`${issue.field}:${issue.message}`}>
              <span className="code">{issue.field}</span>: {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
