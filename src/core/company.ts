import { z } from 'zod';
import { companySizeBands } from './company-values.js';
import { id, instantOut, limits, requiredText, text, webUrl } from './fields.js';

export {
  type CompanySizeBand,
  companySizeBands,
  describeSizeBand,
  industryKeyOf,
  normalizeCompanyName,
  smallestHeadcount,
} from './company-values.js';

export const companySchema = z
  .object({
    id,
    name: z.string(),
    website: z.string().nullable(),
    sizeBand: z.enum(companySizeBands).nullable().describe('how many people it employs, as a band'),
    industry: z.string().nullable().describe('its industry, in your own words'),
    notes: z.string(),
    createdAt: instantOut,
    updatedAt: instantOut,
  })
  .meta({ id: 'Company' });

export type Company = z.infer<typeof companySchema>;

export const companyCreateSchema = z.strictObject({
  name: requiredText(limits.name),
  website: webUrl.nullish(),
  sizeBand: z.enum(companySizeBands).nullish(),
  industry: text(limits.industry).nullish(),
  notes: text(limits.notes).optional(),
});

export const companyUpdateSchema = companyCreateSchema.partial();

export type CompanyCreate = z.infer<typeof companyCreateSchema>;
export type CompanyUpdate = z.infer<typeof companyUpdateSchema>;

export const companyListQuerySchema = z.strictObject({
  q: text(limits.name).optional(),
});

export type CompanyListQuery = z.infer<typeof companyListQuerySchema>;
