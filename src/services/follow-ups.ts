import type { z } from 'zod';
import type { Application } from '../core/application.js';
import { assertHappened } from '../core/date-window.js';
import { hasEmployerResponded } from '../core/employer-response.js';
import { AppError, fieldError } from '../core/errors.js';
import {
  type FollowUp,
  type FollowUpCreate,
  type FollowUpDone,
  type FollowUpSkip,
  type FollowUpSnooze,
  type FollowUpUpdate,
  type followUpListQuerySchema,
  isOpenFollowUp,
  openFollowUpStatuses,
} from '../core/follow-up.js';
import { dayWindows, isLocalDate, morningOf } from '../core/local-time.js';
import { findApplication, getApplication, getApplicationRecord } from '../storage/application-store.js';
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
import { type Deps, inTransaction, nowIso } from './deps.js';
import { replanApplication } from './replan.js';

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
  return changeOpenStep(deps, id, input.at, (step, at) => ({
    ...step,
    status: 'done',
    completedAt: at,
    completionNote: input.note ?? null,
  }));
}

/** Skips a step at `at` (default now): a step skipped yesterday is recorded yesterday, as done is. */
export function skipFollowUp(deps: Deps, id: string, input: FollowUpSkip = {}): Promise<FollowUp> {
  return changeOpenStep(deps, id, input.at, (step, at) => ({
    ...step,
    status: 'skipped',
    completedAt: at,
    completionNote: input.reason ?? null,
  }));
}

/**
 * Moves a step to a later time; a date alone means the working morning of that date, in the user's zone.
 * `at` says when the snooze was decided (default now): the new time must be after it.
 */
export async function snoozeFollowUp(deps: Deps, id: string, input: FollowUpSnooze): Promise<FollowUp> {
  const settings = await getSettings(deps.db, deps.userId);
  const until = isLocalDate(input.until) ? morningOf(input.until, settings.timeZone) : input.until;
  const at = input.at ?? nowIso(deps);
  if (until <= at) {
    throw fieldError('until', input.at ? `must be after at (${input.at})` : 'must be in the future');
  }
  return changeOpenStep(deps, id, input.at, (step) => ({
    ...step,
    status: 'snoozed',
    snoozedUntil: until,
    dueAt: until,
  }));
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

/**
 * Changes an open step as of `at` (when the user says it happened, default now), which may be neither in
 * the future nor before the application was sent.
 */
async function changeOpenStep(
  deps: Deps,
  id: string,
  at: string | undefined,
  change: (step: FollowUp, at: string) => FollowUp,
) {
  const now = nowIso(deps);
  assertHappened('at', at, now);
  return inTransaction(deps, async (tx) => {
    const current = await getFollowUpRow(tx.db, deps.userId, id);
    if (!isOpenFollowUp(current)) {
      throw new AppError('FOLLOW_UP_NOT_OPEN', `The step is already ${current.status}`, {
        status: current.status,
      });
    }
    const record = await getApplicationRecord(tx.db, tx.userId, current.applicationId);
    if (at !== undefined) assertAfterApplying(record.application, at);
    const next = { ...change(current, at ?? now), updatedAt: now };
    await updateFollowUpRow(tx.db, deps.userId, next);
    // What comes next is timed from when this step was really done, so the rest of the plan moves with it.
    const steps = await replanApplication(tx, {
      ...record,
      steps: record.steps.map((step) => (step.id === id ? next : step)),
    });
    return steps.find((step) => step.id === id) ?? next;
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
