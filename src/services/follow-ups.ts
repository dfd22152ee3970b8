import type { z } from 'zod';
import type { Application } from '../core/application.js';
import type { BulkFailure } from '../core/bulk.js';
import { assertHappened } from '../core/date-window.js';
import { hasEmployerResponded } from '../core/employer-response.js';
import { AppError, fieldError, isAppError } from '../core/errors.js';
import {
  type FollowUp,
  type FollowUpBulk,
  type FollowUpBulkResult,
  type FollowUpCreate,
  type FollowUpDone,
  type FollowUpReopen,
  type FollowUpSkip,
  type FollowUpSnooze,
  type FollowUpUpdate,
  type followUpListQuerySchema,
  isOpenFollowUp,
  openFollowUpStatuses,
} from '../core/follow-up.js';
import { dayWindows, isLocalDate, morningOf } from '../core/local-time.js';
import {
  type ApplicationRecord,
  findApplication,
  getApplication,
  getApplicationRecord,
} from '../storage/application-store.js';
import { findContact } from '../storage/contact-store.js';
import { listApplicationEvents } from '../storage/event-store.js';
import {
  deleteFollowUpRow,
  type FollowUpFilter,
  getFollowUp as getFollowUpRow,
  insertFollowUp,
  listFollowUps as listFollowUpRows,
  updateFollowUpRow,
} from '../storage/follow-up-store.js';
import { findInterview, listInterviews } from '../storage/interview-store.js';
import type { Db } from '../storage/schema.js';
import { getSettings } from '../storage/settings-store.js';
import { type Deps, inTransaction, nowIso, type TxDeps } from './deps.js';
import {
  loadPlanningContext,
  type PlanningContext,
  planStepChanges,
  type StepChanges,
  writeStepChanges,
} from './replan.js';

type FollowUpListFilter = z.output<typeof followUpListQuerySchema>;

export async function createFollowUp(deps: Deps, input: FollowUpCreate): Promise<FollowUp> {
  return inTransaction(deps, async (tx) => {
    const application = await findApplication(tx.db, deps.userId, input.applicationId);
    if (!application) throw fieldError('applicationId', `no application with id ${input.applicationId}`);
    await assertReferences(tx.db, deps.userId, input);
    if (input.kind === 'application_check_in') await assertNotAnswered(tx.db, deps.userId, application);
    const now = nowIso(deps);
    const step: FollowUp = {
      id: deps.ids.next(),
      applicationId: input.applicationId,
      kind: input.kind ?? 'custom',
      dueAt: input.dueAt,
      channel: input.channel ?? null,
      status: 'planned',
      reason: input.reason ?? 'Added by you',
      contactId: input.contactId ?? null,
      interviewId: input.interviewId ?? null,
      origin: 'manual',
      planKey: null,
      snoozedUntil: null,
      completedAt: null,
      completionNote: null,
      createdAt: now,
      updatedAt: now,
    };
    await insertFollowUp(tx.db, deps.userId, step);
    return step;
  });
}

export function getFollowUp(deps: Deps, id: string): Promise<FollowUp> {
  return getFollowUpRow(deps.db, deps.userId, id);
}

/** Lists steps; `due` picks a window of the user's local calendar, computed from `asOf` (default now). */
export async function listFollowUps(deps: Deps, query: FollowUpListFilter): Promise<FollowUp[]> {
  const filter: FollowUpFilter = {
    applicationId: query.applicationId,
    statuses: query.status ? [query.status] : undefined,
    limit: query.limit,
  };
  if (!query.due) return listFollowUpRows(deps.db, deps.userId, filter);
  const settings = await getSettings(deps.db, deps.userId);
  const days = dayWindows(query.asOf ?? nowIso(deps), settings.timeZone);
  const windows = {
    overdue: { dueBefore: days.todayStart },
    today: { dueFrom: days.todayStart, dueBefore: days.tomorrowStart },
    week: { dueFrom: days.tomorrowStart, dueBefore: days.weekEnd },
    open: {},
  } as const;
  return listFollowUpRows(deps.db, deps.userId, {
    ...filter,
    statuses: openFollowUpStatuses,
    ...windows[query.due],
  });
}

export async function updateFollowUp(deps: Deps, id: string, input: FollowUpUpdate): Promise<FollowUp> {
  return inTransaction(deps, async (tx) => {
    const current = await getFollowUpRow(tx.db, deps.userId, id);
    await assertReferences(tx.db, deps.userId, input);
    if (input.kind === 'application_check_in' && current.kind !== 'application_check_in') {
      await assertNotAnswered(
        tx.db,
        deps.userId,
        await getApplication(tx.db, deps.userId, current.applicationId),
      );
    }
    const next: FollowUp = {
      ...current,
      kind: input.kind ?? current.kind,
      dueAt: input.dueAt ?? current.dueAt,
      channel: input.channel === undefined ? current.channel : input.channel,
      reason: input.reason ?? current.reason,
      contactId: input.contactId === undefined ? current.contactId : input.contactId,
      updatedAt: nowIso(deps),
    };
    await updateFollowUpRow(tx.db, deps.userId, next);
    return next;
  });
}

