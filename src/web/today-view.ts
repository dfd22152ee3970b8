import type { FollowUp } from '../core/follow-up.js';
import { isMessageKind } from '../core/follow-up-values.js';
import type { Today, TodayItem } from '../core/today.js';

export type { Today, TodayItem };

/**
 * What a follow-up card shows beside its step: a Today item, or one built by a page that lists steps of its
 * own (an application's steps, one step's page) and may not have loaded the application yet.
 */
export type FollowUpCardItem = Omit<TodayItem, 'application'> & {
  readonly application: Pick<TodayItem['application'], 'id' | 'jobTitle' | 'companyName'> | null;
};

export const todayGroups = ['overdue', 'today', 'week'] as const satisfies readonly (keyof Today)[];
export type TodayGroup = (typeof todayGroups)[number];

/**
 * How many steps of each group the page's first answer holds (`/api/today?first=20`): what a group draws
 * before its "Show more". Keep in step with public/early-requests.js and the server's preload header.
 */
export const todayFirst = 20;

/** Every step of the three groups, loaded or not (the totals count them all). */
export function countTodayItems(today: Pick<Today, 'totals'>): number {
  return today.totals.overdue + today.totals.today + today.totals.week;
}

/**
 * Whether a step has a draft, as `draftKindFor` in core/drafts.ts answers (the page does not load that file,
 * as it brings a Temporal polyfill): every kind that sends a message.
 */
export function isDraftable(step: Pick<FollowUp, 'kind'>): boolean {
  return isMessageKind(step.kind);
}

/** A Today item taken off the screen by an action, with its group, so a refusal or Undo can put it back. */
export type TakenItem = { readonly group: TodayGroup; readonly item: TodayItem };

/** Today without the given steps, and the items taken out. */
export function withoutSteps(today: Today, ids: ReadonlySet<string>): { today: Today; taken: TakenItem[] } {
  const taken: TakenItem[] = [];
  const next = { ...today, totals: { ...today.totals } };
  for (const group of todayGroups) {
    next[group] = today[group].filter((item) => {
      if (!ids.has(item.step.id)) return true;
      taken.push({ group, item });
      next.totals[group] -= 1;
      return false;
    });
  }
  return { today: next, taken };
}

/** Today with taken items back in their groups, in due order; an item already there is not doubled. */
export function withItemsBack(today: Today, taken: readonly TakenItem[]): Today {
  const next = { ...today, totals: { ...today.totals } };
  for (const group of todayGroups) {
    const present = new Set(today[group].map((item) => item.step.id));
    const back = taken.filter((t) => t.group === group && !present.has(t.item.step.id)).map((t) => t.item);
    if (back.length === 0) continue;
    next.totals[group] += back.length;
    next[group] = [...today[group], ...back].sort((a, b) =>
      a.step.dueAt === b.step.dueAt ? 0 : a.step.dueAt < b.step.dueAt ? -1 : 1,
    );
  }
  return next;
}
