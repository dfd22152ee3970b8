import { z } from 'zod';
import { AppError, type FieldIssue } from './errors.js';
import { channels } from './event.js';
import { limits, requiredText } from './fields.js';
import { plannedFollowUpKinds } from './follow-up.js';
import { plural } from './plural.js';

/**
 * The playbook: when each follow-up step falls due, on which channel, and whether it is planned at all.
 * It is data, not code: the defaults below are the table of PRODUCT.md, and a user may change any delay,
 * channel or switch and add steps of their own. The planner (follow-up-plan.ts) reads it; two limits are
 * not in it on purpose, because they protect the user from a playbook that would pester an employer:
 * never two nudges within 3 business days, and at most 3 nudges without a reply.
 */
export const delayUnits = ['hours', 'business_days'] as const;
export type DelayUnit = (typeof delayUnits)[number];

/** The longest delay a rule may have: two weeks in hours, about three months in business days. */
export const delayLimits: Readonly<Record<DelayUnit, number>> = { hours: 336, business_days: 60 };

const unitNouns: Readonly<Record<DelayUnit, string>> = { hours: 'hour', business_days: 'business day' };

/** "1 business day", "5 business days", "24 hours". */
export function describeDelay(delay: { readonly amount: number; readonly unit: DelayUnit }): string {
  return plural(delay.amount, unitNouns[delay.unit]);
}

/** The unit's word as it reads after an amount: "business day" after 1, "business days" after 5. */
export function delayUnitWord(unit: DelayUnit, amount: number): string {
  return amount === 1 ? unitNouns[unit] : `${unitNouns[unit]}s`;
}

const amount = z
  .number({ message: 'must be a number' })
  .int({ message: 'must be a whole number' })
  .min(0, { message: 'must not be negative' });

export const delaySchema = z
  .strictObject({ amount, unit: z.enum(delayUnits) })
  .superRefine((delay, ctx) => {
    const max = delayLimits[delay.unit];
    if (delay.amount > max) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: `must be at most ${describeDelay({ amount: max, unit: delay.unit })}`,
      });
    }
  })
  .meta({ id: 'PlaybookDelay' });

export type Delay = z.infer<typeof delaySchema>;

/** A delay counted only in business days: a date the employer gave has no time of day to add hours to. */
const businessDaysDelaySchema = z.strictObject({
  amount: amount.max(delayLimits.business_days, {
    message: `must be at most ${delayLimits.business_days} business days`,
  }),
  unit: z.literal('business_days'),
});

const channel = z.enum(channels);

const ruleFields = { enabled: z.boolean(), channel, delay: delaySchema };

const messageRuleSchema = z.strictObject(ruleFields);
const firstFollowUpRuleSchema = z.strictObject({ ...ruleFields, afterDecisionDate: businessDaysDelaySchema });
/** Suggesting to end an application is advice to the user, not a message to anyone: it has no channel. */
const suggestionRuleSchema = z.strictObject({ enabled: z.boolean(), delay: delaySchema });
const checkInRuleSchema = z.strictObject({
  ...ruleFields,
  second: z.strictObject({ enabled: z.boolean(), delay: delaySchema }),
});

/** One rule for each kind of step the planner makes. */
export const playbookRuleKinds = plannedFollowUpKinds;
export type PlaybookRuleKind = (typeof playbookRuleKinds)[number];

const rulesShape = {
  thank_you: messageRuleSchema,
  first_follow_up: firstFollowUpRuleSchema,
  second_follow_up: messageRuleSchema,
  closing_note: messageRuleSchema,
  suggest_no_response: suggestionRuleSchema,
  application_check_in: checkInRuleSchema,
  offer_check: messageRuleSchema,
  feedback_request: messageRuleSchema,
} as const satisfies Record<PlaybookRuleKind, z.ZodType>;

/** What a custom step is timed from: applying, each interview, an offer, or a rejection. */
export const customStepAnchors = ['application', 'interview', 'offer', 'rejection'] as const;
export type CustomStepAnchor = (typeof customStepAnchors)[number];

export const customStepSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, {
      message: 'must be 1 to 40 lowercase letters, digits, - or _, starting with a letter or digit',
    }),
    title: requiredText(limits.name),
    after: z.enum(customStepAnchors),
    delay: delaySchema,
    channel: channel.nullable(),
    enabled: z.boolean(),
  })
  .meta({ id: 'PlaybookCustomStep' });

