import { type Application, emptyPosting, normalizePostingUrl } from '../core/application.js';
import { type Company, normalizeCompanyName } from '../core/company.js';
import { type CsvColumnMapping, dateFields, mapCsvColumns } from '../core/csv-column-mapping.js';
import {
  collectDateOrderEvidence,
  type DateOrder,
  type DateOrderEvidence,
  makeCsvDateParser,
} from '../core/csv-dates.js';
import { type CsvFormat, csvFormatById, detectCsvFormat } from '../core/csv-formats.js';
import {
  type CsvDelimiter,
  type CsvField,
  type CsvFormatId,
  type CsvImportFailure,
  type CsvImportResult,
  type CsvLimits,
  type CsvTable,
  defaultCsvLimits,
} from '../core/csv-import.js';
import { fieldError } from '../core/errors.js';
import type { StageChangeEvent } from '../core/event.js';
import type { FollowUp } from '../core/follow-up.js';
import {
  defaultHistoryChoice,
  type HistoryChoice,
  isQuiet,
  quietAfterDays,
  quietBefore,
} from '../core/history-choice.js';
import { mergePosting } from '../core/posting-text.js';
import {
  type CsvApplicationDraft,
  type CsvRowIssue,
  makeCsvRowReader,
} from '../core/read-csv-application.js';
import { isValidTimeZone } from '../core/time-zone.js';
import { titleKeyOf } from '../storage/application-store.js';
import {
  type ApplicationKey,
  insertApplicationsInBulk,
  listApplicationKeys,
  type StatementSink,
} from '../storage/bulk-application-store.js';
import { listAllCompanies } from '../storage/company-store.js';
import { lockNaturalKeys } from '../storage/sql-helpers.js';
import { buildNewApplication } from './applications.js';
import { type Deps, inBulkTransaction, nowIso } from './deps.js';
import { closeOutPlan, loadPlanningContext, planStepChanges } from './replan.js';

export type CsvImportOptions = {
  /** The user's IANA time zone: dates without a time become noon there, local times are read there. */
  readonly timeZone: string;
  /** Column header → field, `note` or `ignore`; overrides the automatic mapping for those columns. */
  readonly mapping?: Readonly<Record<string, string>>;
  /** Read the file as this format instead of detecting it from the header row. */
  readonly format?: CsvFormatId;
  /** How to read numeric dates like 03/04/2025; by default decided from the file. */
  readonly dateOrder?: DateOrder;
  /** Import rows that repeat an existing application (or an earlier row) instead of skipping them. */
  readonly allowDuplicates?: boolean;
  /** Import the good rows of a file that has bad ones; by default one bad row stops the whole import. */
  readonly skipInvalidRows?: boolean;
  /** What becomes of applications with no news for more than 30 days; by default `keep`. */
  readonly history?: HistoryChoice;
  readonly limits?: Partial<CsvLimits>;
  /** Called as rows are written, for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
};

export type CsvDuplicate =
  | {
      readonly applicationId: string;
      readonly jobTitle: string;
      readonly companyName: string;
      readonly reason: 'posting_url' | 'company_and_title';
    }
  | { readonly row: number; readonly reason: 'posting_url' | 'company_and_title' };

export type CsvImportPreviewRow = {
  readonly row: number;
  readonly action: 'create' | 'duplicate' | 'error';
  readonly application?: CsvApplicationDraft;
  readonly duplicateOf?: CsvDuplicate;
  readonly warnings: readonly CsvRowIssue[];
  readonly errors: readonly CsvRowIssue[];
};

export type CsvImportPreview = {
  readonly format: { readonly id: CsvFormatId; readonly label: string };
  readonly delimiter: CsvDelimiter;
  readonly encoding: CsvTable['encoding'];
  readonly mapping: CsvColumnMapping;
  /** How numeric dates were read; null when the file has none. */
  readonly dateOrder: DateOrder | null;
  /** About the whole file: how dates were read, columns missing. */
  readonly warnings: readonly CsvRowIssue[];
  readonly errors: readonly CsvRowIssue[];
  readonly rows: readonly CsvImportPreviewRow[];
  readonly counts: {
    readonly total: number;
    readonly create: number;
    readonly duplicate: number;
    readonly error: number;
  };
  readonly history: CsvHistoryPreview;
};

