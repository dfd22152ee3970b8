import { describe, expect, it } from 'vitest';
import { composeStepTitle } from './compose-step-title.js';
import { followUpKinds } from './follow-up.js';

const base = {
  channel: 'email' as const,
  contactName: 'Dana Lee',
  companyName: 'Acme',
  jobTitle: 'Backend Engineer',
};

describe('composeStepTitle', () => {
  it('says the action and the person, with the company in brackets', () => {
    expect(composeStepTitle({ ...base, kind: 'thank_you' })).toBe('Thank Dana Lee (Acme) for the interview');
    expect(composeStepTitle({ ...base, kind: 'first_follow_up' })).toBe(
      'Follow up with Dana Lee (Acme) on Backend Engineer',
    );
    expect(composeStepTitle({ ...base, kind: 'first_follow_up', channel: 'phone' })).toBe(
      'Call Dana Lee (Acme) about Backend Engineer',
    );
    expect(composeStepTitle({ ...base, kind: 'closing_note' })).toBe(
      'Send Dana Lee (Acme) a closing note on Backend Engineer',
    );
    expect(composeStepTitle({ ...base, kind: 'suggest_no_response' })).toBe(
      'Decide whether to close Backend Engineer at Acme as no response',
    );
  });

  it('names the company alone when the step has no contact', () => {
    expect(composeStepTitle({ ...base, contactName: null, kind: 'application_check_in' })).toBe(
      'Check in with Acme on your Backend Engineer application',
    );
    expect(composeStepTitle({ ...base, contactName: '  ', kind: 'thank_you' })).toBe(
      'Thank Acme for the interview',
    );
  });

  it('has a title for every kind of step', () => {
    for (const kind of followUpKinds) {
      expect(composeStepTitle({ ...base, kind }).length, kind).toBeGreaterThan(10);
    }
  });
});
