import type {
  Application,
  ApplicationBulk,
  ApplicationBulkResult,
  ApplicationCardList,
  ApplicationCardsQuery,
  ApplicationCreate,
  ApplicationListFilter,
  ApplicationListPage,
  ApplicationUpdate,
  Posting,
  SentDocument,
  StageChangeInput,
  StageUndo,
} from '../core/application.js';
import { emptyPosting } from '../core/application-values.js';
import { firstCardsOfColumns } from '../core/board-sort.js';
import type { BulkFailure } from '../core/bulk.js';
import type { Company } from '../core/company.js';
import { assertHappened } from '../core/date-window.js';
import { AppError, fieldError, isAppError } from '../core/errors.js';
import type { StageChangeEvent, TimelineEvent } from '../core/event.js';
import { planStageChange, type StageChange, summarizeStageHistory } from '../core/pipeline-values.js';
import {
  type ApplicationRecord,
  deleteApplicationRow,
  findDuplicateApplications,
  getApplicationRecord,
  getApplication as getApplicationRow,
  insertApplication,
  listApplicationCards as listApplicationCardRows,
  listApplications as listApplicationRows,
  updateApplicationRow,
} from '../storage/application-store.js';
import { findCompany } from '../storage/company-store.js';
import { deleteEventRow, insertEvent, listApplicationEvents } from '../storage/event-store.js';
import type { Db } from '../storage/schema.js';
import { lockNaturalKeys } from '../storage/sql-helpers.js';
import { findOrCreateCompany } from './companies.js';
import { type Deps, inTransaction, nowIso, type TxDeps } from './deps.js';

// Loaded by the changes that use them: the planner brings date-holidays' data and posting-text two HTML
// libraries, which a read such as `hearback list` does not need (issue 12, item 11).
const loadPostingText = () => import('../core/posting-text.js');
const loadReplan = () => import('./replan.js');

export async function createApplication(deps: Deps, input: ApplicationCreate): Promise<Application> {
  assertHappened('stageAt', input.stageAt, nowIso(deps));
  const [{ mergePosting }, { replanApplication }] = await Promise.all([loadPostingText(), loadReplan()]);
  return inTransaction(deps, async (tx) => {
    await lockNaturalKeys(tx.db, deps.userId);
    const company = input.companyId
      ? await requireCompany(tx.db, deps.userId, input.companyId)
      : await findOrCreateCompany(tx, input.companyName ?? '');
    if (!input.allowDuplicate) {
      const duplicates = await findDuplicateApplications(tx.db, deps.userId, {
        postingUrl: input.postingUrl ?? null,
        companyId: company.id,
        jobTitle: input.jobTitle,
      });
      if (duplicates.length > 0) throw duplicateError(duplicates);
    }
    const posting = mergePosting(emptyPosting, input.posting);
    const { application, events } = buildNewApplication(tx, input, posting, company, [], nowIso(tx));
    await insertApplication(tx.db, tx.userId, application);
    for (const event of events) await insertEvent(tx.db, tx.userId, event);
    await replanApplication(tx, { application, events, interviews: [], steps: [] });
    return application;
  });
}

export function getApplication(deps: Deps, id: string): Promise<Application> {
  return getApplicationRow(deps.db, deps.userId, id);
}

export function listApplications(deps: Deps, filter: ApplicationListFilter): Promise<ApplicationListPage> {
  return listApplicationRows(deps.db, deps.userId, filter);
}

/** Every application as the board draws it, in one answer. */
/**
 * The board's cards: every application, or (with `first`) each active column's first cards in the order
 * `sort`, what the board draws when it opens; either way with how many each stage holds.
 */
export async function listApplicationCards(
  deps: Deps,
  query: Partial<ApplicationCardsQuery> = {},
): Promise<ApplicationCardList> {
  const cards = await listApplicationCardRows(deps.db, deps.userId);
  const counts = { saved: 0, applied: 0, screening: 0, interviewing: 0, offer: 0, ended: 0, rejected: 0 };
  for (const card of cards) {
    counts[card.stage] += 1;
    if (card.stage === 'ended' && card.outcome === 'rejected') counts.rejected += 1;
  }
  if (query.first === undefined) return { items: cards, counts };
  return { items: firstCardsOfColumns(cards, query.sort ?? 'activity', query.first), counts };
}

export async function updateApplication(
  deps: Deps,
  id: string,
  input: ApplicationUpdate,
): Promise<Application> {
  const { mergePosting } = await loadPostingText();
  return inTransaction(deps, async (tx) => {
    const current = await getApplicationRow(tx.db, deps.userId, id);
    const company = input.companyId
      ? await requireCompany(tx.db, deps.userId, input.companyId)
      : current.company;
    const next: Application = {
      ...current,
      company: { id: company.id, name: company.name },
      jobTitle: input.jobTitle ?? current.jobTitle,
      postingUrl: input.postingUrl === undefined ? current.postingUrl : input.postingUrl,
      posting: mergePosting(current.posting, input.posting),
      source: input.source
        ? { kind: input.source.kind, detail: input.source.detail ?? null }
        : current.source,
      priority: input.priority ?? current.priority,
      tags: input.tags ?? current.tags,
      resume: input.resume === undefined ? current.resume : toDocument(input.resume),
      coverLetter: input.coverLetter === undefined ? current.coverLetter : toDocument(input.coverLetter),
      notes: input.notes ?? current.notes,
      updatedAt: nowIso(deps),
    };
    await updateApplicationRow(tx.db, deps.userId, next, current);
    return next;
  });
}

