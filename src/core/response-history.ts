import type { Application } from './application.js';
import type { DiagnosisHistory } from './diagnosis.js';
import { isEmployerResponse } from './employer-response.js';
import type { TimelineEvent } from './event.js';

const dayMs = 86_400_000;

/**
 * What the user's own applications say about employers' answers: the median days from applying to the
 * first answer, and how often each source got one. An answer is any sign of life from the employer
 * (`isEmployerResponse`: a reply, an interview, a move to screening or later, a rejection).
 */
export function computeResponseHistory(
  applications: ReadonlyArray<Pick<Application, 'id' | 'appliedAt' | 'source'>>,
  events: readonly TimelineEvent[],
): DiagnosisHistory {
  const firstAnswer = new Map<string, string>();
  for (const event of events) {
    if (!isEmployerResponse(event)) continue;
    const known = firstAnswer.get(event.applicationId);
    if (!known || event.occurredAt < known) firstAnswer.set(event.applicationId, event.occurredAt);
  }
  const delays: number[] = [];
  const bySource = new Map<string, { answered: number; applications: number }>();
  for (const application of applications) {
    if (!application.appliedAt) continue;
    const answeredAt = firstAnswer.get(application.id);
    const isAnswered = answeredAt !== undefined && answeredAt >= application.appliedAt;
    if (isAnswered) delays.push((Date.parse(answeredAt) - Date.parse(application.appliedAt)) / dayMs);
    const tally = bySource.get(application.source.kind) ?? { answered: 0, applications: 0 };
    tally.applications++;
    if (isAnswered) tally.answered++;
    bySource.set(application.source.kind, tally);
  }
  delays.sort((a, b) => a - b);
  const middle = delays.length / 2;
  const median =
    delays.length === 0
      ? null
      : delays.length % 2 === 1
        ? delays[Math.floor(middle)]!
        : (delays[middle - 1]! + delays[middle]!) / 2;
  return {
    medianDaysToFirstReply: median === null ? null : Math.round(median * 10) / 10,
    firstRepliesMeasured: delays.length,
    responseRateBySource: Object.fromEntries(
      [...bySource].map(([kind, t]) => [
        kind,
        { rate: t.answered / t.applications, applications: t.applications },
      ]),
    ),
  };
}
