import { createWorkCalendar, type WorkCalendar } from '../core/business-days.js';
import type { FollowUp } from '../core/follow-up.js';
import { checkInsEndedByResponse, type PlannedStep, planFollowUps } from '../core/follow-up-plan.js';
import { defaultPlaybook, type Playbook, parsePlaybook } from '../core/playbook.js';
import type { Settings } from '../core/settings.js';
import { getApplication, listApplicationIds } from '../storage/application-store.js';
import { listApplicationEvents } from '../storage/event-store.js';
import {
  deleteFollowUpRow,
  insertFollowUp,
  listApplicationFollowUps,
  updateFollowUpRow,
} from '../storage/follow-up-store.js';
import { listInterviews } from '../storage/interview-store.js';
import type { Db } from '../storage/schema.js';
import { getSettings, getSettingsDocument } from '../storage/settings-store.js';
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
  const settings = await getSettings(db, userId);
  const stored = await getSettingsDocument(db, userId, 'playbook');
  return {
    settings,
    playbook: stored === null ? defaultPlaybook : parsePlaybook(stored),
    calendar: workCalendarFor(settings),
  };
}

/**
 * Re-plans one application inside the caller's transaction: its open planned steps become exactly what the
 * planner says now, matched by plan key so a step keeps its id (and a snooze) across re-plans. Steps done
 * or skipped stay as history, and steps the user added by hand are left alone, but for a check-in the
 * employer has since answered, which is closed as skipped. Running it twice changes nothing.
 */
export async function replanApplication(
  tx: TxDeps,
  applicationId: string,
  context?: PlanningContext,
): Promise<void> {
  const { userId, db: trx } = tx;
  const deps = tx;
  const planning = context ?? (await loadPlanningContext(trx, userId));
  const application = await getApplication(trx, userId, applicationId);
  const steps = await listApplicationFollowUps(trx, userId, applicationId);
  const input = {
    application,
    interviews: await listInterviews(trx, userId, { applicationId }),
    events: await listApplicationEvents(trx, userId, applicationId),
    steps,
    playbook: planning.playbook,
    calendar: planning.calendar,
    now: nowIso(deps),
  };
  const plan = planFollowUps(input);
  const openByKey = new Map<string, FollowUp>();
  for (const step of steps) {
    if (step.origin === 'plan' && step.planKey && (step.status === 'planned' || step.status === 'snoozed')) {
      openByKey.set(step.planKey, step);
    }
  }
  const now = nowIso(deps);
  for (const planned of plan) {
    const existing = openByKey.get(planned.planKey);
    openByKey.delete(planned.planKey);
    if (!existing) {
      await insertFollowUp(trx, userId, toNewStep(deps, applicationId, planned, now));
      continue;
    }
    const next: FollowUp = { ...existing, ...plannedFields(planned) };
    if (differs(existing, next)) await updateFollowUpRow(trx, userId, { ...next, updatedAt: now });
  }
  for (const stale of openByKey.values()) await deleteFollowUpRow(trx, userId, stale.id);
  const ended = new Set(checkInsEndedByResponse(input).map((s) => s.id));
  for (const step of steps) {
    if (!ended.has(step.id)) continue;
    await updateFollowUpRow(trx, userId, {
      ...step,
      status: 'skipped',
      completedAt: now,
      completionNote: checkInEndedNote,
      updatedAt: now,
    });
  }
}

/** What a check-in the user added by hand says once the employer's answer has closed it. */
export const checkInEndedNote = 'Closed by hearback: the employer has answered, so there is nothing to check';

/** Re-plans every application, after a change that moves dates for all of them (calendar, playbook). */
export async function replanAllApplications(tx: TxDeps): Promise<void> {
  const context = await loadPlanningContext(tx.db, tx.userId);
  for (const id of await listApplicationIds(tx.db, tx.userId)) await replanApplication(tx, id, context);
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

function toNewStep(deps: Deps, applicationId: string, planned: PlannedStep, now: string): FollowUp {
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
