import type { FieldIssue } from '../../core/errors.js';
import type { RetrospectiveInput } from '../../core/retrospective.js';
import { retrospectiveQuestions } from '../labels.js';
import { TextAreaField } from './field.js';

/** A retrospective as its forms hold it: every answer present, empty when unanswered. */
export type RetrospectiveDraft = Required<RetrospectiveInput>;

export const emptyRetrospective: RetrospectiveDraft = { wentWell: '', wouldChange: '', theySaid: '' };

type RetrospectiveFieldsProps = {
  readonly values: RetrospectiveDraft;
  readonly set: (name: keyof RetrospectiveDraft, value: string) => void;
  readonly issues: readonly FieldIssue[];
};

/**
 * The three retrospective questions, asked alike by the retrospective form and the end-application dialog.
 * Only types come from the core schema module: the board's script opens the dialog without loading zod.
 */
export function RetrospectiveFields({ values, set, issues }: RetrospectiveFieldsProps) {
  return retrospectiveQuestions.map(([name, label]) => (
    <TextAreaField
      key={name}
      label={label}
      name={name}
      issues={issues}
      rows={2}
      value={values[name]}
      onChange={(value) => set(name, value)}
    />
  ));
}
