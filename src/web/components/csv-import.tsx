import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { csvFormatChoices } from '../../core/csv-formats.js';
import type { CsvFormatId } from '../../core/csv-import.js';
import type { FieldIssue } from '../../core/errors.js';
import {
  defaultHistoryChoice,
  describeQuietApplications,
  type HistoryChoice,
  historyChoiceLabels,
  historyChoiceResults,
  historyChoices,
} from '../../core/history-choice.js';
import { type Outcome, outcomeLabels, type Stage, stageLabels } from '../../core/pipeline-values.js';
import type { CsvImportChoices, CsvImportReport } from '../api-client.js';
import { describeError, isApiError } from '../api-error.js';
import {
  type CsvPreviewRow,
  type CsvPreviewView,
  type CsvRowAction,
  csvTargetLabels,
  csvTargets,
  describeCsvIssue,
  historyChoiceHints,
  pageOfRows,
  toCsvPreviewView,
} from '../csv-import-view.js';
import { messagesFor } from '../field-issues.js';
import { fileTooLarge, maxCsvBytes, readTextFile } from '../file-upload.js';
import { useApi } from '../hooks/use-api.js';
import { refreshAfterChange } from '../queries.js';
import { Choice, SelectField } from './field.js';
import { FileField } from './file-field.js';
import { Link } from './link.js';
import { useNotices } from './notices.js';

type Choices = {
  readonly overrides: Readonly<Record<string, string>>;
  readonly format: CsvFormatId | '';
  readonly dateOrder: '' | 'mdy' | 'dmy';
  readonly skipInvalidRows: boolean;
  readonly allowDuplicates: boolean;
};

const initialChoices: Choices = {
  overrides: {},
  format: '',
  dateOrder: '',
  skipInvalidRows: false,
  allowDuplicates: false,
};

const actionLabels: Readonly<Record<CsvRowAction, string>> = {
  create: 'Create',
  duplicate: 'Duplicate',
  error: 'Error',
};

const filterLabels: Readonly<Record<CsvRowAction | 'all', string>> = {
  all: 'All rows',
  create: 'To create',
  duplicate: 'Duplicates',
  error: 'Errors',
};

function toRequestChoices(choices: Choices): CsvImportChoices {
  return {
    ...(Object.keys(choices.overrides).length > 0 ? { mapping: choices.overrides } : {}),
    ...(choices.format ? { format: choices.format } : {}),
    ...(choices.dateOrder ? { dateOrder: choices.dateOrder } : {}),
    ...(choices.skipInvalidRows ? { skipInvalidRows: true } : {}),
    ...(choices.allowDuplicates ? { allowDuplicates: true } : {}),
  };
}

/**
 * CSV import in three steps: choose a file; check the preview (the detected format, what each column
 * fills, how dates are read, and what happens to each row), changing any column's field; then import, all
 * or nothing unless the user chooses to skip the rows with errors.
 */
