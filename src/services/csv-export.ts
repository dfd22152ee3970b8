import type { StageChangeEvent } from '../core/event.js';
import { listAllApplications } from '../storage/application-store.js';
import { listAllCompanies } from '../storage/company-store.js';
import { listAllEvents } from '../storage/event-store.js';
import type { Deps } from './deps.js';

/** Every application of the user as a CSV that is safe to open in a spreadsheet (see docs/csv.md). */
export async function exportApplicationsCsv(deps: Deps): Promise<string> {
  const applications = await listAllApplications(deps.db, deps.userId);
  const companies = new Map((await listAllCompanies(deps.db, deps.userId)).map((c) => [c.id, c]));
  const history = new Map<string, StageChangeEvent[]>();
  for (const event of await listAllEvents(deps.db, deps.userId)) {
    if (event.kind !== 'stage_change') continue;
    const list = history.get(event.applicationId);
    if (list) list.push(event);
    else history.set(event.applicationId, [event]);
  }
  return deps.csvWriter.write(
    applications.map((application) => {
      // Events come in id order; a stable sort by time keeps same-instant changes in the order they were made.
      const changes = (history.get(application.id) ?? []).sort(byTime);
      const first = changes[0];
      return {
        application,
        savedAt: first?.toStage === 'saved' ? first.occurredAt : null,
        stageChangedAt: changes.at(-1)?.occurredAt ?? null,
        company: companies.get(application.company.id),
      };
    }),
  );
}

function byTime(a: StageChangeEvent, b: StageChangeEvent): number {
  return a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0;
}
