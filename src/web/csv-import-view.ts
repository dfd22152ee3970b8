import {
  type CsvColumnTarget,
  type CsvImportPreview,
  type CsvImportPreviewRow,
  csvFields,
} from '../core/csv-import.js';
import type { HistoryChoice } from '../core/history-choice.js';

/** What a column can fill, in words for people, in the order the mapping selects list them. */
export const csvTargetLabels: Readonly<Record<CsvColumnTarget, string>> = {
  companyName: 'Company',
  jobTitle: 'Job title',
  postingUrl: 'Posting link',
  status: 'Status or stage',
  furthestStage: 'Furthest stage reached',
  outcome: 'Outcome',
  closedReason: 'Why the position closed',
  savedAt: 'Date saved',
  appliedAt: 'Date applied',
  stageAt: 'Date of the last stage change',
  endedAt: 'Date ended',
  location: 'Location',
  remoteType: 'Remote, hybrid or on-site',
  salary: 'Salary (as written)',
  salaryMin: 'Salary from',
  salaryMax: 'Salary to',
  salaryCurrency: 'Salary currency',
  employmentType: 'Employment type',
  description: 'Posting description',
  datePosted: 'Date posted',
  validThrough: 'Closing date',
  source: 'Source (where you found it)',
  sourceDetail: 'Source detail (who referred you…)',
  priority: 'Priority',
  tags: 'Tags',
  notes: 'Notes',
  resume: 'Resume sent',
  coverLetter: 'Cover letter sent',
  companySize: 'Company size',
  industry: 'Industry',
  note: 'Keep as a line in the notes',
  ignore: 'Leave out',
};

export const csvTargets: readonly CsvColumnTarget[] = [...csvFields, 'note', 'ignore'];

export type CsvIssueView = {
  readonly field: string;
  readonly column: string | null;
  readonly message: string;
};

export type CsvRowAction = 'create' | 'duplicate' | 'error';

export type CsvPreviewRow = {
  readonly row: number;
  readonly action: CsvRowAction;
  /** What the row becomes, for rows that can be read. */
  readonly companyName: string | null;
  readonly jobTitle: string | null;
  /** The stage the application ends up in: the last move's, else the one it is created in. */
  readonly stage: string | null;
  readonly outcome: string | null;
  /** The existing application (or earlier row) a duplicate repeats, in words. */
  readonly duplicateOf: string | null;
  readonly warnings: readonly CsvIssueView[];
  readonly errors: readonly CsvIssueView[];
};

export type CsvPreviewView = {
  readonly format: { readonly id: string; readonly label: string };
  readonly delimiter: string;
  readonly mapping: Readonly<Record<string, CsvColumnTarget>>;
  readonly columns: readonly string[];
  readonly dateOrder: 'mdy' | 'dmy' | null;
  readonly warnings: readonly CsvIssueView[];
  readonly errors: readonly CsvIssueView[];
  readonly rows: readonly CsvPreviewRow[];
  readonly counts: {
    readonly total: number;
    readonly create: number;
    readonly duplicate: number;
    readonly error: number;
  };
  /** A file with a header row and nothing under it: there is nothing to map or import. */
  readonly isEmpty: boolean;
  /** How many of the applications to create have had no news for a long time (the user chooses their fate). */
  readonly quietApplications: number;
};

/** What the import page shows of `POST /api/import/csv/preview`'s answer. */
export function toCsvPreviewView(preview: CsvImportPreview): CsvPreviewView {
  return {
    format: preview.format,
    delimiter: preview.delimiter,
    mapping: preview.mapping,
    columns: Object.keys(preview.mapping),
    dateOrder: preview.dateOrder,
    warnings: preview.warnings,
    errors: preview.errors,
    rows: preview.rows.map(toRowView),
    counts: preview.counts,
    isEmpty: preview.counts.total === 0,
    quietApplications: preview.history.applications,
  };
}

function toRowView(row: CsvImportPreviewRow): CsvPreviewRow {
  const last = row.application?.moves.at(-1);
  return {
    row: row.row,
    action: row.action,
    companyName: row.application?.create.companyName ?? null,
    jobTitle: row.application?.create.jobTitle ?? null,
    stage: last?.stage ?? row.application?.create.stage ?? null,
    outcome: last?.outcome ?? null,
    duplicateOf: row.duplicateOf ? describeDuplicate(row.duplicateOf) : null,
    warnings: row.warnings,
    errors: row.errors,
  };
}

function describeDuplicate(duplicate: NonNullable<CsvImportPreviewRow['duplicateOf']>): string {
  const why = duplicate.reason === 'posting_url' ? 'same posting link' : 'same company and job title';
  if ('row' in duplicate) return `row ${duplicate.row} of this file (${why})`;
  return `“${duplicate.jobTitle}” at ${duplicate.companyName}, already tracked (${why})`;
}

/** "Employer: is empty", naming the file's column when the problem is about one. */
export function describeCsvIssue(issue: CsvIssueView): string {
  return issue.column ? `${issue.column}: ${issue.message}` : issue.message;
}

/** What each history choice does, in a line under its label. */
export const historyChoiceHints: Readonly<Record<HistoryChoice, string>> = {
  keep: 'They stay in their stage with no check-in or follow-up planned, until you hear from the employer.',
  no_response: 'Each one ends as no response today; what the file says happened before is kept.',
  plan_from_today: 'Their next check-in or follow-up is due today, so nothing is overdue.',
};

export const previewPageSize = 25;

/** One page of rows, with the rows shown filtered by what the import does with them. */
export function pageOfRows(
  rows: readonly CsvPreviewRow[],
  filter: CsvRowAction | 'all',
  page: number,
  size = previewPageSize,
): { rows: readonly CsvPreviewRow[]; page: number; pages: number; total: number } {
  const matching = filter === 'all' ? rows : rows.filter((r) => r.action === filter);
  const pages = Math.max(1, Math.ceil(matching.length / size));
  const current = Math.min(Math.max(0, page), pages - 1);
  return {
    rows: matching.slice(current * size, current * size + size),
    page: current,
    pages,
    total: matching.length,
  };
}
