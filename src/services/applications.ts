import {
  type Application,
  type ApplicationCreate,
  type ApplicationListFilter,
  type ApplicationListPage,
  type ApplicationUpdate,
  emptyPosting,
  type SentDocument,
  type StageChangeInput,
} from '../core/application.js';
import { assertHappened } from '../core/date-window.js';
import { AppError, fieldError } from '../core/errors.js';
import type { StageChangeEvent, TimelineEvent } from '../core/event.js';
import { planStageChange, type StageChange, summarizeStageHistory } from '../core/pipeline.js';
import {
  deleteApplicationRow,
  findDuplicateApplications,
  getApplication as getApplicationRow,
  insertApplication,
  listApplications as listApplicationRows,
  updateApplicationRow,
} from '../storage/application-store.js';
import { findCompany } from '../storage/company-store.js';
import { insertEvent, listApplicationEvents } from '../storage/event-store.js';
import type { Db } from '../storage/schema.js';
import { lockNaturalKeys } from '../storage/sql-helpers.js';
import { findOrCreateCompany } from './companies.js';
import { type Deps, inTransaction, nowIso } from './deps.js';

// Loaded by the changes that use them: the planner brings date-holidays' data and posting-text an HTML parser,
// which a read such as `hearback list` does not need (issue 12, item 11).
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
    const now = nowIso(deps);
    const stageAt = input.stageAt ?? now;
    const first = planStageChange([], { stage: input.stage ?? 'applied', occurredAt: stageAt });
    const id = deps.ids.next();
    const application: Application = {
      id,
      company: { id: company.id, name: company.name },
      jobTitle: input.jobTitle,
      postingUrl: input.postingUrl ?? null,
      posting: mergePosting(emptyPosting, input.posting),
      source: { kind: input.source?.kind ?? 'other', detail: input.source?.detail ?? null },
      priority: input.priority ?? 3,
      tags: input.tags ?? [],
      resume: toDocument(input.resume),
      coverLetter: toDocument(input.coverLetter),
      notes: input.notes ?? '',
      ...summarizeStageHistory([first]),
      createdAt: now,
      updatedAt: now,
    };
    await insertApplication(tx.db, deps.userId, application);
    await insertEvent(tx.db, deps.userId, stageEvent(deps, id, first, null, now));
    await replanApplication(tx, id);
    return application;
  });
}

export function getApplication(deps: Deps, id: string): Promise<Application> {
  return getApplicationRow(deps.db, deps.userId, id);
}

export function listApplications(deps: Deps, filter: ApplicationListFilter): Promise<ApplicationListPage> {
  return listApplicationRows(deps.db, deps.userId, filter);
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
    await updateApplicationRow(tx.db, deps.userId, next);
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
  assertHappened('occurredAt', input.occurredAt, nowIso(deps));
  const { replanApplication } = await loadReplan();
  return inTransaction(deps, async (tx) => {
    const current = await getApplicationRow(tx.db, deps.userId, id);
    const history = stageHistoryOf(await listApplicationEvents(tx.db, deps.userId, id));
    const now = nowIso(deps);
    const change = planStageChange(history, { ...input, occurredAt: input.occurredAt ?? now });
    await insertEvent(tx.db, deps.userId, stageEvent(deps, id, change, input.note ?? null, now));
    const next: Application = { ...current, ...summarizeStageHistory([...history, change]), updatedAt: now };
    await updateApplicationRow(tx.db, deps.userId, next);
    await replanApplication(tx, id);
    return next;
  });
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
