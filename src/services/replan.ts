import { createWorkCalendar, type WorkCalendar } from '../core/business-days.js';
import type { FollowUp } from '../core/follow-up.js';
import {
  checkInsEndedByResponse,
  type PastSteps,
  type PlannedStep,
  planFollowUps,
} from '../core/follow-up-plan.js';
import { defaultPlaybook, type Playbook, parsePlaybook } from '../core/playbook.js';
import type { Settings } from '../core/settings.js';
import {
  type ApplicationRecord,
  getApplicationRecord,
  listApplicationIds,
} from '../storage/application-store.js';
import { deleteFollowUpRows, insertFollowUps, updateFollowUpRow } from '../storage/follow-up-store.js';
import type { Db } from '../storage/schema.js';
import { getSettingsWithPlaybook } from '../storage/settings-store.js';
import { type Deps, nowIso, type TxDeps } from './deps.js';

export type PlanningContext = {
  readonly playbook: Playbook;
  readonly calendar: WorkCalendar;
  readonly settings: Settings;
};

/**
 * Work calendars by settings. Building one loads the country's holiday rules, which is slow compared with
 * planning; a calendar is a pure function of its settings, so sharing one between requests is safe.
 */
const calendars = new Map<string, WorkCalendar>();

export function workCalendarFor(settings: Pick<Settings, 'timeZone' | 'country' | 'region' | 'workingDays'>) {
  const key = JSON.stringify([settings.timeZone, settings.country, settings.region, settings.workingDays]);
  let calendar = calendars.get(key);
  if (!calendar) {
    if (calendars.size >= 64) calendars.clear();
    calendar = createWorkCalendar(settings);
    calendars.set(key, calendar);
  }
  return calendar;
}

export async function loadPlanningContext(db: Db, userId: string): Promise<PlanningContext> {
  const { settings, playbook } = await getSettingsWithPlaybook(db, userId);
  return {
    settings,
    playbook: playbook === null ? defaultPlaybook : parsePlaybook(playbook),
    calendar: workCalendarFor(settings),
  };
}

/** What re-planning an application changes: steps to insert, open steps to update, stale ones to delete. */
export type StepChanges = {
  readonly inserted: readonly FollowUp[];
  readonly updated: readonly FollowUp[];
  readonly deleted: readonly FollowUp[];
  /** Every step of the application once the changes are made, in id order. */
  readonly steps: readonly FollowUp[];
};

/**
 * The re-planning decision, without IO: its open planned steps become exactly what the planner says now,
 * matched by plan key so a step keeps its id (and a snooze) across re-plans. Steps done or skipped stay as
 * history, and steps the user added by hand are left alone, but for a check-in the employer has since
 * answered, which is closed as skipped. Every new planned step of the code base is built here, the CSV
 * import's included. `pastSteps` is for the import of a new application only (see `PastSteps`).
 */
export function planStepChanges(
  deps: Pick<Deps, 'ids'>,
  record: ApplicationRecord,
  planning: PlanningContext,
  now: string,
  pastSteps?: PastSteps,
): StepChanges {
  const { application, steps } = record;
  const input = {
    application,
    interviews: record.interviews,
    events: record.events,
    steps,
    playbook: planning.playbook,
    calendar: planning.calendar,
    now,
    pastSteps,
  };
  const plan = planFollowUps(input);
  if (steps.length === 0) {
    // A new application (the CSV import plans thousands): every planned step is new.
    const inserted = plan.map((planned) => newPlannedStep(deps, application.id, planned, now));
    return { inserted, updated: [], deleted: [], steps: inserted };
  }
  const openByKey = new Map<string, FollowUp>();
  for (const step of steps) {
    if (step.origin === 'plan' && step.planKey && (step.status === 'planned' || step.status === 'snoozed')) {
      openByKey.set(step.planKey, step);
    }
  }
  const inserted: FollowUp[] = [];
  const updated = new Map<string, FollowUp>();
  for (const planned of plan) {
    const existing = openByKey.get(planned.planKey);
    openByKey.delete(planned.planKey);
    if (!existing) {
      inserted.push(newPlannedStep(deps, application.id, planned, now));
      continue;
    }
    const next: FollowUp = { ...existing, ...plannedFields(planned) };
    if (differs(existing, next)) updated.set(next.id, { ...next, updatedAt: now });
  }
  const deleted = [...openByKey.values()];
  const ended = new Set(checkInsEndedByResponse(input).map((s) => s.id));
  for (const step of steps) {
    if (!ended.has(step.id)) continue;
    updated.set(step.id, {
      ...step,
      status: 'skipped',
      completedAt: now,
      completionNote: checkInEndedNote,
      updatedAt: now,
    });
  }
  const gone = new Set(deleted.map((s) => s.id));
  const kept = steps.filter((s) => !gone.has(s.id)).map((s) => updated.get(s.id) ?? s);
  return {
    inserted,
    updated: [...updated.values()],
    deleted,
    steps: [...kept, ...inserted].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
  };
}

