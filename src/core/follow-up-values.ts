// The kinds and statuses of follow-up steps and the rules on them, without zod: what storage and the services
// import, so that loading them does not build every schema of follow-up.ts, which re-exports all of this
// (`hearback list` needs none of those schemas; issue 12, item 11).

/**
 * The one list of step kinds. The planned kinds are the playbook's rules (core/playbook.ts), one each; a
 * `custom` step is one of the user's own. Every other list of kinds is derived from these.
 */
export const plannedFollowUpKinds = [
  'thank_you',
  'first_follow_up',
  'second_follow_up',
  'closing_note',
  'suggest_no_response',
  'application_check_in',
  'offer_check',
  'feedback_request',
] as const;
export type PlannedFollowUpKind = (typeof plannedFollowUpKinds)[number];

export const followUpKinds = [...plannedFollowUpKinds, 'custom'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

/** Planned steps that send someone a message; suggesting to end an application is advice to the user. */
export type MessageFollowUpKind = Exclude<PlannedFollowUpKind, 'suggest_no_response'>;

export const messageFollowUpKinds: readonly MessageFollowUpKind[] = plannedFollowUpKinds.filter(
  (kind): kind is MessageFollowUpKind => kind !== 'suggest_no_response',
);

/** Steps that ask the employer for news. A thank-you, a feedback request or a suggestion is not one. */
export const nudgeKinds = [
  'first_follow_up',
  'second_follow_up',
  'closing_note',
  'application_check_in',
  'offer_check',
] as const satisfies readonly MessageFollowUpKind[];

export type NudgeKind = (typeof nudgeKinds)[number];

export function isNudgeKind(kind: FollowUpKind): kind is NudgeKind {
  return (nudgeKinds as readonly FollowUpKind[]).includes(kind);
}

/** Whether a step has a message to draft: every planned kind but the suggestion to end. */
export function isMessageKind(kind: FollowUpKind): kind is MessageFollowUpKind {
  return (messageFollowUpKinds as readonly FollowUpKind[]).includes(kind);
}

export const followUpStatuses = ['planned', 'done', 'skipped', 'snoozed'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

/** `plan`: made by the follow-up planner and re-planned with the application; `manual`: added by the user. */
export const followUpOrigins = ['plan', 'manual'] as const;

export const dueWindows = ['overdue', 'today', 'week', 'open'] as const;
export type DueWindow = (typeof dueWindows)[number];

/** A step still to do: planned, or snoozed to a later date. */
export const openFollowUpStatuses = ['planned', 'snoozed'] as const satisfies readonly FollowUpStatus[];

export function isOpenFollowUp(step: { readonly status: FollowUpStatus }): boolean {
  return (openFollowUpStatuses as readonly FollowUpStatus[]).includes(step.status);
}
