import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { toIso } from './local-time.js';
import type { Stage } from './pipeline.js';
import { plural } from './plural.js';

/**
 * What an import does with applications that have had no news for a long time (docs/follow-up-rules.md,
 * "Applications added with past dates"): end them as no response, keep them open without reminders, or
 * plan their check-ins from today. Whatever the choice, no step is ever due before the day of the import.
 */
export const historyChoices = ['keep', 'no_response', 'plan_from_today'] as const;

export type HistoryChoice = (typeof historyChoices)[number];

export const historyChoiceSchema = z
  .enum(historyChoices)
  .describe(
    'applications with no news for more than 30 days: keep them open without reminders (the default), end them as no_response, or plan_from_today their check-ins',
  );

/** The choice when none is made (no terminal, no flag, no field): it never creates overdue work. */
export const defaultHistoryChoice: HistoryChoice = 'keep';

/** Each choice in the words the web page and the CLI use. */
export const historyChoiceLabels: Readonly<Record<HistoryChoice, string>> = {
  keep: 'Keep them open without reminders',
  no_response: 'Mark them as no response',
  plan_from_today: 'Plan check-ins from today',
};

/** What was done, as an import's report says it: "12 applications … with no reply: ended as no response". */
export const historyChoiceResults: Readonly<Record<HistoryChoice, string>> = {
  keep: 'kept open without reminders',
  no_response: 'ended as no response',
  plan_from_today: 'check-ins planned from today',
};

/** An application still waiting on the employer whose last change is older than this has had no news. */
export const quietAfterDays = 30;

/** The stages in which the next word is the employer's. */
const waitingStages: readonly Stage[] = ['applied', 'screening', 'interviewing'];

/**
 * The moment an application's last stage change must be before for it to have had no news on `now`: the
 * start, in `timeZone`, of the day `quietAfterDays` days before today. Computed once per file.
 */
export function quietBefore(now: string, timeZone: string): string {
  const today = Temporal.Instant.from(now).toZonedDateTimeISO(timeZone).toPlainDate();
  return toIso(today.subtract({ days: quietAfterDays }).toZonedDateTime({ timeZone }).toInstant());
}

/**
 * Whether an application has had no news for more than `quietAfterDays` calendar days: still waiting on the
 * employer, last changed before `before` (`quietBefore`). Saved jobs (never sent), offers and ended ones
 * never are.
 */
export function isQuiet(stage: Stage, lastChangeAt: string, before: string): boolean {
  return waitingStages.includes(stage) && lastChangeAt < before;
}

/** "12 applications older than 30 days with no reply", as the import preview says it. */
export function describeQuietApplications(count: number): string {
  return `${plural(count, 'application')} older than ${quietAfterDays} days with no reply`;
}
