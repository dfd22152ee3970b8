import type { Channel } from './event.js';
import type { FollowUpKind } from './follow-up.js';

export type StepTitleInput = {
  readonly kind: FollowUpKind;
  readonly channel: Channel | null;
  readonly contactName: string | null;
  readonly companyName: string;
  readonly jobTitle: string;
};

/**
 * A calendar title that says what to do and with whom, readable in a month view where only the first
 * words show: "Thank Dana Lee (Acme) for the interview", "Call Dana Lee (Acme) about Backend Engineer".
 */
export function composeStepTitle(input: StepTitleInput): string {
  const who = input.contactName?.trim()
    ? `${input.contactName.trim()} (${input.companyName})`
    : input.companyName;
  const role = input.jobTitle;
  const reach = input.channel === 'phone' ? 'Call' : 'Follow up with';
  switch (input.kind) {
    case 'thank_you':
      return `Thank ${who} for the interview`;
    case 'first_follow_up':
      return input.channel === 'phone' ? `Call ${who} about ${role}` : `Follow up with ${who} on ${role}`;
    case 'second_follow_up':
      return `${reach} ${who} again on ${role}`;
    case 'closing_note':
      return `Send ${who} a closing note on ${role}`;
    case 'suggest_no_response':
      return `Decide whether to close ${role} at ${input.companyName} as no response`;
    case 'application_check_in':
      return `Check in with ${who} on your ${role} application`;
    case 'offer_check':
      return `Ask ${who} about the written offer for ${role}`;
    case 'feedback_request':
      return `Ask ${who} for feedback on ${role}`;
    case 'custom':
      return `Follow up: ${role} at ${input.companyName}`;
  }
}
