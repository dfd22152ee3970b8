import { assertHappened } from '../core/date-window.js';
import { AppError, fieldError } from '../core/errors.js';
import {
  type EventCreate,
  type EventListQuery,
  type EventUpdate,
  eventFieldsByKind,
  eventSchema,
  isUserEventKind,
  type TimelineEvent,
} from '../core/event.js';
import { findApplication } from '../storage/application-store.js';
import { findContact } from '../storage/contact-store.js';
import {
  deleteEventRow,
  getEvent as getEventRow,
  insertEvent,
  listApplicationEvents,
  listEvents as listEventRows,
  updateEventRow,
} from '../storage/event-store.js';
import { findFollowUp } from '../storage/follow-up-store.js';
import type { Db } from '../storage/schema.js';
import { type Deps, inTransaction, nowIso } from './deps.js';
import { replanApplicationById } from './replan.js';

/** Adds a note, a message sent, a reply received or a posting change to an application's timeline. */
export async function createEvent(deps: Deps, input: EventCreate): Promise<TimelineEvent> {
  const now = nowIso(deps);
  assertHappened('occurredAt', input.occurredAt, now);
  return inTransaction(deps, async (tx) => {
    const application = await findApplication(tx.db, deps.userId, input.applicationId);
    if (!application) {
      throw fieldError('applicationId', `no application with id ${input.applicationId}`);
    }
    await assertReferences(tx.db, deps.userId, input);
    const { occurredAt, ...fields } = input;
    const event = eventSchema.parse({
      ...nullDefaults(input.kind),
      ...fields,
      id: deps.ids.next(),
      occurredAt: occurredAt ?? now,
      createdAt: now,
    });
    await assertReplyAfterFirstContact(tx.db, deps.userId, application, event);
    await insertEvent(tx.db, deps.userId, event);
    await replanApplicationById(tx, event.applicationId);
    return event;
  });
}

export function getEvent(deps: Deps, id: string): Promise<TimelineEvent> {
  return getEventRow(deps.db, deps.userId, id);
}

export function listEvents(deps: Deps, query: EventListQuery): Promise<TimelineEvent[]> {
  return listEventRows(deps.db, deps.userId, query);
}

export async function updateEvent(deps: Deps, id: string, input: EventUpdate): Promise<TimelineEvent> {
  assertHappened('occurredAt', input.occurredAt, nowIso(deps));
  return inTransaction(deps, async (tx) => {
    const current = await getEventRow(tx.db, deps.userId, id);
    if (!isUserEventKind(current.kind)) throw notEditable(current);
    const allowed = new Set(['occurredAt', ...eventFieldsByKind[current.kind]]);
    const foreign = Object.keys(input).filter((key) => !allowed.has(key));
    if (foreign.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `${foreign.join(', ')}: not a field of a ${current.kind} event`,
        {
          issues: foreign.map((field) => ({ field, message: `not a field of a ${current.kind} event` })),
        },
      );
    }
    await assertReferences(tx.db, deps.userId, input);
    const next = eventSchema.parse({ ...current, ...withoutUndefined(input) });
    const application = await findApplication(tx.db, deps.userId, next.applicationId);
    if (application) await assertReplyAfterFirstContact(tx.db, deps.userId, application, next);
    await updateEventRow(tx.db, deps.userId, next, nowIso(deps));
    await replanApplicationById(tx, next.applicationId);
    return next;
  });
}

export async function deleteEvent(deps: Deps, id: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const current = await getEventRow(tx.db, deps.userId, id);
    if (!isUserEventKind(current.kind)) throw notEditable(current);
    await deleteEventRow(tx.db, deps.userId, id);
    await replanApplicationById(tx, current.applicationId);
  });
}

/**
 * A reply answers something: it cannot come before the application was sent, unless the user had already
 * written to the employer (a message sent earlier), in which case that is what it answers.
 */
async function assertReplyAfterFirstContact(
  db: Db,
  userId: string,
  application: { readonly appliedAt: string | null },
  event: TimelineEvent,
): Promise<void> {
  if (event.kind !== 'reply_received' || application.appliedAt === null) return;
  // Mail carries whole seconds while hearback keeps milliseconds: a reply in the same second as the
  // application is not before it.
  const second = (iso: string) => Math.floor(Date.parse(iso) / 1000);
  if (second(event.occurredAt) >= second(application.appliedAt)) return;
  const events = await listApplicationEvents(db, userId, event.applicationId);
  const wroteFirst = events.some((e) => e.kind === 'message_sent' && e.occurredAt <= event.occurredAt);
  if (wroteFirst) return;
  throw new AppError(
    'VALIDATION_FAILED',
    `occurredAt: a reply on ${event.occurredAt} is before the application was sent (${application.appliedAt}), and no message of yours came before it`,
    {
      issues: [
        {
          field: 'occurredAt',
          message: `is before the application was sent (appliedAt ${application.appliedAt})`,
        },
      ],
      occurredAt: event.occurredAt,
      appliedAt: application.appliedAt,
    },
  );
}

function notEditable(event: TimelineEvent): AppError {
  const how = event.kind === 'stage_change' ? 'move the application again' : 'edit or delete the interview';
  return new AppError('EVENT_NOT_EDITABLE', `A ${event.kind} entry is history; to change it, ${how}`, {
    kind: event.kind,
  });
}

async function assertReferences(db: Db, userId: string, references: object) {
  const input = references as { contactId?: string | null; followUpId?: string | null };
  if (input.contactId && !(await findContact(db, userId, input.contactId))) {
    throw fieldError('contactId', `no contact with id ${input.contactId}`);
  }
  if (input.followUpId && !(await findFollowUp(db, userId, input.followUpId))) {
    throw fieldError('followUpId', `no follow-up step with id ${input.followUpId}`);
  }
}

function nullDefaults(kind: EventCreate['kind']): Record<string, null> {
  return Object.fromEntries(eventFieldsByKind[kind].map((field) => [field, null]));
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