/** The rows to create whose application has had no news for a long time, and what the import does with them. */
export type CsvHistoryPreview = {
  readonly quietAfterDays: number;
  readonly applications: number;
  readonly choice: HistoryChoice;
};

/**
 * A row as planned: the preview's row, plus its normalised posting URL for the write and whether its
 * application has had no news for a long time (`isQuiet`).
 */
type PlannedRow = CsvImportPreviewRow & { readonly urlKey: string | null; readonly isQuiet: boolean };

/** What is known of a file before its rows are read, and its rows, read and checked one by one. */
type FilePlan = Omit<CsvImportPreview, 'rows' | 'counts' | 'history'> & {
  readonly rowCount: number;
  rows(): Generator<PlannedRow>;
};

/** Rows written per batch: large enough for multi-row inserts to pay off, small enough for a smooth progress bar. */
const batchSize = 1_000;

/**
 * Files from this size on are written by a writer thread (on a SQLite file), overlapping the reading with
 * the writing; below it, starting the thread costs more than it saves.
 */
export const writerThreadFromBytes = 512 * 1024;

/** Thrown inside the import's transaction to undo what was written and answer with the bad rows instead. */
class ImportRefused extends Error {
  constructor(readonly result: CsvImportResult) {
    super('the file has rows that cannot be imported');
  }
}

/**
 * A dry run of `importCsv`: what each row would become, which rows repeat an existing application or an
 * earlier row, and every warning and error, without writing anything.
 */
export async function previewCsvImport(
  deps: Deps,
  input: string | Uint8Array,
  options: CsvImportOptions,
): Promise<CsvImportPreview> {
  const {
    rowCount: _,
    rows: readRows,
    ...file
  } = await planFile(deps, input, options, await listApplicationKeys(deps.db, deps.userId));
  const rows: CsvImportPreviewRow[] = [];
  const counts = { total: 0, create: 0, duplicate: 0, error: 0 };
  const history = { quietAfterDays, applications: 0, choice: options.history ?? defaultHistoryChoice };
  for (const { urlKey: _, isQuiet, ...row } of readRows()) {
    rows.push(row);
    counts.total++;
    counts[row.action]++;
    if (isQuiet && row.action === 'create') history.applications++;
  }
  return { ...file, rows, counts, history };
}

/**
 * Imports applications from a CSV file in one transaction. A file with bad rows imports none of them
 * (each is reported in `failed`) unless `skipInvalidRows` is set; duplicates are skipped unless
 * `allowDuplicates` is set. Each application gets the stage history its row describes, dated by the row.
 * Rows are written in batches as they are read, on a writer thread for large files (see inBulkTransaction).
 */
export async function importCsv(
  deps: Deps,
  input: string | Uint8Array,
  options: CsvImportOptions,
): Promise<CsvImportResult> {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  try {
    return await inBulkTransaction(
      deps,
      { writerThread: size >= writerThreadFromBytes },
      async (db, sink) => {
        const txDeps: Deps = { ...deps, db };
        await lockNaturalKeys(db, deps.userId);
        const plan = await planFile(txDeps, input, options, await listApplicationKeys(db, deps.userId));
        const missing = plan.errors[0];
        if (missing) throw fieldError('mapping', missing.message);
        const choice = options.history ?? defaultHistoryChoice;
        const history = { choice, applications: 0 };
        const aboutFile = { dateOrder: plan.dateOrder, warnings: plan.warnings, history };
        const writer = await startDraftWriter(txDeps, sink);
        const progress = progressReporter(plan.rowCount, options.onProgress);
        const failed: CsvImportFailure[] = [];
        let duplicates = 0;
        let read = 0;
        for (const row of plan.rows()) {
          read++;
          if (row.action === 'error') {
            for (const e of row.errors) {
              failed.push({ row: row.row, field: e.field, column: e.column, message: e.message });
            }
          } else if (row.action === 'duplicate') duplicates++;
          else if (failed.length === 0 || options.skipInvalidRows) {
            if (row.isQuiet) history.applications++;
            if (await writer.add(row.application!, row.urlKey, row.isQuiet ? choice : null)) progress(read);
          }
        }
        if (failed.length > 0 && !options.skipInvalidRows) {
          const nothing = { ...history, applications: 0 };
          throw new ImportRefused({ created: 0, duplicates, failed, ...aboutFile, history: nothing });
        }
        const created = await writer.finish();
        progress(plan.rowCount);
        return { created, duplicates, failed, ...aboutFile };
      },
    );
  } catch (error) {
    if (error instanceof ImportRefused) return error.result;
    throw error;
  }
}