export type CustomStep = z.infer<typeof customStepSchema>;

export const maxCustomSteps = 30;

const customStepsSchema = z
  .array(customStepSchema)
  .max(maxCustomSteps, { message: `must have at most ${maxCustomSteps} custom steps` })
  .superRefine((steps, ctx) => {
    const seen = new Set<string>();
    steps.forEach((step, index) => {
      if (seen.has(step.id)) {
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `repeats the id "${step.id}"` });
      }
      seen.add(step.id);
    });
  });

export const playbookSchema = z
  .strictObject({ rules: z.strictObject(rulesShape), customSteps: customStepsSchema })
  .meta({ id: 'Playbook' });

export type Playbook = z.infer<typeof playbookSchema>;
export type PlaybookRules = Playbook['rules'];

/** A change to the playbook: any rule's fields, and the custom steps as a whole list (replaced, not merged). */
export const playbookUpdateSchema = z
  .strictObject({
    rules: z
      .strictObject({
        thank_you: messageRuleSchema.partial(),
        first_follow_up: firstFollowUpRuleSchema.partial(),
        second_follow_up: messageRuleSchema.partial(),
        closing_note: messageRuleSchema.partial(),
        suggest_no_response: suggestionRuleSchema.partial(),
        application_check_in: checkInRuleSchema.partial(),
        offer_check: messageRuleSchema.partial(),
        feedback_request: messageRuleSchema.partial(),
      } satisfies Record<PlaybookRuleKind, z.ZodType>)
      .partial(),
    customSteps: customStepsSchema,
  })
  .partial()
  .meta({ id: 'PlaybookUpdate' });

export type PlaybookUpdate = z.infer<typeof playbookUpdateSchema>;

const businessDays = (n: number) => ({ amount: n, unit: 'business_days' as const });

/**
 * The defaults, one rule per row of the PRODUCT.md table; docs/follow-up-rules.md says where each comes from.
 * The first follow-up defaults to a phone call because the common advice is "call a week later"; a call
 * script and an email draft are both offered for it.
 */
export const defaultPlaybook: Playbook = {
  rules: {
    thank_you: { enabled: true, channel: 'email', delay: { amount: 24, unit: 'hours' } },
    first_follow_up: {
      enabled: true,
      channel: 'phone',
      delay: businessDays(5),
      afterDecisionDate: businessDays(2),
    },
    second_follow_up: { enabled: true, channel: 'email', delay: businessDays(5) },
    closing_note: { enabled: true, channel: 'email', delay: businessDays(5) },
    suggest_no_response: { enabled: true, delay: businessDays(10) },
    application_check_in: {
      enabled: true,
      channel: 'email',
      delay: businessDays(7),
      second: { enabled: true, delay: businessDays(5) },
    },
    offer_check: { enabled: true, channel: 'email', delay: businessDays(2) },
    feedback_request: { enabled: true, channel: 'email', delay: businessDays(1) },
  },
  customSteps: [],
};

/** Checks a stored or submitted playbook; a bad one is a VALIDATION_FAILED naming every field at fault. */
export function parsePlaybook(raw: unknown): Playbook {
  const parsed = playbookSchema.safeParse(raw);
  if (!parsed.success) throw toValidationError('playbook', parsed.error);
  return parsed.data;
}

/** Applies a checked update: each rule's given fields replace the current ones; custom steps are replaced. */
export function applyPlaybookUpdate(playbook: Playbook, rawUpdate: unknown): Playbook {
  const parsed = playbookUpdateSchema.safeParse(rawUpdate);
  if (!parsed.success) throw toValidationError('playbook', parsed.error);
  const update = parsed.data;
  const rules = { ...playbook.rules } as Record<PlaybookRuleKind, object>;
  for (const kind of playbookRuleKinds) {
    const change = update.rules?.[kind];
    if (change) rules[kind] = { ...rules[kind], ...change };
  }
  return parsePlaybook({ rules, customSteps: update.customSteps ?? playbook.customSteps });
}

function toValidationError(what: string, error: z.ZodError): AppError {
  const issues: FieldIssue[] = error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || what,
    message: issue.message,
  }));
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new AppError(
    'VALIDATION_FAILED',
    first ? `${first.field}: ${first.message}${more}` : `the ${what} is not valid`,
    { issues },
  );
}