export function CsvImport() {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [choices, setChoices] = useState<Choices>(initialChoices);
  // Apart from the other choices: it changes what the import does, not what the preview shows.
  const [history, setHistory] = useState<HistoryChoice>(defaultHistoryChoice);
  const [preview, setPreview] = useState<CsvPreviewView | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<CsvImportReport | null>(null);

  const runPreview = useMutation({
    mutationFn: async (input: { text: string; choices: Choices }) => {
      return toCsvPreviewView(await api.previewCsvImport(input.text, toRequestChoices(input.choices)));
    },
    onSuccess: (answer) => {
      setPreview(answer);
      setIssues([]);
      setError(null);
    },
    onError: (e) => {
      setError(describeError(e));
      setIssues(isApiError(e) ? [...e.issues] : []);
    },
  });

  const runImport = useMutation({
    mutationFn: (input: { text: string; choices: Choices; history: HistoryChoice }) =>
      api.importCsv(input.text, { ...toRequestChoices(input.choices), history: input.history }),
    onSuccess: async (result) => {
      setReport(result);
      setError(null);
      notify(`Imported ${result.created} ${result.created === 1 ? 'application' : 'applications'}`);
      await refreshAfterChange(client);
    },
    onError: (e) => {
      setError(describeError(e));
      setIssues(isApiError(e) ? [...e.issues] : []);
    },
  });

  const choose = async (file: File | undefined) => {
    setReport(null);
    setPreview(null);
    setChoices(initialChoices);
    setHistory(defaultHistoryChoice);
    setIssues([]);
    setError(null);
    if (!file) {
      setCsv(null);
      return;
    }
    const tooLarge = fileTooLarge(file, maxCsvBytes);
    if (tooLarge) {
      setCsv(null);
      setIssues([{ field: 'csv', message: tooLarge }]);
      return;
    }
    const text = await readTextFile(file);
    setCsv({ name: file.name, text });
    runPreview.mutate({ text, choices: initialChoices });
  };

  const change = (next: Partial<Choices>) => {
    const updated = { ...choices, ...next };
    setChoices(updated);
    setReport(null);
    if (csv) runPreview.mutate({ text: csv.text, choices: updated });
  };

  const otherIssues = issues.filter(
    (i) => !(i.field === 'csv' || i.field.startsWith('csv.') || i.field.startsWith('mapping.')),
  );
  return (
    <div className="csv-import">
      <p>
        A spreadsheet of your applications, or the CSV export of Huntr, Teal, LinkedIn (Job Applications.csv,
        Saved Jobs.csv) or JobSync. hearback recognises the columns; you can change what each one fills before
        anything is saved.
      </p>
      <FileField
        label="CSV file"
        accept=".csv,.tsv,.txt,text/csv,text/plain"
        name="csv"
        issues={issues}
        onChoose={(file) => void choose(file)}
      />
      {error || otherIssues.length > 0 ? (
        <div className="form-errors" role="alert">
          {error ? <p>{error}</p> : null}
          {otherIssues.length > 0 ? (
            <ul>
              {otherIssues.map((issue) => (
                <li key={`${issue.field}:${issue.message}`}>{issue.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {runPreview.isPending && !preview ? <p className="muted">Reading the file…</p> : null}
      {report ? <ImportReport report={report} /> : null}
      {preview?.isEmpty && !report ? (
        <p className="warning-box" role="status">
          This file has a header row but no rows under it, so there is nothing to import. Choose the file that
          holds your applications.
        </p>
      ) : null}
      {preview && !preview.isEmpty && csv && !report ? (
        <PreviewDetails
          preview={preview}
          choices={choices}
          history={history}
          issues={issues}
          isBusy={runPreview.isPending || runImport.isPending}
          onChange={change}
          onHistoryChange={(next) => {
            setHistory(next);
            setReport(null);
          }}
          onImport={() => runImport.mutate({ text: csv.text, choices, history })}
          isImporting={runImport.isPending}
        />
      ) : null}
    </div>
  );
}

type PreviewDetailsProps = {
  readonly preview: CsvPreviewView;
  readonly choices: Choices;
  readonly history: HistoryChoice;
  readonly issues: readonly FieldIssue[];
  readonly isBusy: boolean;
  readonly isImporting: boolean;
  readonly onChange: (next: Partial<Choices>) => void;
  readonly onHistoryChange: (next: HistoryChoice) => void;
  readonly onImport: () => void;
};

function PreviewDetails({
  preview,
  choices,
  history,
  issues,
  isBusy,
  isImporting,
  onChange,
  onHistoryChange,
  onImport,
}: PreviewDetailsProps) {
  const id = useId();
  const { counts } = preview;
  const hasRowErrors = counts.error > 0;
  const canImport =
    preview.errors.length === 0 && counts.create > 0 && (!hasRowErrors || choices.skipInvalidRows);
  return (
    <div className="csv-preview" aria-busy={isBusy}>
      <h3>What the file holds</h3>
      <div className="field-row">
        <SelectField
          label="Format"
          name="format"
          hint={choices.format ? 'Chosen by you' : `Recognised from its columns: ${preview.format.label}`}
          value={choices.format || preview.format.id}
          onChange={(format) => onChange({ format: format as CsvFormatId })}
        >
          {csvFormatChoices.map((format) => (
            <option key={format.id} value={format.id}>
              {format.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Dates like 03/04/2025"
          name="dateOrder"
          hint={preview.dateOrder === null ? 'The file has no dates written with numbers only.' : undefined}
          value={choices.dateOrder}
          onChange={(dateOrder) => onChange({ dateOrder })}
        >
          <option value="">
            Decide from the file
            {preview.dateOrder && !choices.dateOrder
              ? ` (${preview.dateOrder === 'mdy' ? 'month first' : 'day first'})`
              : ''}
          </option>
          <option value="mdy">Month first: 3 April → 04/03</option>
          <option value="dmy">Day first: 3 April → 03/04</option>
        </SelectField>
      </div>
      {preview.warnings.length > 0 || preview.errors.length > 0 ? (
        <ul className="csv-file-issues">
          {preview.errors.map((issue) => (
            <li key={`e:${issue.field}:${issue.message}`} className="field-error">
              {describeCsvIssue(issue)}
            </li>
          ))}
          {preview.warnings.map((issue) => (
            <li key={`w:${issue.field}:${issue.message}`}>{describeCsvIssue(issue)}</li>
          ))}
        </ul>
      ) : null}

      <h3>What each column fills</h3>
      <div className="table-scroll">
        <table className="csv-mapping">
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Fills</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((column, index) => {
              const selectId = `${id}-column-${index}`;
              const messages = messagesFor(issues, `mapping.${column}`);
              const value = choices.overrides[column] ?? preview.mapping[column] ?? 'note';
              return (
                <tr key={column}>
                  <th scope="row">
                    <label htmlFor={selectId}>{column || '(no header)'}</label>
                  </th>
                  <td>
                    <select
                      id={selectId}
                      className="mapping-select"
                      value={value}
                      aria-invalid={messages.length > 0}
                      aria-describedby={messages.length > 0 ? `${selectId}-error` : undefined}
                      onChange={(e) =>
                        onChange({ overrides: { ...choices.overrides, [column]: e.target.value } })
                      }
                    >
                      {csvTargets.map((target) => (
                        <option key={target} value={target}>
                          {csvTargetLabels[target]}
                        </option>
                      ))}
                    </select>
                    {messages.length > 0 ? (
                      <p className="field-error" id={`${selectId}-error`}>
                        {messages.join('; ')}
                      </p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h3>What happens to each row</h3>
      <p>
        {counts.total} {counts.total === 1 ? 'row' : 'rows'}: <strong>{counts.create} to create</strong>,{' '}
        {counts.duplicate} {counts.duplicate === 1 ? 'duplicate' : 'duplicates'} (skipped), {counts.error}{' '}
        with errors.
      </p>
      <PreviewRows rows={preview.rows} />

      {preview.quietApplications > 0 ? (
        <HistoryChoiceField count={preview.quietApplications} value={history} onChange={onHistoryChange} />
      ) : null}

      <div className="csv-options">
        <Choice
          checked={choices.skipInvalidRows}
          onChange={(skipInvalidRows) => onChange({ skipInvalidRows })}
        >
          Skip the rows with errors and import the rest
        </Choice>
        <Choice
          checked={choices.allowDuplicates}
          onChange={(allowDuplicates) => onChange({ allowDuplicates })}
        >
          Import duplicates too (rows that repeat an application you already track)
        </Choice>
      </div>
      {hasRowErrors && !choices.skipInvalidRows ? (
        <p className="warning-box">
          {counts.error === 1 ? 'One row has' : `${counts.error} rows have`} errors, so nothing would be
          imported. Fix the file, change the columns above, or skip those rows.
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button-primary" onClick={onImport} disabled={!canImport || isBusy}>
          {isImporting
            ? 'Importing…'
            : `Import ${counts.create} ${counts.create === 1 ? 'application' : 'applications'}`}
        </button>
      </div>
    </div>
  );
}

type HistoryChoiceFieldProps = {
  readonly count: number;
  readonly value: HistoryChoice;
  readonly onChange: (next: HistoryChoice) => void;
};

/** What becomes of applications with no news for a long time (docs/follow-up-rules.md). */
function HistoryChoiceField({ count, value, onChange }: HistoryChoiceFieldProps) {
  const name = useId();
  return (
    <fieldset className="choice-list csv-history">
      <legend>{describeQuietApplications(count)}: what should hearback do with them?</legend>
      {historyChoices.map((choice) => (
        <label key={choice} className="choice">
          <input
            type="radio"
            name={name}
            value={choice}
            checked={value === choice}
            onChange={() => onChange(choice)}
          />
          <span>
            <strong>{historyChoiceLabels[choice]}</strong>
            <span className="hint">{historyChoiceHints[choice]}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function PreviewRows({ rows }: { rows: readonly CsvPreviewRow[] }) {
  const [filter, setFilter] = useState<CsvRowAction | 'all'>('all');
  const [page, setPage] = useState(0);
  const shown = pageOfRows(rows, filter, page);
  const countOf = (action: CsvRowAction | 'all') =>
    action === 'all' ? rows.length : rows.filter((r) => r.action === action).length;
  return (
    <>
      <fieldset className="segmented">
        <legend className="visually-hidden">Show rows</legend>
        {(['all', 'create', 'duplicate', 'error'] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={filter === option}
            onClick={() => {
              setFilter(option);
              setPage(0);
            }}
          >
            {filterLabels[option]} ({countOf(option)})
          </button>
        ))}
      </fieldset>
      <section
        className="table-scroll csv-rows"
        aria-label="Rows of the file"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so keyboard users can scroll it sideways on a narrow screen
        tabIndex={0}
      >
        <table>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Action</th>
              <th scope="col">Application</th>
              <th scope="col">Messages</th>
            </tr>
          </thead>
          <tbody>
            {shown.rows.length === 0 ? (
              <tr>
                <td colSpan={4} className="muted">
                  No rows here.
                </td>
              </tr>
            ) : (
              shown.rows.map((row) => (
                <tr key={row.row} className={`csv-row csv-row-${row.action}`}>
                  <td>{row.row}</td>
                  <td>
                    <span className={`badge action-${row.action}`}>{actionLabels[row.action]}</span>
                  </td>
                  <td>
                    {row.jobTitle || row.companyName ? (
                      <>
                        {row.jobTitle ?? '—'}
                        {row.companyName ? <span className="muted"> at {row.companyName}</span> : null}
                        {row.stage ? (
                          <span className="muted small">
                            {' '}
                            · {stageLabels[row.stage as Stage] ?? row.stage}
                            {row.outcome ? ` (${outcomeLabels[row.outcome as Outcome] ?? row.outcome})` : ''}
                          </span>
                        ) : null}
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>
                    <ul className="plain-list row-messages">
                      {row.duplicateOf ? <li>Repeats {row.duplicateOf}</li> : null}
                      {row.errors.map((issue) => (
                        <li key={`e:${issue.field}:${issue.message}`} className="field-error">
                          {describeCsvIssue(issue)}
                        </li>
                      ))}
                      {row.warnings.map((issue) => (
                        <li key={`w:${issue.field}:${issue.message}`}>{describeCsvIssue(issue)}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>
      {shown.pages > 1 ? (
        <nav className="pager" aria-label="Pages of rows">
          <button type="button" onClick={() => setPage(shown.page - 1)} disabled={shown.page === 0}>
            Previous
          </button>
          <span>
            Page {shown.page + 1} of {shown.pages}
          </span>
          <button
            type="button"
            onClick={() => setPage(shown.page + 1)}
            disabled={shown.page >= shown.pages - 1}
          >
            Next
          </button>
        </nav>
      ) : null}
    </>
  );
}

function ImportReport({ report }: { report: CsvImportReport }) {
  const nothing = report.created === 0;
  return (
    <div className={nothing ? 'warning-box' : 'success'} role="status">
      <p>
        <strong>
          {nothing
            ? 'Nothing was imported.'
            : `Imported ${report.created} ${report.created === 1 ? 'application' : 'applications'}.`}
        </strong>{' '}
        {report.duplicates > 0
          ? `${report.duplicates} ${report.duplicates === 1 ? 'duplicate was' : 'duplicates were'} skipped. `
          : ''}
        {report.failed.length > 0
          ? `${report.failed.length} ${report.failed.length === 1 ? 'problem' : 'problems'} in rows not imported:`
          : ''}
      </p>
      {report.history.applications > 0 ? (
        <p>
          {describeQuietApplications(report.history.applications)}:{' '}
          {historyChoiceResults[report.history.choice]}.
        </p>
      ) : null}
      {report.warnings.length > 0 ? (
        <ul className="import-warnings">
          {report.warnings.map((warning) => (
            <li key={`${warning.field}:${warning.message}`}>{warning.message}</li>
          ))}
        </ul>
      ) : null}
      {report.failed.length > 0 ? (
        <ul className="import-failures">
          {report.failed.slice(0, 100).map((failure) => (
            <li key={`${failure.row}:${failure.field}:${failure.message}`}>
              Row {failure.row}
              {failure.column ? `, ${failure.column}` : ''}: {failure.message}
            </li>
          ))}
          {report.failed.length > 100 ? <li>…and {report.failed.length - 100} more</li> : null}
        </ul>
      ) : null}
      {nothing ? null : (
        <p>
          <Link to="/board">See them on the board</Link>
        </p>
      )}
    </div>
  );
}
