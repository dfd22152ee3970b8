import { z } from 'zod';
import { id, instantOut, limits, requiredText, text, webUrl } from './fields.js';

export const companySchema = z
  .object({
    id,
    name: z.string(),
    website: z.string().nullable(),
    notes: z.string(),
    createdAt: instantOut,
    updatedAt: instantOut,
  })
  .meta({ id: 'Company' });

export type Company = z.infer<typeof companySchema>;

export const companyCreateSchema = z.strictObject({
  name: requiredText(limits.name),
  website: webUrl.nullish(),
  notes: text(limits.notes).optional(),
});

export const companyUpdateSchema = companyCreateSchema.partial();

export type CompanyCreate = z.infer<typeof companyCreateSchema>;
export type CompanyUpdate = z.infer<typeof companyUpdateSchema>;

export const companyListQuerySchema = z.strictObject({
  q: text(limits.name).optional(),
});

export type CompanyListQuery = z.infer<typeof companyListQuerySchema>;

/** Company names compare without case or surrounding space, so "ACME " and "Acme" are one company. */
export function normalizeCompanyName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}
