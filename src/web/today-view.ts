import type { FollowUp } from '../core/follow-up.js';
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
 * Mirrors `draftKindFor` in core/drafts.ts (which the page does not load, as it brings a Temporal polyfill):
 * every kind has a message except the suggestion to end and the user's own steps.
 */
export function isDraftable(step: Pick<FollowUp, 'kind'>): boolean {
  return step.kind !== 'suggest_no_response' && step.kind !== 'custom';
}
