import {
  type Backup,
  backupFormat,
  backupSchema,
  backupVersion,
  type RestoreReport,
} from '../core/backup.js';
import { AppError } from '../core/errors.js';
import type { StageChangeEvent } from '../core/event.js';
import { summarizeStageHistory } from '../core/pipeline.js';
import { placeIssues } from '../core/places.js';
import { canonicalTimeZone } from '../core/time-zone.js';
import { insertApplication, listAllApplications } from '../storage/application-store.js';
import { insertCompany, listAllCompanies } from '../storage/company-store.js';
import { insertContact, listAllContacts } from '../storage/contact-store.js';
import { insertEvent, listAllEvents } from '../storage/event-store.js';
import { insertFollowUp, listAllFollowUps } from '../storage/follow-up-store.js';
import { insertInterview, listAllInterviews } from '../storage/interview-store.js';
import { getSettings, saveSettings } from '../storage/settings-store.js';
import { lockNaturalKeys } from '../storage/sql-helpers.js';
import { deleteUserRecords, hasUserRecords } from '../storage/user-store.js';
import { type Deps, inTransaction } from './deps.js';

export async function exportBackup(deps: Deps): Promise<Backup> {
  const { db, userId } = deps;
  return {
    format: backupFormat,
    version: backupVersion,
    settings: await getSettings(db, userId),
    companies: await listAllCompanies(db, userId),
    contacts: await listAllContacts(db, userId),
    applications: await listAllApplications(db, userId),
    interviews: await listAllInterviews(db, userId),
    events: await listAllEvents(db, userId),
    followUps: await listAllFollowUps(db, userId),
  };
}

/**
 * Restores a backup in one transaction: all of it, or (on any error) nothing. The target must be empty
 * unless `replace` is set, in which case the user's current records are deleted first, in the same
 * transaction.
 */
export async function restoreBackup(deps: Deps, raw: unknown, options: { replace?: boolean } = {}) {
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 20)
      .map((i) => ({ field: i.path.join('.'), message: i.message }));
    throw new AppError(
      'INVALID_BACKUP',
      `Not a valid hearback backup: ${issues[0]?.field}: ${issues[0]?.message}`,
      {
        issues,
      },
    );
  }
  const backup = withCanonicalSettings(parsed.data);
  checkReferences(backup);
  return inTransaction(deps, async (tx): Promise<RestoreReport> => {
    const { userId } = deps;
    await lockNaturalKeys(tx.db, userId);
    if (options.replace) await deleteUserRecords(tx.db, userId);
    else if (await hasUserRecords(tx.db, userId)) {
      throw new AppError(
        'IMPORT_TARGET_NOT_EMPTY',
        'This database already has records; restore into an empty data directory, or replace them',
      );
    }
    const { setUpAt = backup.settings.updatedAt } = backup.settings;
    await saveSettings(
      tx.db,
      userId,
      { ...backup.settings, setUpAt },
      backup.settings.updatedAt ?? new Date(0).toISOString(),
    );
    for (const company of backup.companies) await insertCompany(tx.db, userId, company);
    for (const contact of backup.contacts) await insertContact(tx.db, userId, contact);
    const historyByApp = groupStageHistory(backup.events);
    for (const application of backup.applications) {
      const history = historyByApp.get(application.id);
      if (!history) throw invalid(`application ${application.id} has no stage history`);
      const company = backup.companies.find((c) => c.id === application.company.id)!;
      await insertApplication(tx.db, userId, {
        ...application,
        company: { id: company.id, name: company.name },
        ...summarizeStageHistory(history),
      });
    }
    for (const interview of backup.interviews) await insertInterview(tx.db, userId, interview);
    for (const step of backup.followUps) await insertFollowUp(tx.db, userId, step);
    for (const event of backup.events) await insertEvent(tx.db, userId, event);
    return {
      companies: backup.companies.length,
      contacts: backup.contacts.length,
      applications: backup.applications.length,
      interviews: backup.interviews.length,
      events: backup.events.length,
      followUps: backup.followUps.length,
    };
  });
}

function groupStageHistory(events: Backup['events']): Map<string, StageChangeEvent[]> {
  const byApp = new Map<string, StageChangeEvent[]>();
  const ordered = [...events].sort((a, b) =>
    a.occurredAt === b.occurredAt ? a.id.localeCompare(b.id) : a.occurredAt.localeCompare(b.occurredAt),
  );
  for (const event of ordered) {
    if (event.kind !== 'stage_change') continue;
    const list = byApp.get(event.applicationId) ?? [];
    list.push(event);
    byApp.set(event.applicationId, list);
  }
  return byApp;
}

/** Every reference must point inside the backup, so a restore never half-links records. */
function checkReferences(backup: Backup): void {
  const ids = (list: Array<{ id: string }>) => new Set(list.map((x) => x.id));
  const companies = ids(backup.companies);
  const contacts = ids(backup.contacts);
  const applications = ids(backup.applications);
  const interviews = ids(backup.interviews);
  const all = [
    ...companies,
    ...contacts,
    ...applications,
    ...interviews,
    ...ids(backup.events),
    ...ids(backup.followUps),
  ];
  if (new Set(all).size !== all.length) throw invalid('two records share an id');
  const need = (ok: boolean, what: string) => {
    if (!ok) throw invalid(what);
  };
  for (const c of backup.contacts)
    need(c.companyId === null || companies.has(c.companyId), `contact ${c.id}: unknown company`);
  for (const a of backup.applications)
    need(companies.has(a.company.id), `application ${a.id}: unknown company`);
  for (const i of backup.interviews) {
    need(applications.has(i.applicationId), `interview ${i.id}: unknown application`);
    for (const contactId of i.interviewerIds)
      need(contacts.has(contactId), `interview ${i.id}: unknown interviewer`);
  }
  for (const e of backup.events)
    need(applications.has(e.applicationId), `event ${e.id}: unknown application`);
  for (const f of backup.followUps) {
    need(applications.has(f.applicationId), `follow-up ${f.id}: unknown application`);
    need(f.contactId === null || contacts.has(f.contactId), `follow-up ${f.id}: unknown contact`);
    need(f.interviewId === null || interviews.has(f.interviewId), `follow-up ${f.id}: unknown interview`);
  }
}

/**
 * The backup with its time zone spelled as the IANA database spells it, refused (naming the field) when its
 * time zone, country or region is not a real one: settings a planner cannot use would break every read.
 */
function withCanonicalSettings(backup: Backup): Backup {
  const { settings } = backup;
  const timeZone = canonicalTimeZone(settings.timeZone);
  const issues = placeIssues(settings.country, settings.region).map((issue) => ({
    field: `settings.${issue.field}`,
    message: issue.message,
  }));
  if (!timeZone) {
    issues.unshift({
      field: 'settings.timeZone',
      message: 'must be an IANA time zone such as Europe/Berlin',
    });
  }
  const [first] = issues;
  if (first) {
    throw new AppError('INVALID_BACKUP', `Not a valid hearback backup: ${first.field}: ${first.message}`, {
      issues,
    });
  }
  return { ...backup, settings: { ...settings, timeZone: timeZone as string } };
}

function invalid(message: string): AppError {
  return new AppError('INVALID_BACKUP', `Not a consistent hearback backup: ${message}`);
}
