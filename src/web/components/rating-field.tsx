import type { FieldIssue } from '../../core/errors.js';
import { Choice, FieldSet } from './field.js';

export const ratingLabels = ['', 'Badly', 'Not great', 'Okay', 'Well', 'Very well'] as const;

type RatingFieldProps = {
  readonly value: number | null;
  readonly onChange: (value: number | null) => void;
  readonly issues: readonly FieldIssue[];
  readonly legend?: string;
};

/** "How did it go?" from 1 to 5, as radio buttons so it works with arrows and a screen reader. */
export function RatingField({ value, onChange, issues, legend = 'How did it go?' }: RatingFieldProps) {
  return (
    <FieldSet legend={legend} names={['selfRating']} issues={issues} className="rating">
      <div className="rating-options">
        {[1, 2, 3, 4, 5].map((n) => (
          <Choice
            key={n}
            type="radio"
            name="selfRating"
            value={String(n)}
            checked={value === n}
            onChange={() => onChange(n)}
          >
            {n} · {ratingLabels[n]}
          </Choice>
        ))}
        <Choice
          type="radio"
          name="selfRating"
          value=""
          checked={value === null}
          onChange={() => onChange(null)}
        >
          Rather not say
        </Choice>
      </div>
    </FieldSet>
  );
}
