import { type SourceKind, salaryPeriods, sourceKinds } from '../../core/application-values.js';
import type { FieldIssue } from '../../core/errors.js';
import { sourceLabels } from '../labels.js';
import { Options, SelectField, TextField } from './field.js';

/** What quick add and the details form both ask about an application, as the forms hold it: text. */
export type ApplicationFieldValues = {
  readonly salaryMin: string;
  readonly salaryMax: string;
  readonly salaryCurrency: string;
  readonly salaryPeriod: string;
  readonly sourceKind: SourceKind;
  readonly sourceDetail: string;
  readonly priority: string;
  readonly tags: string;
};

type ApplicationFieldsProps = {
  readonly values: ApplicationFieldValues;
  readonly set: (key: keyof ApplicationFieldValues, value: string) => void;
  readonly issues: readonly FieldIssue[];
};

function bindTo({ values, set }: ApplicationFieldsProps) {
  return <K extends keyof ApplicationFieldValues>(key: K) => ({
    value: values[key],
    onChange: (value: ApplicationFieldValues[K]) => set(key, value),
  });
}

/** The posting's salary: from, to, currency and period, on one row. */
export function SalaryFields(props: ApplicationFieldsProps) {
  const { issues } = props;
  const input = bindTo(props);
  return (
    <div className="field-row field-row-4">
      <TextField
        label="Salary from"
        name="posting.salaryMin"
        issues={issues}
        inputMode="decimal"
        {...input('salaryMin')}
      />
      <TextField
        label="Salary to"
        name="posting.salaryMax"
        issues={issues}
        inputMode="decimal"
        {...input('salaryMax')}
      />
      <TextField
        label="Currency"
        name="posting.salaryCurrency"
        issues={issues}
        hint="e.g. USD, EUR"
        maxLength={3}
        {...input('salaryCurrency')}
      />
      <SelectField label="Per" name="posting.salaryPeriod" issues={issues} {...input('salaryPeriod')}>
        <option value="">Not said</option>
        <Options values={salaryPeriods} />
      </SelectField>
    </div>
  );
}

/** Where the job was found, its priority and its tags. */
export function SourceFields(props: ApplicationFieldsProps) {
  const { issues } = props;
  const input = bindTo(props);
  return (
    <>
      <div className="field-row">
        <SelectField label="Source" name="source.kind" issues={issues} {...input('sourceKind')}>
          <Options values={sourceKinds} labels={sourceLabels} />
        </SelectField>
        <TextField
          label="Source detail"
          name="source.detail"
          issues={issues}
          hint="Which board, or who referred you"
          {...input('sourceDetail')}
        />
      </div>
      <div className="field-row">
        <SelectField
          label="Priority"
          name="priority"
          issues={issues}
          hint="1 (low) to 5 (dream job)"
          {...input('priority')}
        >
          <Options values={['1', '2', '3', '4', '5']} />
        </SelectField>
        <TextField label="Tags" name="tags" issues={issues} hint="Separated by commas" {...input('tags')} />
      </div>
    </>
  );
}