/**
 * Re-plans one application inside the caller's transaction from `record`, what the caller has already
 * read (and changed) of it, and writes only the difference. Running it twice changes nothing. Answers
 * the application's steps as they now stand.
 */
export async function replanApplication(
  tx: TxDeps,
  record: ApplicationRecord,
  context?: PlanningContext,
): Promise<readonly FollowUp[]> {
  const planning = context ?? (await loadPlanningContext(tx.db, tx.userId));
  const changes = planStepChanges(tx, record, planning, nowIso(tx));
  await writeStepChanges(tx, changes);
  return changes.steps;
}

/** Writes what re-planning decided, for a caller that had to see the decision first (reopening a step). */
export async function writeStepChanges(tx: TxDeps, changes: StepChanges): Promise<void> {
  await insertFollowUps(tx.db, tx.userId, changes.inserted);
  for (const step of changes.updated) await updateFollowUpRow(tx.db, tx.userId, step);
  await deleteFollowUpRows(
    tx.db,
    tx.userId,
    changes.deleted.map((s) => s.id),
  );
}

/**
 * The steps of a new application kept open without reminders: whatever its plan holds, closed as skipped
 * with `note`, and so on until the plan is empty, so its current cycle plans nothing more. A reply, a move
 * or an interview starts a new cycle, with steps of its own.
 */
export function closeOutPlan(
  deps: Pick<Deps, 'ids'>,
  record: ApplicationRecord,
  planning: PlanningContext,
  now: string,
  note: string,
): FollowUp[] {
  const closed: FollowUp[] = [];
  // Each round closes the next link of a chain; no chain of the playbook is half as long as this bound.
  for (let round = 0; round < 20; round++) {
    const { inserted } = planStepChanges(
      deps,
      { ...record, steps: [...record.steps, ...closed] },
      planning,
      now,
    );
    if (inserted.length === 0) break;
    for (const step of inserted) {
      closed.push({ ...step, status: 'skipped', completedAt: now, completionNote: note });
    }
  }
  return closed;
}

/** Re-plans an application the caller has not read: it is read in one statement, then re-planned. */
export async function replanApplicationById(
  tx: TxDeps,
  applicationId: string,
  context?: PlanningContext,
): Promise<readonly FollowUp[]> {
  return replanApplication(tx, await getApplicationRecord(tx.db, tx.userId, applicationId), context);
}

/** What a check-in the user added by hand says once the employer's answer has closed it. */
export const checkInEndedNote = 'Closed by hearback: the employer has answered, so there is nothing to check';

/** Re-plans every application, after a change that moves dates for all of them (calendar, playbook). */
export async function replanAllApplications(tx: TxDeps): Promise<void> {
  const context = await loadPlanningContext(tx.db, tx.userId);
  for (const id of await listApplicationIds(tx.db, tx.userId)) await replanApplicationById(tx, id, context);
}

function plannedFields(planned: PlannedStep) {
  return {
    kind: planned.kind,
    dueAt: planned.dueAt,
    channel: planned.channel,
    reason: planned.reason,
    contactId: planned.contactId,
    interviewId: planned.interviewId,
  };
}

/** A new step of the plan, as re-planning stores it. */
function newPlannedStep(
  deps: Pick<Deps, 'ids'>,
  applicationId: string,
  planned: PlannedStep,
  now: string,
): FollowUp {
  return {
    id: deps.ids.next(),
    applicationId,
    ...plannedFields(planned),
    status: 'planned',
    origin: 'plan',
    planKey: planned.planKey,
    snoozedUntil: null,
    completedAt: null,
    completionNote: null,
    createdAt: now,
    updatedAt: now,
  };
}

function differs(a: FollowUp, b: FollowUp): boolean {
  return (
    a.kind !== b.kind ||
    a.dueAt !== b.dueAt ||
    a.channel !== b.channel ||
    a.reason !== b.reason ||
    a.contactId !== b.contactId ||
    a.interviewId !== b.interviewId
  );
}
