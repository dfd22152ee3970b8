import {
  type ApplicationCreate,
  applicationCreateSchema,
  type PostingInput,
  type StageChangeInput,
} from './application.js';
import type { CompanySizeBand } from './company.js';
import { type CsvColumnMapping, dateFields } from './csv-column-mapping.js';
import type { ParsedCsvDate } from './csv-dates.js';
import { mapClosedReason, mapForeignStatus, type StatusMapping } from './csv-foreign-status.js';
import type { CsvFormat } from './csv-formats.js';
import type { CsvField, CsvRecord } from './csv-import.js';
import {
  completeUrl,
  inferSourceKind,
  isSourceKind,
  parseActiveStage,
  parseAmount,
  parseCompanySize,
  parseCurrency,
  parseEmploymentType,
  parsePriority,
  parseRemoteType,
  parseSalary,
  splitExportedTags,
  splitTags,
} from './csv-values.js';
import { limits } from './fields.js';
import {
  type ActiveStage,
  type ClosedReason,
  type Outcome,
  planStageChange,
  type StageChange,
  stageRank,
} from './pipeline.js';
import { restoreNeutralizedCell } from './spreadsheet-safety.js';

/** A problem with one row: the field it concerns, the column it came from (when one did), and what is wrong. */
export type CsvRowIssue = {
  readonly field: string;
  readonly column: string | null;
  readonly message: string;
};

/**
 * What importing a row will do: create the application at its first stage, then record each later stage
 * change with the row's dates, exactly as `createApplication` and `moveApplication` would be called.
 */
export type CsvApplicationDraft = {
  readonly create: ApplicationCreate;
  readonly moves: readonly StageChangeInput[];
  /** What the row says about the company, set when the import creates it. */
  readonly company?: { readonly sizeBand: CompanySizeBand | null; readonly industry: string | null };
};

export type CsvRowReading = {
  readonly draft: CsvApplicationDraft | null;
  readonly warnings: readonly CsvRowIssue[];
  readonly errors: readonly CsvRowIssue[];
};

export type CsvRowReaderSetup = {
  readonly headers: readonly string[];
  readonly mapping: CsvColumnMapping;
  readonly format: CsvFormat;
  readonly parseDate: (raw: string) => ParsedCsvDate;
  /** The instant rows without any date are dated at. */
  readonly now: string;
};

type Column = { readonly index: number; readonly header: string };

const stageDateFields: readonly CsvField[] = ['savedAt', 'appliedAt', 'stageAt', 'endedAt'];

/** Which CSV field a schema issue path points at, for error messages that name the column. */
const fieldOfPath: Readonly<Record<string, CsvField>> = {
  companyName: 'companyName',
  jobTitle: 'jobTitle',
  postingUrl: 'postingUrl',
  'posting.location': 'location',
  'posting.remoteType': 'remoteType',
  'posting.salaryMin': 'salaryMin',
  'posting.salaryMax': 'salaryMax',
  'posting.salaryCurrency': 'salaryCurrency',
  'posting.salaryPeriod': 'salary',
  'posting.employmentType': 'employmentType',
  'posting.descriptionHtml': 'description',
  'posting.descriptionText': 'description',
  'posting.datePosted': 'datePosted',
  'posting.validThrough': 'validThrough',
  'source.kind': 'source',
  'source.detail': 'source',
  priority: 'priority',
  tags: 'tags',
  notes: 'notes',
  'resume.name': 'resume',
  'coverLetter.name': 'coverLetter',
  stageAt: 'appliedAt',
};

/**
 * Builds the reader for one file: it turns a record into the calls that import it, with warnings for what
 * it had to guess and errors (naming field and column) for what it cannot import.
 */
