import { type FollowUp, isMessageKind } from '../core/follow-up.js';
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

export function countTodayItems(today: Pick<Today, TodayGroup>): number {
  return today.overdue.length + today.today.length + today.week.length;
}

/**
 * Whether a step has a draft, as `draftKindFor` in core/drafts.ts answers (the page does not load that file,
 * as it brings a Temporal polyfill): every kind that sends a message.
 */
export function isDraftable(step: Pick<FollowUp, 'kind'>): boolean {
  return isMessageKind(step.kind);
}
