import { expect } from 'vitest';
import { importCsv } from '../../src/services/csv-import.js';
import type { Deps } from '../../src/services/deps.js';

/**
 * The held-out check of issue 19: a known spreadsheet imported as a user would, and every figure compared
 * with a table worked out by hand from the rows below (dates are read as noon UTC; "now" is testNow,
 * 2026-03-02T10:00Z). Wayne's row is an accepted offer, which the import dates as an offer on the day applied.
 */
export const knownCsv = `Company,Job Title,Status,Date Applied,Status Date,End Date,Source,Resume,Company Size
Acme,Backend Engineer,Applied,2026-01-05,,,Referral,CV-A,30
Globex,Platform Engineer,Phone screen,2026-01-06,2026-01-09,,Job board,CV-A,200
Initech,Site Reliability Engineer,Interviewing,2026-01-12,2026-01-20,,Company site,CV-B,2000
Umbrella,Data Engineer,Rejected,2026-01-13,,2026-01-27,Job board,CV-B,20000
Hooli,ML Engineer,Ghosted,2026-01-14,,2026-02-13,Job board,,
Stark Industries,Frontend Engineer,Offer,2026-01-19,2026-02-16,,Referral,CV-A,300
Wayne Enterprises,Staff Engineer,Accepted,2026-01-20,,2026-02-20,Recruiter,CV-B,10000
Wonka,Chocolate Engineer,Wishlist,,,,Company site,,
`;

export async function importKnownCsv(deps: Deps): Promise<void> {
  const result = await importCsv(deps, Buffer.from(knownCsv), { timeZone: 'UTC' });
  expect(result).toMatchObject({ created: 8, failed: [] });
}