export function makeCsvRowReader(setup: CsvRowReaderSetup): (record: CsvRecord) => CsvRowReading {
  const { format, parseDate } = setup;
  const single = new Map<CsvField, Column>();
  const multi = new Map<CsvField, Column[]>();
  const noteColumns: Column[] = [];
  setup.headers.forEach((header, index) => {
    const target = setup.mapping[header];
    if (target === undefined || target === 'ignore') return;
    if (target === 'note') noteColumns.push({ index, header });
    else if (target === 'tags' || target === 'notes')
      multi.set(target, [...(multi.get(target) ?? []), { index, header }]);
    else single.set(target, { index, header });
  });
  const hasStageDateColumn = stageDateFields.some((f) => single.has(f));
  const today = importDay(setup);
  const empties = new Set(format.emptyValues.map((v) => v.toLowerCase()));

  /**
   * Short fields are trimmed; notes and descriptions (`keepSpaces`) are kept exactly as written, and so is
   * every cell of hearback's own export (`exactText`), which wrote them with their spaces.
   */
  const clean = (raw: string | undefined, keepSpaces = false): string => {
    if (raw === undefined || raw === '') return '';
    const trimmed = raw.trim();
    if (empties.has(trimmed.toLowerCase())) return '';
    if (trimmed === '' && (!keepSpaces || format.blankTextIsEmpty)) return '';
    return restoreNeutralizedCell(keepSpaces || format.exactText ? raw : trimmed);
  };

  const file: FileColumns = { single, clean };

  return (record) => {
    const row = new RowContext(file, record.cells);
    const { warnings, errors } = row;

    const companyName = row.cell('companyName');
    const jobTitle = row.cell('jobTitle');
    if (companyName === '') {
      row.fail(
        'companyName',
        single.has('companyName') ? 'is empty' : 'no column holds the company name; map one',
      );
    }
    if (jobTitle === '')
      row.fail('jobTitle', single.has('jobTitle') ? 'is empty' : 'no column holds the job title; map one');

    const dates = new Map<CsvField, { instant: string; localDate: string }>();
    for (const field of dateFields) {
      const raw = row.cell(field);
      if (raw === '') continue;
      const parsed = parseDate(raw);
      if (!parsed.ok) row.fail(field, parsed.message);
      else if (!stageDateFields.includes(field)) dates.set(field, parsed);
      else {
        const happened = happenedBy(parsed, setup.now, today);
        if (happened === null)
          row.fail(field, `"${raw}" is in the future: an application's dates must have happened`);
        else dates.set(field, happened);
      }
    }

    const target = readTarget(row, format);
    const furthestRaw = row.cell('furthestStage');
    let furthest: ActiveStage | null = null;
    if (furthestRaw !== '') {
      furthest = parseActiveStage(furthestRaw);
      if (furthest === null)
        row.fail(
          'furthestStage',
          `"${furthestRaw}" is not a stage (saved, applied, screening, interviewing, offer)`,
        );
    }

    const posting = readPosting(row, dates);
    const source = readSource(row, format);
    const priorityRaw = row.cell('priority');
    let priority: number | undefined;
    if (priorityRaw !== '') {
      const parsed = parsePriority(priorityRaw);
      if (parsed === null) {
        row.warn('priority', `"${priorityRaw}" is not a priority from 1 to 5; kept in the notes`);
        row.keep('priority', priorityRaw);
      } else priority = parsed;
    }
    const tags: string[] = [];
    for (const column of multi.get('tags') ?? []) {
      const raw = clean(record.cells[column.index]);
      if (raw === '') continue;
      const split = format.exactText ? splitExportedTags(raw) : splitTags(raw, format.tagSeparators);
      tags.push(...split.filter((t) => !tags.includes(t)));
    }
    const noteParts: string[] = [];
    for (const column of multi.get('notes') ?? []) {
      const raw = clean(record.cells[column.index], true);
      if (raw !== '') noteParts.push(raw);
    }
    for (const column of noteColumns) {
      const raw = clean(record.cells[column.index]);
      if (raw !== '') row.extraNotes.push(`${column.header}: ${raw}`);
    }
    const sizeRaw = row.cell('companySize');
    const sizeBand = sizeRaw === '' ? null : parseCompanySize(sizeRaw);
    if (sizeRaw !== '' && sizeBand === null) {
      row.warn('companySize', `"${sizeRaw}" is not a number of employees; kept in the notes`);
      row.keep('companySize', sizeRaw);
    }
    let industry: string | null = row.cell('industry') || null;
    if (industry !== null && industry.length > limits.industry) {
      row.warn('industry', `is longer than ${limits.industry} characters; kept in the notes`);
      row.keep('industry', industry);
      industry = null;
    }
    const resume = row.cell('resume');
    const coverLetter = row.cell('coverLetter');
    const postingUrl = row.cell('postingUrl');

    // Files without any date column are told about once, by the caller; here only rows missing their date.
    if (hasStageDateColumn && !stageDateFields.some((f) => dates.has(f))) {
      row.warn('appliedAt', 'no date in this row; dated at the time of import');
    }

    if (errors.length > 0 || target === null) return { draft: null, warnings, errors };

    const steps = planSteps(target, furthest, dates, setup.now);
    if (!Array.isArray(steps)) {
      row.fail(steps.field, steps.message);
      return { draft: null, warnings, errors };
    }

    const notes = [noteParts.join('\n'), row.extraNotes.join('\n')].filter((p) => p !== '').join('\n\n');
    const input: Record<string, unknown> = {
      companyName,
      jobTitle,
      stage: steps[0]!.toStage as ActiveStage,
      stageAt: steps[0]!.occurredAt,
    };
    if (postingUrl !== '') input.postingUrl = completeUrl(postingUrl);
    if (posting) input.posting = posting;
    if (source) input.source = source;
    if (priority !== undefined) input.priority = priority;
    if (tags.length > 0) input.tags = tags;
    if (resume !== '') input.resume = { name: resume };
    if (coverLetter !== '') input.coverLetter = { name: coverLetter };
    if (notes !== '') input.notes = notes;
    const parsed = applicationCreateSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String);
        const key = path[0] === 'tags' ? 'tags' : path.slice(0, 2).join('.');
        const field = fieldOfPath[key] ?? fieldOfPath[path[0] ?? ''];
        errors.push({
          field: field ?? path.join('.'),
          column: field ? (row.column(field) ?? multi.get(field)?.[0]?.header ?? null) : null,
          message: issue.message,
        });
      }
      return { draft: null, warnings, errors };
    }
    const moves: StageChangeInput[] = steps.slice(1).map((step) => ({
      stage: step.toStage,
      outcome: step.outcome,
      closedReason: step.closedReason,
      occurredAt: step.occurredAt,
    }));
    const company = sizeBand !== null || industry !== null ? { company: { sizeBand, industry } } : {};
    return { draft: { create: parsed.data, moves, ...company }, warnings, errors };
  };
}

