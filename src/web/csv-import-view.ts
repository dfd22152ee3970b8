import { type CsvColumnTarget, csvFields, isCsvColumnTarget } from '../integrations/csv/column-mapping.js';

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
};

/**
 * Reads the answer of `POST /api/import/csv/preview`, which the API describes only as an object, into what
 * the import page shows. Returns null for an answer of another shape.
 */
export function readCsvPreview(value: unknown): CsvPreviewView | null {
  if (!isRecord(value) || !isRecord(value.mapping) || !Array.isArray(value.rows)) return null;
  const mapping: Record<string, CsvColumnTarget> = {};
  for (const [column, target] of Object.entries(value.mapping)) {
    mapping[column] = typeof target === 'string' && isCsvColumnTarget(target) ? target : 'note';
  }
  const format = isRecord(value.format) ? value.format : {};
  const rows = value.rows.flatMap(readRow);
  const counts = isRecord(value.counts) ? value.counts : {};
  const count = (key: CsvRowAction | 'total', fallback: number) =>
    typeof counts[key] === 'number' ? counts[key] : fallback;
  return {
    format: {
      id: typeof format.id === 'string' ? format.id : 'generic',
      label: typeof format.label === 'string' ? format.label : 'Spreadsheet',
    },
    delimiter: typeof value.delimiter === 'string' ? value.delimiter : ',',
    mapping,
    columns: Object.keys(mapping),
    dateOrder: value.dateOrder === 'mdy' || value.dateOrder === 'dmy' ? value.dateOrder : null,
    warnings: readIssues(value.warnings),
    errors: readIssues(value.errors),
    rows,
    counts: {
      total: count('total', rows.length),
      create: count('create', rows.filter((r) => r.action === 'create').length),
      duplicate: count('duplicate', rows.filter((r) => r.action === 'duplicate').length),
      error: count('error', rows.filter((r) => r.action === 'error').length),
    },
  };
}

function readRow(value: unknown): CsvPreviewRow[] {
  if (!isRecord(value) || typeof value.row !== 'number') return [];
  const action: CsvRowAction =
    value.action === 'create' || value.action === 'duplicate' ? value.action : 'error';
  const draft = isRecord(value.application) ? value.application : {};
  const create = isRecord(draft.create) ? draft.create : {};
  const moves = Array.isArray(draft.moves) ? draft.moves.filter(isRecord) : [];
  const last = moves.at(-1);
  return [
    {
      row: value.row,
      action,
      companyName: stringOrNull(create.companyName),
      jobTitle: stringOrNull(create.jobTitle),
      stage: stringOrNull(last?.stage) ?? stringOrNull(create.stage),
      outcome: stringOrNull(last?.outcome),
      duplicateOf: describeDuplicate(value.duplicateOf),
      warnings: readIssues(value.warnings),
      errors: readIssues(value.errors),
    },
  ];
}

function describeDuplicate(value: unknown): string | null {
  if (!isRecord(value)) return null;
  const why = value.reason === 'posting_url' ? 'same posting link' : 'same company and job title';
  if (typeof value.row === 'number') return `row ${value.row} of this file (${why})`;
  if (typeof value.jobTitle === 'string' && typeof value.companyName === 'string') {
    return `“${value.jobTitle}” at ${value.companyName}, already tracked (${why})`;
  }
  return `an application already tracked (${why})`;
}

function readIssues(value: unknown): CsvIssueView[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((issue: unknown): CsvIssueView[] =>
    isRecord(issue) && typeof issue.message === 'string'
      ? [
          {
            field: typeof issue.field === 'string' ? issue.field : '',
            column: typeof issue.column === 'string' ? issue.column : null,
            message: issue.message,
          },
        ]
      : [],
  );
}

/** "Employer: is empty", naming the file's column when the problem is about one. */
export function describeCsvIssue(issue: CsvIssueView): string {
  return issue.column ? `${issue.column}: ${issue.message}` : issue.message;
}

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

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
