import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import type { FieldIssue } from '../../core/errors.js';
import { messagesFor } from '../field-issues.js';

export type ControlProps = {
  readonly id: string;
  readonly name: string;
  readonly 'aria-invalid': boolean;
  readonly 'aria-describedby': string | undefined;
  readonly required: boolean | undefined;
};

type FieldFrameProps = {
  readonly label: ReactNode;
  /** The field's name as the API reports it in `details.issues` (dotted for nested fields). */
  readonly name: string;
  /** What the API or the browser's check found; the messages for `name` show under the control. */
  readonly issues?: readonly FieldIssue[];
  readonly hint?: ReactNode;
  readonly required?: boolean;
  readonly className?: string;
};

type FieldProps = FieldFrameProps & {
  readonly children: (control: ControlProps) => ReactNode;
};

/** Ids for a hint and an error message, and the `aria-describedby` that names those shown. */
function useDescriptions(hasHint: boolean, hasError: boolean) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hasHint ? hintId : null, hasError ? errorId : null].filter(Boolean).join(' ');
  return { id, hintId, errorId, describedBy: describedBy || undefined };
}

function Descriptions({
  hint,
  hintId,
  messages,
  errorId,
}: {
  readonly hint: ReactNode;
  readonly hintId: string;
  readonly messages: readonly string[];
  readonly errorId: string;
}) {
  return (
    <>
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
    </>
  );
}

/**
 * A labelled form control with its hint and the messages the API (or the same schema in the browser) gave
 * for its field, linked to the control so screen readers read them with it. The control itself comes from
 * `children`; `TextField`, `TextAreaField` and `SelectField` below cover the usual ones.
 */
export function Field({ label, name, issues = [], hint, required, className, children }: FieldProps) {
  const messages = messagesFor(issues, name);
  const { id, hintId, errorId, describedBy } = useDescriptions(Boolean(hint), messages.length > 0);
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
        'aria-describedby': describedBy,
        required,
      })}
      <Descriptions hint={hint} hintId={hintId} messages={messages} errorId={errorId} />
    </div>
  );
}

/** What the Field sets on the control; the rest of a control's attributes pass through. */
type Wired = 'id' | 'name' | 'required' | 'value' | 'onChange' | 'aria-invalid' | 'aria-describedby';

type ValueProps<T extends string> = {
  readonly value: T;
  readonly onChange: (value: T) => void;
};

/** Splits a field's props into the frame's (label, hint, issues…) and the control's own attributes. */
function splitFrame<P extends FieldFrameProps>({
  label,
  name,
  issues,
  hint,
  required,
  className,
  ...rest
}: P) {
  return [{ label, name, issues, hint, required, className }, rest] as const;
}

type TextFieldProps = FieldFrameProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, Wired> &
  ValueProps<string>;

/** A labelled `<input>` (text, email, url, date, time…) holding a string. */
export function TextField(props: TextFieldProps) {
  const [frame, { value, onChange, ...input }] = splitFrame(props);
  return (
    <Field {...frame}>
      {(control) => (
        <input {...input} {...control} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

type TextAreaFieldProps = FieldFrameProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Wired> &
  ValueProps<string>;

/** A labelled `<textarea>`. */
export function TextAreaField(props: TextAreaFieldProps) {
  const [frame, { value, onChange, ...textarea }] = splitFrame(props);
  return (
    <Field {...frame}>
      {(control) => (
        <textarea {...textarea} {...control} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

type SelectFieldProps<T extends string> = FieldFrameProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, Wired> &
  ValueProps<T> & {
    /** The `<option>`s; `onChange` receives one of their values, so they must all be `T`s. */
    readonly children: ReactNode;
  };

/** A labelled `<select>`; its `<option>`s are the children (`Options` writes the usual list). */
export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const [frame, { value, onChange, children, ...select }] = splitFrame(props);
  return (
    <Field {...frame}>
      {(control) => (
        <select {...select} {...control} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {children}
        </select>
      )}
    </Field>
  );
}

type OptionsProps<T extends string> = {
  readonly values: readonly T[];
  /** The words shown for each value (a label table or a function); without it the value itself is shown. */
  readonly labels?: Readonly<Record<T, string>> | ((value: T) => string);
};

/** One `<option>` per value, labelled from a label table. */
export function Options<T extends string>({ values, labels }: OptionsProps<T>) {
  return values.map((value) => (
    <option key={value} value={value}>
      {typeof labels === 'function' ? labels(value) : labels ? labels[value] : value}
    </option>
  ));
}

type ChoiceProps = {
  readonly type?: 'checkbox' | 'radio';
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  /** For radios: the group's name. */
  readonly name?: string;
  readonly value?: string;
  readonly disabled?: boolean;
  readonly children: ReactNode;
};

/** A checkbox or radio button with its words beside it, all of it clickable. */
export function Choice({
  type = 'checkbox',
  checked,
  onChange,
  name,
  value,
  disabled,
  children,
}: ChoiceProps) {
  return (
    <label className="choice">
      <input
        type={type}
        name={name}
        value={value}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>{children}</span>
    </label>
  );
}

type FieldSetProps = {
  readonly legend: ReactNode;
  /** The fields whose messages are shown under the group (with their parts, as `messagesFor` reads them). */
  readonly names: readonly string[];
  readonly issues: readonly FieldIssue[];
  readonly hint?: ReactNode;
  readonly className?: string;
  readonly children: ReactNode;
};

/**
 * A group of choices (radios, checkboxes) under one legend, with the group's hint and messages tied to it
 * by `aria-describedby`, so a screen reader reads them when the group is entered.
 */
export function FieldSet({ legend, names, issues, hint, className, children }: FieldSetProps) {
  const messages = names.flatMap((name) => messagesFor(issues, name));
  const { hintId, errorId, describedBy } = useDescriptions(Boolean(hint), messages.length > 0);
  return (
    <fieldset
      className={`${className ?? ''}${messages.length > 0 ? ' field-invalid' : ''}`.trim() || undefined}
      aria-describedby={describedBy}
    >
      <legend>{legend}</legend>
      {children}
      <Descriptions hint={hint} hintId={hintId} messages={messages} errorId={errorId} />
    </fieldset>
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