type FileColumns = {
  readonly single: ReadonlyMap<CsvField, Column>;
  readonly clean: (raw: string | undefined, keepSpaces?: boolean) => string;
};

/** One row being read: its cells, and the warnings, errors and extra note lines reading it produced. */
class RowContext {
  readonly warnings: CsvRowIssue[] = [];
  readonly errors: CsvRowIssue[] = [];
  readonly extraNotes: string[] = [];

  constructor(
    private readonly file: FileColumns,
    private readonly cells: readonly string[],
  ) {}

  cell(field: CsvField, keepSpaces = false): string {
    const column = this.file.single.get(field);
    return column ? this.file.clean(this.cells[column.index], keepSpaces) : '';
  }

  column(field: CsvField): string | null {
    return this.file.single.get(field)?.header ?? null;
  }

  warn(field: CsvField, message: string): void {
    this.warnings.push({ field, column: this.column(field), message });
  }

  fail(field: CsvField, message: string): void {
    this.errors.push({ field, column: this.column(field), message });
  }

  /** Keeps a value hearback could not use as a `Column: value` line in the notes, so nothing is lost. */
  keep(field: CsvField, value: string): void {
    this.extraNotes.push(`${this.column(field) ?? field}: ${value}`);
  }
}

/** The stage the row ends in: the status column read through the status map, completed by the outcome column. */
function readTarget(row: RowContext, format: CsvFormat): StatusMapping | null {
  const statusRaw = row.cell('status');
  let target = mapForeignStatus(statusRaw === '' ? format.defaultStatus : statusRaw);
  if (target === null) {
    row.warn(
      'status',
      `"${statusRaw}" is not a status hearback knows; imported as applied and kept in the notes`,
    );
    row.keep('status', statusRaw);
    target = { stage: 'applied', outcome: null, closedReason: null };
  }
  const outcomeRaw = row.cell('outcome');
  if (outcomeRaw !== '') {
    const outcome = mapForeignStatus(outcomeRaw);
    if (outcome?.stage === 'ended' && outcome.outcome !== null) target = outcome;
    else {
      row.warn(
        'outcome',
        `"${outcomeRaw}" is not an ending (rejected, no_response, withdrew, …); kept in the notes`,
      );
      row.keep('outcome', outcomeRaw);
    }
  }
  if (target.stage === 'ended' && target.outcome === null) {
    row.fail(
      'outcome',
      'the application has ended but no outcome says how (rejected, no_response, withdrew, …)',
    );
    return null;
  }
  const reasonRaw = row.cell('closedReason');
  if (reasonRaw !== '' && target.outcome === 'position_closed') {
    const reason = mapClosedReason(reasonRaw);
    if (reason) target = { ...target, closedReason: reason };
    else
      row.warn(
        'closedReason',
        `"${reasonRaw}" is not a closed reason (cancelled, filled internally, hiring freeze)`,
      );
  }
  return target;
}

