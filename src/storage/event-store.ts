import type { EventListQuery, eventSchema, TimelineEvent } from '../core/event.js';
import type { Db, EventsTable } from './schema.js';
import { allColumns, found, fromJson, storedInstant, storedLocalDateOrNull, toJson } from './sql-helpers.js';

// The event schemas load with the first read of events, not with this module, which every application read
// imports: `hearback list` reads no events and does not build them (issue 12, item 11).
const loadEventSchema = async () => (await import('../core/event.js')).eventSchema;

/** Events keep their kind-specific fields as JSON; the core schema checks them on the way out. */
export async function insertEvent(db: Db, userId: string, event: TimelineEvent): Promise<void> {
  await db.insertInto('events').values(eventRowOf(event, userId)).execute();
}

/** The row of a new event, as inserted here and by the bulk import. */
export function eventRowOf(event: TimelineEvent, userId: string): EventsTable {
  return {
    id: event.id,
    user_id: userId,
    application_id: event.applicationId,
    kind: event.kind,
    occurred_at: event.occurredAt,
    data: toJson(dataOf(event)),
    created_at: event.createdAt,
    updated_at: event.createdAt,
  };
}

export async function updateEventRow(
  db: Db,
  userId: string,
  event: TimelineEvent,
  now: string,
): Promise<void> {
  await db
    .updateTable('events')
    .set({ occurred_at: event.occurredAt, data: toJson(dataOf(event)), updated_at: now })
    .where('id', '=', event.id)
    .where('user_id', '=', userId)
    .execute();
}

export async function findEvent(db: Db, userId: string, id: string): Promise<TimelineEvent | undefined> {
  const row = await db
    .selectFrom('events')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && (await toEvents([row]))[0];
}

export async function getEvent(db: Db, userId: string, id: string): Promise<TimelineEvent> {
  return found(await findEvent(db, userId, id), 'EVENT_NOT_FOUND', 'event', id);
}

/** Oldest first: a timeline reads from the top. */
export async function listEvents(db: Db, userId: string, query: EventListQuery): Promise<TimelineEvent[]> {
  let q = db.selectFrom('events').selectAll().where('user_id', '=', userId);
  if (query.applicationId) q = q.where('application_id', '=', query.applicationId);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.from) q = q.where('occurred_at', '>=', query.from);
  if (query.to) q = q.where('occurred_at', '<', query.to);
  const rows = await q
    .orderBy('occurred_at')
    .orderBy('id')
    .limit(Number(query.limit ?? 200))
    .execute();
  return toEvents(rows);
}

export async function listApplicationEvents(
  db: Db,
  userId: string,
  applicationId: string,
): Promise<TimelineEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('user_id', '=', userId)
    .where('application_id', '=', applicationId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  return toEvents(rows);
}

export async function listAllEvents(db: Db, userId: string): Promise<TimelineEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return toEvents(rows);
}

export async function deleteEventRow(db: Db, userId: string, id: string): Promise<void> {
  await db.deleteFrom('events').where('id', '=', id).where('user_id', '=', userId).execute();
}

export async function deleteInterviewEvents(
  db: Db,
  userId: string,
  interview: { id: string; applicationId: string },
): Promise<void> {
  const interviewId = interview.id;
  const rows = await db
    .selectFrom('events')
    .select(['id', 'data'])
    .where('user_id', '=', userId)
    .where('application_id', '=', interview.applicationId)
    .where('kind', '=', 'interview')
    .execute();
  const ids = rows
    .filter((r) => fromJson<{ interviewId?: string }>(r.data).interviewId === interviewId)
    .map((r) => r.id);
  if (ids.length > 0) await db.deleteFrom('events').where('id', 'in', ids).execute();
}

function dataOf(event: TimelineEvent): Record<string, unknown> {
  const { id: _id, applicationId: _a, kind: _k, occurredAt: _o, createdAt: _c, ...data } = event;
  return data;
}

export const eventColumns = allColumns<EventsTable>({
  id: true,
  user_id: true,
  application_id: true,
  kind: true,
  occurred_at: true,
  data: true,
  created_at: true,
  updated_at: true,
});

/** Stored events as the core schema reads them, which checks the kind-specific fields kept as JSON. */
export async function toEvents(rows: readonly EventsTable[]): Promise<TimelineEvent[]> {
  const schema = await loadEventSchema();
  return rows.map((row) => toEvent(schema, row));
}

function toEvent(schema: typeof eventSchema, row: EventsTable): TimelineEvent {
  const data = fromJson<Record<string, unknown>>(row.data);
  return schema.parse({
    ...data,
    ...(typeof data.newDecisionDate === 'string' && {
      newDecisionDate: storedLocalDateOrNull(data.newDecisionDate),
    }),
    id: row.id,
    applicationId: row.application_id,
    kind: row.kind,
    occurredAt: storedInstant(row.occurred_at),
    createdAt: storedInstant(row.created_at),
  });
}
