import { z } from 'zod';
import { id, instantOut, limits, text } from './fields.js';
import { stagePhrases } from './labels.js';
import { type ActiveStage, type Outcome, outcomeLabels, stageRank } from './pipeline.js';

/**
 * A retrospective: what the user noted when an application ended. Later diagnoses quote the ones that fit
 * (`lessonsFor`): an application at the same furthest stage, or at the same company.
 */
export const retrospectiveSchema = z
  .object({
    applicationId: id,
    wentWell: z.string().describe('what went well'),
    wouldChange: z.string().describe("what I'd change next time"),
    theySaid: z.string().describe('what they said (feedback, the reason given)'),
    createdAt: instantOut,
    updatedAt: instantOut,
  })
  .meta({ id: 'Retrospective' });

export type Retrospective = z.infer<typeof retrospectiveSchema>;

export const retrospectiveInputSchema = z
  .strictObject({
    wentWell: text(limits.notes).default(''),
    wouldChange: text(limits.notes).default(''),
    theySaid: text(limits.notes).default(''),
  })
  .refine((r) => `${r.wentWell}${r.wouldChange}${r.theySaid}`.trim() !== '', {
    message: 'write at least one of wentWell, wouldChange or theySaid',
    path: ['wentWell'],
  });

export type RetrospectiveInput = z.infer<typeof retrospectiveInputSchema>;

/** An ended application's retrospective, with what the lesson is matched on. */
export type PastRetrospective = Retrospective & {
  readonly companyId: string;
  readonly furthestStage: ActiveStage;
  readonly outcome: Outcome | null;
  readonly endedAt: string;
};

/**
 * The lessons of earlier retrospectives that bear on an application: those that ended before `now` at the
 * stage it has reached (a final round remembers final rounds) or at the same company, newest first, at most
 * `max`. Each is one sentence the diagnosis shows as it is.
 */
export function lessonsFor(
  application: { readonly id: string; readonly companyId: string; readonly furthestStage: ActiveStage },
  past: readonly PastRetrospective[],
  now: string,
  max = 2,
): string[] {
  return past
    .filter((r) => r.applicationId !== application.id && r.endedAt <= now && r.createdAt <= now)
    .filter(
      (r) =>
        r.companyId === application.companyId ||
        (stageRank(r.furthestStage) >= stageRank('screening') &&
          r.furthestStage === application.furthestStage),
    )
    .sort((a, b) => (a.endedAt < b.endedAt ? 1 : -1))
    .slice(0, max)
    .map((r) => {
      const where = r.companyId === application.companyId ? 'at this company' : stagePhrases[r.furthestStage];
      const ended = r.outcome === null ? '' : ` (it ended: ${outcomeLabels[r.outcome].toLowerCase()})`;
      const parts = [
        r.wouldChange.trim() && `you'd change: “${r.wouldChange.trim()}”`,
        r.wentWell.trim() && `what went well: “${r.wentWell.trim()}”`,
        r.theySaid.trim() && `they said: “${r.theySaid.trim()}”`,
      ].filter(Boolean);
      return `Last time ${where}${ended}, you noted — ${parts.join('; ')}.`;
    });
}