function readPosting(
  row: RowContext,
  dates: ReadonlyMap<CsvField, { localDate: string }>,
): PostingInput | undefined {
  const posting: Record<string, unknown> = {};
  const location = row.cell('location');
  if (location !== '') posting.location = location;
  const remote = row.cell('remoteType');
  if (remote !== '') {
    const value = parseRemoteType(remote);
    if (value) posting.remoteType = value;
    else {
      row.warn('remoteType', `"${remote}" is not remote, hybrid or on-site; kept in the notes`);
      row.keep('remoteType', remote);
    }
  }
  const salaryText = row.cell('salary');
  if (salaryText !== '') {
    const salary = parseSalary(salaryText);
    if (salary) {
      posting.salaryMin = salary.min;
      posting.salaryMax = salary.max;
      if (salary.currency) posting.salaryCurrency = salary.currency;
      if (salary.period) posting.salaryPeriod = salary.period;
    } else {
      row.warn('salary', `no amount could be read from "${salaryText}"; kept in the notes`);
      row.keep('salary', salaryText);
    }
  }
  for (const field of ['salaryMin', 'salaryMax'] as const) {
    const raw = row.cell(field);
    if (raw === '') continue;
    const amount = parseAmount(raw);
    if (amount === null) {
      row.warn(field, `"${raw}" is not an amount; kept in the notes`);
      row.keep(field, raw);
    } else posting[field] = amount;
  }
  const currencyRaw = row.cell('salaryCurrency');
  if (currencyRaw !== '') {
    const currency = parseCurrency(currencyRaw);
    if (currency) posting.salaryCurrency = currency;
    else row.warn('salaryCurrency', `"${currencyRaw}" is not a currency code such as USD`);
  }
  const employment = row.cell('employmentType');
  if (employment !== '') {
    const value = parseEmploymentType(employment);
    if (value) posting.employmentType = value;
    else if (value === null) {
      row.warn(
        'employmentType',
        `"${employment}" is not an employment type hearback knows; kept in the notes`,
      );
      row.keep('employmentType', employment);
    }
  }
  const description = row.cell('description', true);
  if (description !== '') {
    if (/<[a-z][\s\S]*>/i.test(description)) posting.descriptionHtml = description;
    else posting.descriptionText = description;
  }
  const posted = dates.get('datePosted');
  if (posted) posting.datePosted = posted.localDate;
  const validThrough = dates.get('validThrough');
  if (validThrough) posting.validThrough = validThrough.localDate;
  return Object.keys(posting).length > 0 ? (posting as PostingInput) : undefined;
}

function readSource(
  row: RowContext,
  format: CsvFormat,
): { kind: ReturnType<typeof inferSourceKind>; detail?: string } | undefined {
  const raw = row.cell('source');
  const detail = row.cell('sourceDetail');
  if (raw === '') {
    if (detail !== '') return { kind: inferSourceKind(detail), detail: truncate(detail) };
    return format.source ? { kind: format.source.kind, detail: format.source.detail } : undefined;
  }
  if (isSourceKind(raw))
    return { kind: inferSourceKind(raw), ...(detail !== '' ? { detail: truncate(detail) } : {}) };
  return { kind: inferSourceKind(raw), detail: truncate(detail !== '' ? `${raw} (${detail})` : raw) };
}

function truncate(text: string): string {
  return text.length > limits.name ? text.slice(0, limits.name) : text;
}

/** The import's own day in the file's time zone: `now` read the way the file's dates are read. */
function importDay(setup: CsvRowReaderSetup): string {
  const parsed = setup.parseDate(setup.now);
  return parsed.ok ? parsed.localDate : setup.now.slice(0, 10);
}

