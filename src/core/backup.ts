import { z } from 'zod';
import { applicationSchema } from './application.js';
import { companySchema, companySizeBands } from './company.js';
import { contactSchema } from './contact.js';
import { eventSchema } from './event.js';
import { followUpSchema } from './follow-up.js';
import { interviewSchema } from './interview.js';
import { settingsSchema } from './settings.js';

/**
 * A full backup: every record of one user, sorted by id, with no export timestamp, so exporting twice
 * gives the same bytes and backups diff cleanly. Derived application fields (stage, furthest stage,
 * outcome, dates) are included for readers but recomputed from the events on restore.
 */
export const backupFormat = 'hearback-backup';
export const backupVersion = 1;

/** Backups made before companies had a size band and an industry restore with both unknown. */
const backupCompanySchema = companySchema.extend({
  sizeBand: z.enum(companySizeBands).nullable().default(null),
  industry: z.string().nullable().default(null),
});

/** Backups made before the first-run set-up have no setUpAt: they restore as set up when they were saved. */
const backupSettingsSchema = settingsSchema.extend({ setUpAt: z.string().nullable().optional() });
/** Backups made before applications carried `stageChangedAt` restore too: it is derived from the events. */
const backupApplicationSchema = applicationSchema.extend({ stageChangedAt: z.string().optional() });

export const backupSchema = z
  .object({
    format: z.literal(backupFormat),
    version: z.literal(backupVersion),
    settings: backupSettingsSchema,
    companies: z.array(backupCompanySchema),
    contacts: z.array(contactSchema),
    applications: z.array(backupApplicationSchema),
    interviews: z.array(interviewSchema),
    events: z.array(eventSchema),
    followUps: z.array(followUpSchema),
  })
  .meta({ id: 'Backup' });

export type Backup = z.infer<typeof backupSchema>;

/** How many records a restored backup brought back. */
export const restoreReportSchema = z.object({
  companies: z.number(),
  contacts: z.number(),
  applications: z.number(),
  interviews: z.number(),
  events: z.number(),
  followUps: z.number(),
});

export type RestoreReport = z.infer<typeof restoreReportSchema>;