/** Marks a step done at `at` (default now); the next step is timed from then. */
export function markFollowUpDone(deps: Deps, id: string, input: FollowUpDone = {}): Promise<FollowUp> {
  return changeStep(deps, id, openStepChange(deps, input.at, doneAs(input)));
}

/** Skips a step at `at` (default now): a step skipped yesterday is recorded yesterday, as done is. */
export function skipFollowUp(deps: Deps, id: string, input: FollowUpSkip = {}): Promise<FollowUp> {
  return changeStep(deps, id, openStepChange(deps, input.at, skippedAs(input)));
}

/**
 * Moves a step to a later time; a date alone means the working morning of that date, in the user's zone.
 * `at` says when the snooze was decided (default now): the new time must be after it.
 */
export async function snoozeFollowUp(deps: Deps, id: string, input: FollowUpSnooze): Promise<FollowUp> {
  const until = await snoozeUntil(deps, input);
  return changeStep(deps, id, openStepChange(deps, input.at, snoozedAs(until)));
}

/**
 * Opens a done or skipped step again, or gives a step back the snooze it had: what Undo does. The plan is
 * re-made around it, so a step timed from this one is withdrawn until it is done again. A step the plan no
 * longer has (the application moved on, the employer answered) is refused rather than silently dropped.
 */
export function reopenFollowUp(deps: Deps, id: string, input: FollowUpReopen = {}): Promise<FollowUp> {
  return changeStep(deps, id, reopenChange(deps, input));
}

/**
 * One action on several steps, in one transaction. A step that cannot take it (not found, already done,
 * no longer in the plan) is reported in `failed` and left alone; the others are changed.
 */
export async function changeFollowUps(deps: Deps, input: FollowUpBulk): Promise<FollowUpBulkResult> {
  const items = await bulkDecisions(deps, input);
  return inTransaction(deps, async (tx) => {
    const planning = await loadPlanningContext(tx.db, tx.userId);
    const steps: FollowUp[] = [];
    const failed: BulkFailure[] = [];
    for (const { id, decide } of items) {
      let decided: StepDecision;
      try {
        decided = await decide(tx, id, planning);
      } catch (error) {
        if (!isAppError(error)) throw error;
        failed.push({ id, code: error.code, message: error.message });
        continue;
      }
      steps.push(await writeStepDecision(tx, decided));
    }
    return { steps, failed };
  });
}

async function bulkDecisions(deps: Deps, input: FollowUpBulk): Promise<{ id: string; decide: Decide }[]> {
  if (input.action === 'reopen') {
    return input.steps.map(({ id, ...fields }) => ({ id, decide: reopenChange(deps, fields) }));
  }
  const change =
    input.action === 'done'
      ? doneAs(input)
      : input.action === 'skip'
        ? skippedAs(input)
        : snoozedAs(await snoozeUntil(deps, input));
  const decide = openStepChange(deps, input.at, change);
  return input.ids.map((id) => ({ id, decide }));
}

/** A change to one step and the re-plan around it, decided and checked before anything is written. */
type StepDecision = { readonly next: FollowUp; readonly changes: StepChanges };

/** Reads what a change needs and decides it, throwing an AppError (and writing nothing) when it cannot be made. */
type Decide = (tx: TxDeps, id: string, planning: PlanningContext) => Promise<StepDecision>;

async function changeStep(deps: Deps, id: string, decide: Decide): Promise<FollowUp> {
  return inTransaction(deps, async (tx) =>
    writeStepDecision(tx, await decide(tx, id, await loadPlanningContext(tx.db, tx.userId))),
  );
}

const doneAs =
  (input: FollowUpDone) =>
  (step: FollowUp, at: string): FollowUp => ({
    ...step,
    status: 'done',
    completedAt: at,
    completionNote: input.note ?? null,
  });

const skippedAs =
  (input: FollowUpSkip) =>
  (step: FollowUp, at: string): FollowUp => ({
    ...step,
    status: 'skipped',
    completedAt: at,
    completionNote: input.reason ?? null,
  });

const snoozedAs =
  (until: string) =>
  (step: FollowUp): FollowUp => ({ ...step, status: 'snoozed', snoozedUntil: until, dueAt: until });

async function snoozeUntil(deps: Deps, input: FollowUpSnooze): Promise<string> {
  const settings = await getSettings(deps.db, deps.userId);
  const until = isLocalDate(input.until) ? morningOf(input.until, settings.timeZone) : input.until;
  const at = input.at ?? nowIso(deps);
  if (until <= at) {
    throw fieldError('until', input.at ? `must be after at (${input.at})` : 'must be in the future');
  }
  return until;
}

/**
 * Changes an open step as of `at` (when the user says it happened, default now), which may be neither in
 * the future nor before the application was sent.
 */
