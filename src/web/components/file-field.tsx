import { useId } from 'react';

type FileFieldProps = {
  readonly label: string;
  /** The input's `accept` list: extensions and media types. */
  readonly accept: string;
  /** What is wrong with the chosen file; shown under the input and tied to it for screen readers. */
  readonly messages: readonly string[];
  readonly onChoose: (file: File | undefined) => void;
};

/** A labelled file picker with its errors, as the import pages use it. */
export function FileField({ label, accept, messages, onChoose }: FileFieldProps) {
  const id = useId();
  const isInvalid = messages.length > 0;
  return (
    <div className={`field${isInvalid ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept={accept}
        aria-invalid={isInvalid}
        aria-describedby={isInvalid ? `${id}-error` : undefined}
        onChange={(e) => onChoose(e.target.files?.[0])}
      />
      {isInvalid ? (
        <p className="field-error" id={`${id}-error`}>
          {messages.join('; ')}
        </p>
      ) : null}
    </div>
  );
}