export async function deleteApplication(deps: Deps, id: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    await getApplicationRow(tx.db, deps.userId, id);
    await deleteApplicationRow(tx.db, deps.userId, id);
  });
}

/** Records a stage change. History is only ever appended; the current and furthest stage are derived from it. */
export async function moveApplication(deps: Deps, id: string, input: StageChangeInput): Promise<Application> {
  const decide = moveDecision(deps, input);
  const { replanApplication } = await loadReplan();
  return inTransaction(deps, async (tx) => writeMove(tx, await decide(tx, id), replanApplication));
}

/**
 * Takes back the application's latest move, as Undo does: its entry leaves the history, as if the move had
 * never been made, and the stage, furthest stage and dates derived from the history go back with it. Only
 * the latest move, and only when it is the one named (from, to); a move made since is never taken back.
 */
export async function undoMove(deps: Deps, id: string, input: StageUndo): Promise<Application> {
  const decide = undoMoveDecision(deps, input);
  const { replanApplication } = await loadReplan();
  return inTransaction(deps, async (tx) => writeMove(tx, await decide(tx, id), replanApplication));
}

/**
 * Takes back the application's latest move, whichever it is: `hearback move --undo`. The same rule as
 * `undoMove`, without naming the move, since a person at a terminal asks for "the last one".
 */
export async function undoLatestMove(deps: Deps, id: string): Promise<Application> {
  const decide = undoMoveDecision(deps, 'latest');
  const { replanApplication } = await loadReplan();
  return inTransaction(deps, async (tx) => writeMove(tx, await decide(tx, id), replanApplication));
}

/**
 * Moves several applications (or takes back their moves) in one transaction. An application that cannot
 * take it (not found, already there, moved since) is reported in `failed` and left alone.
 */
export async function changeApplications(deps: Deps, input: ApplicationBulk): Promise<ApplicationBulkResult> {
  const items =
    input.action === 'move'
      ? input.ids.map((id) => ({ id, decide: moveDecision(deps, input) }))
      : input.moves.map(({ id, ...move }) => ({ id, decide: undoMoveDecision(deps, move) }));
  const { replanApplication, loadPlanningContext } = await loadReplan();
  return inTransaction(deps, async (tx) => {
    const planning = await loadPlanningContext(tx.db, tx.userId);
    const replan: Replan = (trx, record) => replanApplication(trx, record, planning);
    const applications: Application[] = [];
    const failed: BulkFailure[] = [];
    for (const { id, decide } of items) {
      let decided: MoveDecision;
      try {
        decided = await decide(tx, id);
      } catch (error) {
        if (!isAppError(error)) throw error;
        failed.push({ id, code: error.code, message: error.message });
        continue;
      }
      applications.push(await writeMove(tx, decided, replan));
    }
    return { applications, failed };
  });
}

/** A stage change (a move, or a move taken back), decided and checked before anything is written. */
type MoveDecision = {
  readonly record: ApplicationRecord;
  readonly application: Application;
  readonly events: readonly TimelineEvent[];
  readonly added: StageChangeEvent | null;
  readonly removed: StageChangeEvent | null;
};

type Replan = (tx: TxDeps, record: ApplicationRecord) => Promise<unknown>;

function moveDecision(deps: Deps, input: StageChangeInput) {
  const now = nowIso(deps);
  assertHappened('occurredAt', input.occurredAt, now);
  return async (tx: TxDeps, id: string): Promise<MoveDecision> => {
    const record = await getApplicationRecord(tx.db, tx.userId, id);
    const history = stageHistoryOf(record.events);
    const change = planStageChange(history, { ...input, occurredAt: input.occurredAt ?? now });
    const event = stageEvent(tx, id, change, input.note ?? null, now);
    const application = {
      ...record.application,
      ...summarizeStageHistory([...history, change]),
      updatedAt: now,
    };
    return { record, application, events: withEvent(record.events, event), added: event, removed: null };
  };
}

/** `'latest'` takes back whatever the latest move is; a named move is taken back only if it is the latest. */
function undoMoveDecision(deps: Deps, input: StageUndo | 'latest') {
  const now = nowIso(deps);
  return async (tx: TxDeps, id: string): Promise<MoveDecision> => {
    const record = await getApplicationRecord(tx.db, tx.userId, id);
    const history = record.events.filter((e): e is StageChangeEvent => e.kind === 'stage_change');
    const latest = history.at(-1);
    const isNamedMove =
      input === 'latest' || (latest?.fromStage === input.fromStage && latest.toStage === input.toStage);
    if (!latest?.fromStage || !isNamedMove) {
      throw new AppError(
        'STAGE_CHANGE_NOT_LATEST',
        latest?.fromStage && input !== 'latest'
          ? `The latest move of this application is from ${latest.fromStage} to ${latest.toStage}, not from ${input.fromStage} to ${input.toStage}: it has moved since; move it yourself`
          : `This application was never moved (it was added as ${latest?.toStage ?? 'nothing'}): there is no move to take back`,
        { latest: latest ? { fromStage: latest.fromStage, toStage: latest.toStage } : null },
      );
    }
    const application = {
      ...record.application,
      ...summarizeStageHistory(history.slice(0, -1)),
      updatedAt: now,
    };
    const events = record.events.filter((e) => e.id !== latest.id);
    return { record, application, events, added: null, removed: latest };
  };
}