/**
 * A stage date as it may be stored: a day after the import's is refused (null). A date of today may still be
 * ahead of the clock (a plain date reads as noon): it is dated now, so nothing imported happens after the import.
 */
function happenedBy(
  date: { instant: string; localDate: string },
  now: string,
  today: string,
): { instant: string; localDate: string } | null {
  if (date.localDate > today) return null;
  return Date.parse(date.instant) > Date.parse(now) ? { ...date, instant: now } : date;
}

/**
 * The row's stage history. The application starts saved (when a saved date is given, or it never got
 * further) or applied, then moves to the furthest stage it reached, then to its current stage or ending.
 * Steps without a date of their own take the previous step's date (or the next one's, at the start); a row
 * with no date at all is dated `now`. An explicit date earlier than the step before it is an error.
 */
function planSteps(
  target: StatusMapping,
  furthestGiven: ActiveStage | null,
  dates: ReadonlyMap<CsvField, { instant: string }>,
  now: string,
): StageChange[] | { field: CsvField; message: string } {
  const at = (field: CsvField) => dates.get(field)?.instant ?? null;
  const isEnded = target.stage === 'ended';
  const implied: ActiveStage | null =
    target.outcome === 'accepted' || target.outcome === 'declined' ? 'offer' : isEnded ? 'applied' : null;
  const current = isEnded ? null : (target.stage as ActiveStage);
  const reach = maxStage(
    current,
    furthestGiven ?? implied,
    furthestGiven === 'saved' && isEnded ? null : implied,
  );
  type Step = {
    stage: StageChange['toStage'];
    at: string | null;
    field: CsvField | null;
    outcome?: Outcome | null;
    closedReason?: ClosedReason | null;
  };
  const steps: Step[] = [];
  const savedAt = at('savedAt');
  const appliedAt = at('appliedAt');
  const stageAt = at('stageAt');
  if (reach === 'saved')
    steps.push({ stage: 'saved', at: savedAt ?? stageAt, field: savedAt ? 'savedAt' : null });
  else {
    const applied = appliedAt ?? (current === 'applied' ? stageAt : null);
    if (savedAt && (applied === null || savedAt <= applied))
      steps.push({ stage: 'saved', at: savedAt, field: 'savedAt' });
    steps.push({ stage: 'applied', at: applied, field: appliedAt ? 'appliedAt' : null });
    if (stageRank(reach) > stageRank('applied')) {
      const isCurrent = reach === current;
      steps.push({ stage: reach, at: isCurrent ? stageAt : null, field: null });
    }
    if (current !== null && current !== reach && current !== 'applied') {
      steps.push({ stage: current, at: stageAt, field: null });
    } else if (current === 'applied' && reach !== 'applied') {
      steps.push({ stage: 'applied', at: stageAt, field: null });
    }
  }
  if (isEnded) {
    const endedAt = at('endedAt');
    steps.push({
      stage: 'ended',
      at: endedAt ?? stageAt,
      field: endedAt ? 'endedAt' : null,
      outcome: target.outcome,
      closedReason: target.closedReason,
    });
  }
  const firstKnown = steps.find((s) => s.at !== null)?.at ?? now;
  let previous = firstKnown;
  const history: StageChange[] = [];
  for (const step of steps) {
    let occurredAt = step.at ?? previous;
    if (occurredAt < previous) {
      if (step.field !== null) {
        const before = history.at(-1);
        const what = before ? describeStep(before.toStage) : 'earlier';
        return { field: step.field, message: `is before the ${what} date (${previous.slice(0, 10)})` };
      }
      occurredAt = previous;
    }
    try {
      history.push(
        planStageChange(history, {
          stage: step.stage,
          outcome: step.outcome ?? null,
          closedReason: step.closedReason ?? null,
          occurredAt,
        }),
      );
    } catch (error) {
      return { field: 'status', message: (error as Error).message };
    }
    previous = occurredAt;
  }
  return history;
}

function describeStep(stage: StageChange['toStage']): string {
  return stage === 'saved' ? 'saved' : stage === 'applied' ? 'applied' : `${stage} stage`;
}

function maxStage(...candidates: Array<ActiveStage | null>): ActiveStage {
  let best: ActiveStage = 'saved';
  for (const stage of candidates) if (stage !== null && stageRank(stage) > stageRank(best)) best = stage;
  return best;
}
