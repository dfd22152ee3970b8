import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import {
  applyPlaybookUpdate,
  defaultPlaybook,
  parsePlaybook,
  playbookRuleKinds,
  playbookSchema,
  playbookUpdateSchema,
} from './playbook.js';

function issuesOf(run: () => unknown): { field: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    return (error as AppError).details?.issues as { field: string; message: string }[];
  }
  throw new Error('expected a validation error');
}

describe('the default playbook', () => {
  it('has one rule per row of the PRODUCT.md table, with its delay and channel', () => {
    expect(Object.keys(defaultPlaybook.rules).sort()).toEqual([...playbookRuleKinds].sort());
    const { rules } = defaultPlaybook;
    expect(rules.thank_you.delay).toEqual({ amount: 24, unit: 'hours' });
    expect(rules.first_follow_up.delay).toEqual({ amount: 5, unit: 'business_days' });
    expect(rules.first_follow_up.afterDecisionDate).toEqual({ amount: 2, unit: 'business_days' });
    expect(rules.second_follow_up.delay.amount).toBe(5);
    expect(rules.closing_note.delay.amount).toBe(5);
    expect(rules.suggest_no_response.delay.amount).toBe(10);
    expect(rules.application_check_in.delay.amount).toBe(7);
    expect(rules.application_check_in.second.delay.amount).toBe(5);
    expect(rules.offer_check.delay.amount).toBe(2);
    expect(rules.feedback_request.delay.amount).toBe(1);
    expect(playbookRuleKinds.every((kind) => defaultPlaybook.rules[kind].enabled)).toBe(true);
  });

  it('is valid under its own schema', () => {
    expect(playbookSchema.parse(defaultPlaybook)).toEqual(defaultPlaybook);
  });
});

describe('validating a playbook', () => {
  it('names the field of a delay that is too long', () => {
    const raw = structuredClone(defaultPlaybook) as unknown as { rules: Record<string, { delay: unknown }> };
    raw.rules.second_follow_up!.delay = { amount: 61, unit: 'business_days' };
    raw.rules.thank_you!.delay = { amount: 400, unit: 'hours' };
    expect(issuesOf(() => parsePlaybook(raw))).toEqual([
      { field: 'rules.thank_you.delay.amount', message: 'must be at most 336 hours' },
      { field: 'rules.second_follow_up.delay.amount', message: 'must be at most 60 business days' },
    ]);
  });

  it('refuses negative and fractional delays, unknown channels and unknown keys', () => {
    const raw = structuredClone(defaultPlaybook) as unknown as {
      rules: Record<string, Record<string, unknown>>;
    };
    raw.rules.offer_check!.delay = { amount: -1, unit: 'business_days' };
    raw.rules.closing_note!.delay = { amount: 2.5, unit: 'business_days' };
    raw.rules.feedback_request!.channel = 'carrier_pigeon';
    raw.rules.thank_you!.tone = 'warm';
    const fields = issuesOf(() => parsePlaybook(raw)).map((i) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'rules.offer_check.delay.amount',
        'rules.closing_note.delay.amount',
        'rules.feedback_request.channel',
        'rules.thank_you',
      ]),
    );
  });

  it('refuses hours for the delay after a decision date, which has no time of day', () => {
    const raw = structuredClone(defaultPlaybook) as unknown as {
      rules: { first_follow_up: Record<string, unknown> };
    };
    raw.rules.first_follow_up.afterDecisionDate = { amount: 48, unit: 'hours' };
    expect(issuesOf(() => parsePlaybook(raw)).map((i) => i.field)).toEqual([
      'rules.first_follow_up.afterDecisionDate.unit',
    ]);
  });

  it('checks custom steps: id format, a title, and no repeated ids', () => {
    const step = {
      id: 'linkedin',
      title: 'Connect on LinkedIn',
      after: 'interview',
      delay: { amount: 1, unit: 'business_days' },
      channel: 'linkedin',
      enabled: true,
    };
    const issues = issuesOf(() =>
      parsePlaybook({
        ...defaultPlaybook,
        customSteps: [step, { ...step }, { ...step, id: 'Bad Id!', title: '   ' }],
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { field: 'customSteps.1.id', message: 'repeats the id "linkedin"' },
        expect.objectContaining({ field: 'customSteps.2.id' }),
        { field: 'customSteps.2.title', message: 'must not be blank' },
      ]),
    );
  });

  it('accepts a custom step with its own anchor and no channel', () => {
    const playbook = parsePlaybook({
      ...defaultPlaybook,
      customSteps: [
        {
          id: 'prep-notes',
          title: 'Write down what you learned',
          after: 'rejection',
          delay: { amount: 2, unit: 'hours' },
          channel: null,
          enabled: true,
        },
      ],
    });
    expect(playbook.customSteps[0]?.after).toBe('rejection');
  });
});

describe('updating a playbook', () => {
  it('changes only the fields given and keeps every other rule', () => {
    const next = applyPlaybookUpdate(defaultPlaybook, {
      rules: { first_follow_up: { channel: 'email' }, suggest_no_response: { enabled: false } },
    });
    expect(next.rules.first_follow_up).toEqual({
      ...defaultPlaybook.rules.first_follow_up,
      channel: 'email',
    });
    expect(next.rules.suggest_no_response.enabled).toBe(false);
    expect(next.rules.thank_you).toEqual(defaultPlaybook.rules.thank_you);
    expect(defaultPlaybook.rules.first_follow_up.channel).toBe('phone');
  });

  it('replaces the custom steps as a whole', () => {
    const step = {
      id: 'referral',
      title: 'Ask your referral for news',
      after: 'application' as const,
      delay: { amount: 3, unit: 'business_days' as const },
      channel: 'linkedin' as const,
      enabled: true,
    };
    const withStep = applyPlaybookUpdate(defaultPlaybook, { customSteps: [step] });
    expect(withStep.customSteps).toEqual([step]);
    expect(applyPlaybookUpdate(withStep, { customSteps: [] }).customSteps).toEqual([]);
  });

  it('names the field of a bad update and refuses an unknown rule', () => {
    expect(
      issuesOf(() =>
        applyPlaybookUpdate(defaultPlaybook, { rules: { thank_you: { delay: { amount: 5 } } } }),
      ),
    ).toEqual([{ field: 'rules.thank_you.delay.unit', message: expect.any(String) }]);
    expect(playbookUpdateSchema.safeParse({ rules: { cold_call: { enabled: true } } }).success).toBe(false);
  });
});