async function writeMove(tx: TxDeps, decided: MoveDecision, replan: Replan): Promise<Application> {
  const { record, application, events, added, removed } = decided;
  if (added) await insertEvent(tx.db, tx.userId, added);
  if (removed) await deleteEventRow(tx.db, tx.userId, removed.id);
  await updateApplicationRow(tx.db, tx.userId, application, record.application);
  await replan(tx, { ...record, application, events });
  return application;
}

/**
 * A new application and the stage-change events of its history: the first stage, then each of `moves` in
 * turn. What `createApplication` writes (with no moves), and what the CSV import writes for each row.
 * `posting` is the input's posting already cleaned (`mergePosting` over `emptyPosting`): the caller loads the
 * HTML cleaner, so reading applications never has to.
 */
export function buildNewApplication(
  deps: Pick<Deps, 'ids'>,
  input: ApplicationCreate,
  posting: Posting,
  company: Pick<Company, 'id' | 'name'>,
  moves: readonly StageChangeInput[],
  now: string,
): { application: Application; events: StageChangeEvent[] } {
  const first = planStageChange([], { stage: input.stage ?? 'applied', occurredAt: input.stageAt ?? now });
  const id = deps.ids.next();
  const history: StageChange[] = [first];
  const events = [stageEvent(deps, id, first, null, now)];
  for (const move of moves) {
    const change = planStageChange(history, { ...move, occurredAt: move.occurredAt ?? now });
    events.push(stageEvent(deps, id, change, move.note ?? null, now));
    history.push(change);
  }
  const application: Application = {
    id,
    company: { id: company.id, name: company.name },
    jobTitle: input.jobTitle,
    postingUrl: input.postingUrl ?? null,
    posting,
    source: { kind: input.source?.kind ?? 'other', detail: input.source?.detail ?? null },
    priority: input.priority ?? 3,
    tags: input.tags ?? [],
    resume: toDocument(input.resume),
    coverLetter: toDocument(input.coverLetter),
    notes: input.notes ?? '',
    ...summarizeStageHistory(history),
    createdAt: now,
    updatedAt: now,
  };
  return { application, events };
}

/** `events` with `event` in its place: oldest first, ties by id, as storage lists them. */
function withEvent(events: readonly TimelineEvent[], event: TimelineEvent): TimelineEvent[] {
  const at = events.findIndex(
    (e) => e.occurredAt > event.occurredAt || (e.occurredAt === event.occurredAt && e.id > event.id),
  );
  return at === -1 ? [...events, event] : [...events.slice(0, at), event, ...events.slice(at)];
}

export async function getTimeline(deps: Deps, id: string): Promise<TimelineEvent[]> {
  await getApplicationRow(deps.db, deps.userId, id);
  return listApplicationEvents(deps.db, deps.userId, id);
}

export function stageHistoryOf(events: readonly TimelineEvent[]): StageChange[] {
  return events.filter((e): e is StageChangeEvent => e.kind === 'stage_change');
}

export function stageEvent(
  deps: Pick<Deps, 'ids'>,
  applicationId: string,
  change: StageChange,
  note: string | null,
  now: string,
): StageChangeEvent {
  return {
    id: deps.ids.next(),
    applicationId,
    kind: 'stage_change',
    occurredAt: change.occurredAt,
    createdAt: now,
    fromStage: change.fromStage,
    toStage: change.toStage,
    outcome: change.outcome,
    closedReason: change.closedReason,
    note,
  };
}

async function requireCompany(db: Db, userId: string, companyId: string) {
  const company = await findCompany(db, userId, companyId);
  if (!company) throw fieldError('companyId', `no company with id ${companyId}`);
  return company;
}

function toDocument(input: ApplicationCreate['resume']): SentDocument | null {
  if (!input) return null;
  return { name: input.name ?? null, text: input.text ?? null, fileRef: input.fileRef ?? null };
}

function duplicateError(duplicates: Awaited<ReturnType<typeof findDuplicateApplications>>): AppError {
  const first = duplicates[0]!;
  const why = first.reason === 'posting_url' ? 'the same posting URL' : 'the same company and job title';
  return new AppError(
    'DUPLICATE_APPLICATION',
    `You already track "${first.jobTitle}" at ${first.companyName} (${first.id}) with ${why}; add it anyway with allowDuplicate (API) or --force (CLI)`,
    { existingId: first.id, duplicates },
  );
}
