import type { Application } from '../core/application.js';
import type { Contact } from '../core/contact.js';
import { type FollowUp, followUpSchema } from '../core/follow-up.js';

export type TodayItem = {
  readonly step: FollowUp;
  readonly application: {
    readonly id: string;
    readonly jobTitle: string;
    readonly companyName: string;
  } | null;
  readonly contact: { readonly id: string; readonly name: string; readonly email: string | null } | null;
  readonly explanation: string;
  /** Whether a message can be drafted for the step (not for a suggestion to end, nor the user's own steps). */
  readonly hasDraft: boolean;
};

export const todayGroups = ['overdue', 'today', 'week'] as const;
export type TodayGroup = (typeof todayGroups)[number];

/**
 * What the Today page shows. `source` says where it came from: the Today endpoint of the follow-up engine,
 * or, on a server without it, the follow-up list joined with applications and contacts in the browser.
 */
export type TodayView = Readonly<Record<TodayGroup, readonly TodayItem[]>> & {
  readonly source: 'today' | 'follow-ups';
};

export function countTodayItems(view: TodayView): number {
  return view.overdue.length + view.today.length + view.week.length;
}

/** Joins the three follow-up windows with what the page shows beside each step; earliest due first. */
export function buildTodayView(
  steps: Readonly<Record<TodayGroup, readonly FollowUp[]>>,
  applications: readonly Application[],
  contacts: readonly Contact[],
): TodayView {
  const applicationsById = new Map(applications.map((a) => [a.id, a]));
  const contactsById = new Map(contacts.map((c) => [c.id, c]));
  const toItem = (step: FollowUp): TodayItem => {
    const application = applicationsById.get(step.applicationId);
    const contact = step.contactId ? contactsById.get(step.contactId) : undefined;
    return {
      step,
      application: application
        ? { id: application.id, jobTitle: application.jobTitle, companyName: application.company.name }
        : null,
      contact: contact ? { id: contact.id, name: contact.name, email: contact.email } : null,
      explanation: step.reason,
      hasDraft: isDraftable(step),
    };
  };
  const group = (list: readonly FollowUp[]) => [...list].sort(byDue).map(toItem);
  return {
    overdue: group(steps.overdue),
    today: group(steps.today),
    week: group(steps.week),
    source: 'follow-ups',
  };
}

/**
 * Reads a `GET /api/today` body. The follow-up engine is written in parallel with this UI, so this accepts
 * each group as a list of steps or of `{ step | followUp, application, contact, explanation }`, and answers
 * null for anything else, so the caller can fall back to the follow-up list.
 */
export function readTodayResponse(body: unknown): TodayView | null {
  const root = isRecord(body) && isRecord(body.groups) ? body.groups : body;
  if (!isRecord(root)) return null;
  const groups: Partial<Record<TodayGroup, TodayItem[]>> = {};
  for (const name of todayGroups) {
    const list = root[name];
    if (!Array.isArray(list)) return null;
    const items: TodayItem[] = [];
    for (const entry of list) {
      const item = readTodayItem(entry);
      if (!item) return null;
      items.push(item);
    }
    groups[name] = items;
  }
  return {
    overdue: groups.overdue ?? [],
    today: groups.today ?? [],
    week: groups.week ?? [],
    source: 'today',
  };
}

function readTodayItem(entry: unknown): TodayItem | null {
  if (!isRecord(entry)) return null;
  const rawStep = entry.step ?? entry.followUp ?? entry;
  const parsed = followUpSchema.safeParse(rawStep);
  if (!parsed.success) return null;
  const step = parsed.data;
  const application = readApplicationSummary(entry.application);
  const contact = readContactSummary(entry.contact);
  const explanation = typeof entry.explanation === 'string' ? entry.explanation : step.reason;
  const hasDraft = typeof entry.hasDraft === 'boolean' ? entry.hasDraft : isDraftable(step);
  return { step, application, contact, explanation, hasDraft };
}

function readApplicationSummary(value: unknown): TodayItem['application'] {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.jobTitle !== 'string') return null;
  const companyName =
    typeof value.companyName === 'string'
      ? value.companyName
      : isRecord(value.company) && typeof value.company.name === 'string'
        ? value.company.name
        : '';
  return { id: value.id, jobTitle: value.jobTitle, companyName };
}

function readContactSummary(value: unknown): TodayItem['contact'] {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.name !== 'string') return null;
  return { id: value.id, name: value.name, email: typeof value.email === 'string' ? value.email : null };
}

/**
 * Mirrors `draftKindFor` in core/drafts.ts (which the page does not load, as it brings a Temporal polyfill):
 * every kind has a message except the suggestion to end and the user's own steps.
 */
export function isDraftable(step: Pick<FollowUp, 'kind'>): boolean {
  return step.kind !== 'suggest_no_response' && step.kind !== 'custom';
}

function byDue(a: FollowUp, b: FollowUp): number {
  return a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : 1;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
