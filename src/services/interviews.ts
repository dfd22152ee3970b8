import { fieldError } from '../core/errors.js';
import type { Interview, InterviewCreate, InterviewListQuery, InterviewUpdate } from '../core/interview.js';
import {
  type ActiveStage,
  isActiveStage,
  planStageChange,
  stageRank,
  summarizeStageHistory,
} from '../core/pipeline.js';
import { findApplication, getApplication, updateApplicationRow } from '../storage/application-store.js';
import { missingContactIds } from '../storage/contact-store.js';
import { deleteInterviewEvents, insertEvent, listApplicationEvents } from '../storage/event-store.js';
import {
  deleteInterviewRow,
  getInterview as getInterviewRow,
  insertInterview,
  listInterviews as listInterviewRows,
  updateInterviewRow,
} from '../storage/interview-store.js';
import type { Db } from '../storage/schema.js';
import { stageEvent, stageHistoryOf } from './applications.js';
import { type Deps, inTransaction, nowIso, type TxDeps } from './deps.js';
import { replanApplicationById } from './replan.js';

/**
 * Logs an interview. An application still at saved, applied or screening moves forward to match (a phone
 * screen to screening, any other round to interviewing), recorded in its history like any other move.
 */
export async function createInterview(deps: Deps, input: InterviewCreate): Promise<Interview> {
  return inTransaction(deps, async (tx) => {
    if (!(await findApplication(tx.db, deps.userId, input.applicationId))) {
      throw fieldError('applicationId', `no application with id ${input.applicationId}`);
    }
    await assertInterviewers(tx.db, deps.userId, input.interviewerIds ?? []);
    const now = nowIso(deps);
    const interview: Interview = {
      id: deps.ids.next(),
      applicationId: input.applicationId,
      round: input.round ?? 'other',
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      timeZone: input.timeZone,
      location: input.location ?? null,
      videoLink: input.videoLink ?? null,
      interviewerIds: [...new Set(input.interviewerIds ?? [])],
      decisionDate: input.decisionDate ?? null,
      notes: input.notes ?? '',
      topics: input.topics ?? '',
      selfRating: input.selfRating ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await insertInterview(tx.db, deps.userId, interview);
    await insertEvent(tx.db, deps.userId, {
      id: deps.ids.next(),
      applicationId: interview.applicationId,
      kind: 'interview',
      interviewId: interview.id,
      occurredAt: interview.startsAt,
      createdAt: now,
    });
    await advanceForInterview(tx, interview, now);
    await replanApplicationById(tx, interview.applicationId);
    return interview;
  });
}

export function getInterview(deps: Deps, id: string): Promise<Interview> {
  return getInterviewRow(deps.db, deps.userId, id);
}

export function listInterviews(deps: Deps, query: InterviewListQuery = {}): Promise<Interview[]> {
  return listInterviewRows(deps.db, deps.userId, query);
}

export async function updateInterview(deps: Deps, id: string, input: InterviewUpdate): Promise<Interview> {
  return inTransaction(deps, async (tx) => {
    const current = await getInterviewRow(tx.db, deps.userId, id);
    if (input.interviewerIds) await assertInterviewers(tx.db, deps.userId, input.interviewerIds);
    const next: Interview = {
      ...current,
      round: input.round ?? current.round,
      startsAt: input.startsAt ?? current.startsAt,
      endsAt: input.endsAt ?? current.endsAt,
      timeZone: input.timeZone ?? current.timeZone,
      location: input.location === undefined ? current.location : input.location,
      videoLink: input.videoLink === undefined ? current.videoLink : input.videoLink,
      interviewerIds: input.interviewerIds ? [...new Set(input.interviewerIds)] : current.interviewerIds,
      decisionDate: input.decisionDate === undefined ? current.decisionDate : input.decisionDate,
      notes: input.notes ?? current.notes,
      topics: input.topics ?? current.topics,
      selfRating: input.selfRating === undefined ? current.selfRating : input.selfRating,
      updatedAt: nowIso(deps),
    };
    if (next.endsAt <= next.startsAt) throw fieldError('endsAt', 'must be after startsAt');
    await updateInterviewRow(tx.db, deps.userId, next);
    if (next.startsAt !== current.startsAt) {
      await deleteInterviewEvents(tx.db, deps.userId, current);
      await insertEvent(tx.db, deps.userId, {
        id: deps.ids.next(),
        applicationId: next.applicationId,
        kind: 'interview',
        interviewId: next.id,
        occurredAt: next.startsAt,
        createdAt: next.updatedAt,
      });
    }
    await replanApplicationById(tx, next.applicationId);
    return next;
  });
}

export async function deleteInterview(deps: Deps, id: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const interview = await getInterviewRow(tx.db, deps.userId, id);
    await deleteInterviewEvents(tx.db, deps.userId, interview);
    await deleteInterviewRow(tx.db, deps.userId, id);
    await replanApplicationById(tx, interview.applicationId);
  });
}

async function advanceForInterview(
  tx: TxDeps,
  interview: Pick<Interview, 'applicationId' | 'round' | 'startsAt'>,
  now: string,
) {
  const { applicationId, round, startsAt } = interview;
  const application = await getApplication(tx.db, tx.userId, applicationId);
  const target: ActiveStage = round === 'phone_screen' ? 'screening' : 'interviewing';
  if (!isActiveStage(application.stage) || stageRank(application.stage) >= stageRank(target)) return;
  const history = stageHistoryOf(await listApplicationEvents(tx.db, tx.userId, applicationId));
  // The application reached the stage when the interview took place, or now if it is still to come; never
  // before the last recorded move, so the history stays in order.
  const lastAt = history.at(-1)?.occurredAt ?? startsAt;
  const reachedAt = [startsAt, now].sort()[0]!;
  const change = planStageChange(history, { stage: target, occurredAt: [reachedAt, lastAt].sort()[1]! });
  await insertEvent(tx.db, tx.userId, stageEvent(tx, applicationId, change, 'interview logged', now));
  await updateApplicationRow(
    tx.db,
    tx.userId,
    {
      ...application,
      ...summarizeStageHistory([...history, change]),
      updatedAt: now,
    },
    application,
  );
}

async function assertInterviewers(db: Db, userId: string, ids: readonly string[]): Promise<void> {
  const missing = await missingContactIds(db, userId, ids);
  if (missing.length > 0) throw fieldError('interviewerIds', `no contact with id ${missing.join(', ')}`);
}