/** Calls `onProgress` with the rows read so far, from (0, total) to (total, total), each count once. */
function progressReporter(total: number, onProgress: CsvImportOptions['onProgress']) {
  let reported = -1;
  const report = (done: number) => {
    if (!onProgress || done <= reported) return;
    reported = done;
    onProgress(done, total);
  };
  report(0);
  return report;
}

async function planFile(
  deps: Deps,
  input: string | Uint8Array,
  options: CsvImportOptions,
  existing: readonly ApplicationKey[],
): Promise<FilePlan> {
  if (!isValidTimeZone(options.timeZone)) {
    throw fieldError('timeZone', 'must be an IANA time zone such as Europe/Berlin');
  }
  const table = await deps.csvReader.read(input, { ...defaultCsvLimits, ...options.limits });
  const format = options.format ? csvFormatById(options.format) : detectCsvFormat(table.headers);
  const mapping = mapCsvColumns(table.headers, format.columns, options.mapping);
  const fileWarnings: CsvRowIssue[] = [];
  const fileErrors: CsvRowIssue[] = [];
  for (const [field, label] of [
    ['companyName', 'the company name'],
    ['jobTitle', 'the job title'],
  ] as const) {
    if (!Object.values(mapping).includes(field)) {
      fileErrors.push({
        field,
        column: null,
        message: `no column holds ${label}; map one of: ${table.headers.join(', ')}`,
      });
    }
  }
  const hasStageDate = Object.values(mapping).some(
    (t) => t === 'savedAt' || t === 'appliedAt' || t === 'stageAt' || t === 'endedAt',
  );
  if (!hasStageDate) {
    fileWarnings.push({
      field: 'appliedAt',
      column: null,
      message: 'no column holds a date (applied, saved, …); every application is dated at the time of import',
    });
  }
  const evidence = collectDateOrderEvidence(dateCells(table, mapping));
  const { order, warning } = decideDateOrder(evidence, options.dateOrder ?? null, format);
  if (warning) fileWarnings.push(warning);

  const readRow = makeCsvRowReader({
    headers: table.headers,
    mapping,
    format,
    parseDate: makeCsvDateParser({ order, timeZone: options.timeZone, naiveTimes: format.naiveTimes }),
    now: nowIso(deps),
  });
  const guard = makeDuplicateGuard(existing);
  const companyKeyOf = makeCompanyKeyOf();
  const now = nowIso(deps);
  const quietIfBefore = quietBefore(now, options.timeZone);
  function* rows(): Generator<PlannedRow> {
    for (const record of table.records) {
      const reading = readRow(record);
      if (!reading.draft) {
        yield {
          row: record.row,
          action: 'error',
          warnings: reading.warnings,
          errors: reading.errors,
          urlKey: null,
          isQuiet: false,
        };
        continue;
      }
      const keys = keysOf(reading.draft, companyKeyOf);
      const duplicateOf = guard.check(keys);
      const isDuplicate = duplicateOf !== null && !options.allowDuplicates;
      if (!isDuplicate) guard.remember(keys, record.row);
      yield {
        row: record.row,
        action: isDuplicate ? 'duplicate' : 'create',
        application: reading.draft,
        ...(duplicateOf ? { duplicateOf } : {}),
        warnings: reading.warnings,
        errors: [],
        urlKey: keys.url,
        isQuiet: isQuietDraft(reading.draft, now, quietIfBefore),
      };
    }
  }
  return {
    format: { id: format.id, label: format.label },
    delimiter: table.delimiter,
    encoding: table.encoding,
    mapping,
    dateOrder: evidence.numericCount > 0 ? order : null,
    warnings: fileWarnings,
    errors: fileErrors,
    rowCount: table.records.length,
    rows,
  };
}

