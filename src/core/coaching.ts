import { z } from 'zod';
import { applicationCardSchema } from './application.js';
import { eventSchema } from './event.js';
import { email, id, limits, text } from './fields.js';
import { type Role, roles } from './roles.js';
import { todayItemSchema } from './today.js';

export { type Role, roles };

export const shareCreateSchema = z.strictObject({
  coachEmail: email.describe('the coach’s account email'),
  applicationIds: z
    .array(id)
    .max(1000)
    .nullish()
    .describe('the applications to share; absent or null shares all of them, now and later'),
});
export type ShareCreate = z.infer<typeof shareCreateSchema>;

export const shareSchema = z
  .object({
    id: z.string(),
    coach: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    allApplications: z.boolean(),
    applicationIds: z.array(z.string()).describe('the applications shared, when not all of them'),
    createdAt: z.string(),
  })
  .meta({ id: 'Share' });
export type Share = z.infer<typeof shareSchema>;

export const coachJobSeekerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    allApplications: z.boolean(),
    sharedApplications: z.number().int(),
    overdue: z.array(todayItemSchema).describe('overdue steps of the shared applications'),
  })
  .meta({ id: 'CoachJobSeeker' });
export type CoachJobSeeker = z.infer<typeof coachJobSeekerSchema>;

export const coachApplicationSchema = z
  .object({
    application: applicationCardSchema,
    timeline: z.array(eventSchema),
  })
  .meta({ id: 'CoachApplication' });
export type CoachApplication = z.infer<typeof coachApplicationSchema>;

export const coachCommentSchema = z.strictObject({
  text: text(limits.notes).refine((t) => t.trim().length > 0, { message: 'must not be blank' }),
});

export const adminUserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(roles),
    createdAt: z.string(),
    applications: z.number().int().describe('how many applications the account has (a count, never content)'),
    sharesGiven: z.number().int(),
    sharesReceived: z.number().int(),
    activeSessions: z.number().int(),
  })
  .meta({ id: 'AdminUser' });
export type AdminUser = z.infer<typeof adminUserSchema>;

export const roleUpdateSchema = z.strictObject({ role: z.enum(roles) });

/**
 * Admins: who shares with which coach (a coach assignment), and how much: counts, never the applications'
 * ids or content.
 */
export const coachAssignmentSchema = z
  .object({
    jobSeeker: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    coach: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    allApplications: z.boolean(),
    sharedApplications: z.number().int().describe('how many applications the share covers now'),
    createdAt: z.string(),
  })
  .meta({ id: 'CoachAssignment' });
export type CoachAssignment = z.infer<typeof coachAssignmentSchema>;
