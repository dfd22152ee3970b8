import type { Application } from './application.js';
import type { TimelineEvent } from './event.js';
import type { Stage } from './pipeline.js';

/**
 * Signs of life from the employer: the one rule for "they have answered". A reply, a move only they can
 * cause (to screening, interviewing or an offer, or a rejection), or an interview booked. Application
 * check-ins stop at the first (docs/follow-up-rules.md), and the response history measures the time to it.
 */
export const answeredStages: readonly Stage[] = ['screening', 'interviewing', 'offer'];

export function isEmployerResponse(event: TimelineEvent): boolean {
  switch (event.kind) {
    case 'reply_received':
    case 'interview':
      return true;
    case 'stage_change':
      return event.toStage === 'ended'
        ? event.outcome === 'rejected'
        : answeredStages.includes(event.toStage);
    default:
      return false;
  }
}

/**
 * Whether the employer has answered this application: any interview, a reply since the user applied, or a
 * stage they caused. An active application is judged by where it is now, so one moved back to *applied* (a
 * correction) is waiting again; an ended one by how far it got before it ended.
 */
export function hasEmployerResponded(input: {
  readonly application: Pick<Application, 'stage' | 'appliedAt'>;
  readonly interviews: readonly unknown[];
  readonly events: readonly TimelineEvent[];
}): boolean {
  const { stage, appliedAt } = input.application;
  if (input.interviews.length > 0 || answeredStages.includes(stage)) return true;
  return input.events.some((e) =>
    e.kind === 'reply_received'
      ? appliedAt !== null && e.occurredAt >= appliedAt
      : stage === 'ended' && e.kind === 'stage_change' && isEmployerResponse(e),
  );
}