/**
 * Whether the application a row becomes has had no news for a long time, by the row's own dates: the
 * reader dates its moves in order, so the last one is the latest (an undated row is dated now).
 */
function isQuietDraft(draft: CsvApplicationDraft, now: string, before: string): boolean {
  const last = draft.moves.at(-1);
  const stage = last?.stage ?? draft.create.stage ?? 'applied';
  const lastChangeAt = (last ? last.occurredAt : draft.create.stageAt) ?? now;
  return isQuiet(stage, lastChangeAt, before);
}

function* dateCells(table: CsvTable, mapping: CsvColumnMapping): Generator<string> {
  const indexes = table.headers.flatMap((h, i) => (dateFields.has(mapping[h] as CsvField) ? [i] : []));
  for (const record of table.records) for (const i of indexes) yield record.cells[i] ?? '';
}

/**
 * Day/month order, decided once per file: the user's choice, else the exporter's known order, else what
 * the values themselves prove (a first part above 12 means day first), else month first. Any choice not
 * made by the user is reported, because a wrong guess shifts dates silently.
 */
function decideDateOrder(
  evidence: DateOrderEvidence,
  chosen: DateOrder | null,
  format: CsvFormat,
): { order: DateOrder; warning: CsvRowIssue | null } {
  if (chosen) return { order: chosen, warning: null };
  if (evidence.numericCount === 0) return { order: format.dateOrder ?? 'mdy', warning: null };
  const note = (message: string) => ({ field: 'dateOrder', column: null, message });
  if (format.dateOrder) {
    const name = format.dateOrder === 'mdy' ? 'month/day (MM/DD/YYYY)' : 'day/month (DD/MM/YYYY)';
    return {
      order: format.dateOrder,
      warning: note(`dates read as ${name}, as ${format.label} writes them`),
    };
  }
  const { dayFirstExample: dayFirst, monthFirstExample: monthFirst } = evidence;
  if (dayFirst && monthFirst) {
    return {
      order: 'mdy',
      warning: note(
        `the file mixes day/month ("${dayFirst}") and month/day ("${monthFirst}") dates; read as month/day, so the day/month ones are reported as errors; set dateOrder to choose`,
      ),
    };
  }
  if (dayFirst) {
    return { order: 'dmy', warning: note(`dates read as day/month (DD/MM/YYYY) because of "${dayFirst}"`) };
  }
  if (monthFirst) {
    return { order: 'mdy', warning: note(`dates read as month/day (MM/DD/YYYY) because of "${monthFirst}"`) };
  }
  return {
    order: 'mdy',
    warning: note(
      'dates such as 03/04/2025 could be month/day or day/month and no value settles it; read as month/day (MM/DD/YYYY); set dateOrder to "dmy" if they are day/month',
    ),
  };
}

type DuplicateKeys = { readonly url: string | null; readonly title: string };

function keysOf(draft: CsvApplicationDraft, companyKeyOf: (name: string) => string): DuplicateKeys {
  return {
    url: draft.create.postingUrl ? normalizePostingUrl(draft.create.postingUrl) : null,
    title: `${companyKeyOf(draft.create.companyName ?? '')}\n${titleKeyOf(draft.create.jobTitle)}`,
  };
}

/** `normalizeCompanyName`, remembered per spelling: a file names the same few hundred companies many times. */
function makeCompanyKeyOf(): (name: string) => string {
  const keys = new Map<string, string>();
  return (name) => {
    let key = keys.get(name);
    if (key === undefined) {
      key = normalizeCompanyName(name);
      keys.set(name, key);
    }
    return key;
  };
}

