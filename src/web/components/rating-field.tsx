import type { FieldIssue } from '../../core/errors.js';
import { messagesFor } from '../field-issues.js';

export const ratingLabels = ['', 'Badly', 'Not great', 'Okay', 'Well', 'Very well'] as const;

type RatingFieldProps = {
  readonly value: number | null;
  readonly onChange: (value: number | null) => void;
  readonly issues: readonly FieldIssue[];
  readonly legend?: string;
};

/** "How did it go?" from 1 to 5, as radio buttons so it works with arrows and a screen reader. */
export function RatingField({ value, onChange, issues, legend = 'How did it go?' }: RatingFieldProps) {
  const messages = messagesFor(issues, 'selfRating');
  return (
    <fieldset className="rating">
      <legend>{legend}</legend>
      <div className="rating-options">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="choice">
            <input
              type="radio"
              name="selfRating"
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
            />
            <span>
              {n} · {ratingLabels[n]}
            </span>
          </label>
        ))}
        <label className="choice">
          <input
            type="radio"
            name="selfRating"
            value=""
            checked={value === null}
            onChange={() => onChange(null)}
          />
          <span>Rather not say</span>
        </label>
      </div>
      {messages.length > 0 ? <p className="field-error">{messages.join('; ')}</p> : null}
    </fieldset>
  );
}
