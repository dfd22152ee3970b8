import { z } from 'zod';
import { email, id, instantOut, limits, requiredText, text, webUrl } from './fields.js';

export const contactRoles = ['recruiter', 'hiring_manager', 'interviewer', 'referral', 'other'] as const;
export type ContactRole = (typeof contactRoles)[number];

export const contactSchema = z
  .object({
    id,
    name: z.string(),
    role: z.enum(contactRoles),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    profileUrl: z.string().nullable(),
    companyId: id.nullable(),
    notes: z.string(),
    createdAt: instantOut,
    updatedAt: instantOut,
  })
  .meta({ id: 'Contact' });

export type Contact = z.infer<typeof contactSchema>;

export const contactCreateSchema = z.strictObject({
  name: requiredText(limits.name),
  role: z.enum(contactRoles).optional(),
  email: email.nullish(),
  phone: text(64).nullish(),
  profileUrl: webUrl.nullish(),
  companyId: id.nullish(),
  notes: text(limits.notes).optional(),
});

export const contactUpdateSchema = contactCreateSchema.partial();

export type ContactCreate = z.infer<typeof contactCreateSchema>;
export type ContactUpdate = z.infer<typeof contactUpdateSchema>;

export const contactListQuerySchema = z.strictObject({
  companyId: id.optional(),
  role: z.enum(contactRoles).optional(),
  q: text(limits.name).optional(),
});

export type ContactListQuery = z.infer<typeof contactListQuerySchema>;