/** The duplicate guard of `createApplication`, for a whole file: same posting URL, or same company and title. */
function makeDuplicateGuard(existing: readonly ApplicationKey[]) {
  const byUrl = new Map<string, CsvDuplicate>();
  const byTitle = new Map<string, CsvDuplicate>();
  for (const key of existing) {
    const found = { applicationId: key.id, jobTitle: key.jobTitle, companyName: key.companyName };
    if (key.postingUrlKey && !byUrl.has(key.postingUrlKey)) {
      byUrl.set(key.postingUrlKey, { ...found, reason: 'posting_url' });
    }
    const titleKey = `${key.companyNameKey}\n${key.titleKey}`;
    if (!byTitle.has(titleKey)) byTitle.set(titleKey, { ...found, reason: 'company_and_title' });
  }
  return {
    check({ url, title }: DuplicateKeys): CsvDuplicate | null {
      return (url ? byUrl.get(url) : undefined) ?? byTitle.get(title) ?? null;
    },
    remember({ url, title }: DuplicateKeys, row: number): void {
      if (url && !byUrl.has(url)) byUrl.set(url, { row, reason: 'posting_url' });
      if (!byTitle.has(title)) byTitle.set(title, { row, reason: 'company_and_title' });
    },
  };
}

/**
 * Writes drafts as `createApplication` followed by `moveApplication` would, building each application,
 * its stage-change events and its planned follow-ups with the same builders (`buildNewApplication`,
 * `planStepChanges`), but in batches: the companies are looked up
 * once and each batch is a handful of multi-row inserts instead of about ten statements per row. A test
 * imports the same drafts both ways and compares the results, so the two paths cannot drift apart unnoticed.
 * `add` answers whether it wrote a batch; `finish` writes the rest and answers how many were added.
 * `history` is the user's choice for an application with no news for a long time, null for any other.
 */
async function startDraftWriter(deps: Deps, sink: StatementSink) {
  const companyKeyOf = makeCompanyKeyOf();
  const companies = new Map<string, Company>();
  for (const company of await listAllCompanies(deps.db, deps.userId)) {
    companies.set(companyKeyOf(company.name), company);
  }
  const planning = await loadPlanningContext(deps.db, deps.userId);
  let added = 0;
  let batch = emptyBatch();

  const flush = async () => {
    if (batch.applications.length === 0) return;
    const full = batch;
    batch = emptyBatch();
    await insertApplicationsInBulk(sink, deps.userId, full);
  };

  return {
    async add(
      draft: CsvApplicationDraft,
      urlKey: string | null,
      history: HistoryChoice | null,
    ): Promise<boolean> {
      const now = nowIso(deps);
      const name = draft.create.companyName ?? '';
      let company = companies.get(companyKeyOf(name));
      if (!company) {
        company = {
          id: deps.ids.next(),
          name,
          website: null,
          sizeBand: draft.company?.sizeBand ?? null,
          industry: draft.company?.industry ?? null,
          notes: '',
          createdAt: now,
          updatedAt: now,
        };
        companies.set(companyKeyOf(name), company);
        batch.companies.push(company);
      }
      const moves = history === 'no_response' ? [...draft.moves, endedAsNoResponse(now)] : draft.moves;
      const { application, events } = buildNewApplication(
        deps,
        draft.create,
        mergePosting(emptyPosting, draft.create.posting),
        company,
        moves,
        now,
      );
      const record = { application, events, interviews: [], steps: [] };
      batch.applications.push(application);
      batch.events.push(...events);
      batch.followUps.push(
        ...(history === 'keep'
          ? closeOutPlan(deps, record, planning, now, keptWithoutRemindersNote)
          : planStepChanges(
              deps,
              record,
              planning,
              now,
              history === 'plan_from_today' ? 'plan_from_added' : undefined,
            ).inserted),
      );
      if (urlKey) batch.postingUrlKeys.set(application.id, urlKey);
      added++;
      if (batch.applications.length < batchSize) return false;
      await flush();
      return true;
    },
    async finish(): Promise<number> {
      await flush();
      return added;
    },
  };
}

/** The ending the "mark them as no response" choice adds after the history a row describes. */
function endedAsNoResponse(now: string) {
  return {
    stage: 'ended',
    outcome: 'no_response',
    occurredAt: now,
    note: `Ended as no response when imported: no news for more than ${quietAfterDays} days`,
  } as const;
}

/** What a step closed by the "keep them open without reminders" choice says. */
export const keptWithoutRemindersNote = `Not planned: imported with no news for more than ${quietAfterDays} days and kept open without reminders`;

function emptyBatch() {
  return {
    companies: [] as Company[],
    applications: [] as Application[],
    events: [] as StageChangeEvent[],
    followUps: [] as FollowUp[],
    postingUrlKeys: new Map<string, string>(),
  };
}