function openStepChange(
  deps: Deps,
  at: string | undefined,
  change: (step: FollowUp, at: string) => FollowUp,
): Decide {
  const now = nowIso(deps);
  assertHappened('at', at, now);
  return async (tx, id, planning) => {
    const current = await getFollowUpRow(tx.db, tx.userId, id);
    if (!isOpenFollowUp(current)) {
      throw new AppError('FOLLOW_UP_NOT_OPEN', `The step is already ${current.status}`, {
        status: current.status,
      });
    }
    const record = await getApplicationRecord(tx.db, tx.userId, current.applicationId);
    if (at !== undefined) assertAfterApplying(record.application, at);
    // What comes next is timed from when this step was really done, so the rest of the plan moves with it.
    return planAround(tx, record, { ...change(current, at ?? now), updatedAt: now }, planning);
  };
}

function reopenChange(deps: Deps, input: FollowUpReopen): Decide {
  const now = nowIso(deps);
  return async (tx, id, planning) => {
    const current = await getFollowUpRow(tx.db, tx.userId, id);
    if (input.dueAt !== undefined && current.origin === 'plan') {
      throw fieldError(
        'dueAt',
        'a step of your playbook is due when the plan says; give snoozedUntil to move it later',
      );
    }
    const snoozedUntil = input.snoozedUntil === undefined ? current.snoozedUntil : input.snoozedUntil;
    const next: FollowUp = {
      ...current,
      status: snoozedUntil === null ? 'planned' : 'snoozed',
      snoozedUntil,
      // A step of the plan gets its date from the plan below; one of the user's own keeps the date it had.
      dueAt: input.dueAt ?? input.snoozedUntil ?? current.dueAt,
      completedAt: null,
      completionNote: null,
      updatedAt: now,
    };
    const record = await getApplicationRecord(tx.db, tx.userId, current.applicationId);
    const decided = planAround(tx, record, next, planning);
    const after = decided.changes.steps.find((step) => step.id === id);
    if (!after || !isOpenFollowUp(after)) {
      throw new AppError(
        'FOLLOW_UP_NOT_REOPENABLE',
        `The plan for this application no longer has this step (it has moved on, or the employer has answered), so it stays ${current.status}`,
        { status: current.status },
      );
    }
    return decided;
  };
}

function planAround(
  tx: TxDeps,
  record: ApplicationRecord,
  next: FollowUp,
  planning: PlanningContext,
): StepDecision {
  const steps = record.steps.map((step) => (step.id === next.id ? next : step));
  return { next, changes: planStepChanges(tx, { ...record, steps }, planning, nowIso(tx)) };
}

/** Writes the step and the re-plan around it (one write of the step, even when the plan moved it too). */
async function writeStepDecision(tx: TxDeps, { next, changes }: StepDecision): Promise<FollowUp> {
  const replanned = changes.updated.find((step) => step.id === next.id);
  await updateFollowUpRow(tx.db, tx.userId, replanned ?? next);
  await writeStepChanges(tx, { ...changes, updated: changes.updated.filter((step) => step !== replanned) });
  return changes.steps.find((step) => step.id === next.id) ?? next;
}

export async function deleteFollowUp(deps: Deps, id: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const step = await getFollowUpRow(tx.db, deps.userId, id);
    if (step.origin === 'plan') {
      throw new AppError(
        'FOLLOW_UP_IS_PLANNED',
        'This step comes from your playbook and would be planned again; skip it instead (or turn the rule off)',
        { planKey: step.planKey },
      );
    }
    await deleteFollowUpRow(tx.db, deps.userId, id);
  });
}

function assertAfterApplying(application: Application, at: string) {
  if (application.appliedAt && at < application.appliedAt) {
    throw new AppError(
      'VALIDATION_FAILED',
      `at: ${at} is before the application was sent (${application.appliedAt})`,
      {
        issues: [
          { field: 'at', message: `is before the application was sent (appliedAt ${application.appliedAt})` },
        ],
        at,
        appliedAt: application.appliedAt,
      },
    );
  }
}

async function assertReferences(
  db: Db,
  userId: string,
  input: { contactId?: string | null | undefined; interviewId?: string | null | undefined },
) {
  if (input.contactId && !(await findContact(db, userId, input.contactId))) {
    throw fieldError('contactId', `no contact with id ${input.contactId}`);
  }
  if (input.interviewId && !(await findInterview(db, userId, input.interviewId))) {
    throw fieldError('interviewId', `no interview with id ${input.interviewId}`);
  }
}

/** A check-in asks whether the application arrived; once the employer has answered, it has nothing to ask. */
async function assertNotAnswered(db: Db, userId: string, application: Application) {
  const applicationId = application.id;
  const answered = hasEmployerResponded({
    application,
    interviews: await listInterviews(db, userId, { applicationId }),
    events: await listApplicationEvents(db, userId, applicationId),
  });
  if (answered) {
    throw fieldError(
      'kind',
      'the employer has already answered this application, so a check-in has nothing to ask: add a follow-up (first_follow_up) or a custom step',
    );
  }
}
