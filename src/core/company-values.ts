// The size bands of companies and the helpers on company names, without zod: what storage and the services
// import, so that loading them does not build the schemas of company.ts, which re-exports all of this
// (`hearback list` needs none of those schemas; issue 12, item 11).

/**
 * How many people a company employs, in bands: what a job seeker can find on a company's profile page, and
 * cut where the diagnosis's signals change (docs/diagnosis.md): under 25 (Ontario's duty to inform does not
 * apply), under 50 (a small employer), 1,000 or more (a large one) and 10,000 or more (a very large one).
 */
export const companySizeBands = [
  '1-24',
  '25-49',
  '50-99',
  '100-499',
  '500-999',
  '1000-4999',
  '5000-9999',
  '10000+',
] as const;
export type CompanySizeBand = (typeof companySizeBands)[number];

/** The fewest people a band covers. */
export function smallestHeadcount(band: CompanySizeBand): number {
  return Number.parseInt(band, 10);
}

/** "1,000–4,999 people", "10,000 or more people". */
export function describeSizeBand(band: CompanySizeBand): string {
  const [low, high] = band.replace('+', '').split('-') as [string, string | undefined];
  const n = (value: string) => Number(value).toLocaleString('en-US');
  return high === undefined ? `${n(low)} or more people` : `${n(low)}–${n(high)} people`;
}

/** Company names compare without case or surrounding space, so "ACME " and "Acme" are one company. */
export function normalizeCompanyName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/**
 * The key of a published industry figure an industry name matches, ignoring case, "&" and "and":
 * "Aerospace & Defense" and "aerospace and defense" are both `aerospace_defense`.
 */
export function industryKeyOf(industry: string): string {
  return industry
    .toLocaleLowerCase('en')
    .replace(/&/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && word !== 'and')
    .join('_');
}
