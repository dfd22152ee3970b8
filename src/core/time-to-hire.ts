import { z } from 'zod';

/**
 * How long employers usually take to decide: the priors the diagnosis measures silence against when the
 * employer gave no date. Every figure here has a source in docs/diagnosis.md; users may replace any of them
 * (their own field, their own country), so the priors travel as data into `diagnose`, never as constants
 * read from inside it.
 */

export const timeToHireSources = {
  glassdoor2017: {
    citation:
      'Glassdoor Economic Research (A. Chamberlain), "How Long Does it Take to Hire? Interview Duration in 25 Countries", August 2017',
    url: 'https://www.glassdoor.com/research/time-to-hire-in-25-countries/',
  },
  weekAfterContact: {
    citation: 'recruiters\' consensus advice: follow up "about a week" after an interview (see PRODUCT.md)',
    url: null,
  },
  user: { citation: 'your own setting', url: null },
} as const;

export type TimeToHireSourceKey = keyof typeof timeToHireSources;

/**
 * Average days from application to an offer or a rejection, by country (ISO 3166-1 alpha-2), from
 * Glassdoor's 2017 study of about 84,000 interview reviews (January to June 2017).
 */
export const glassdoor2017ByCountry: Readonly<Record<string, number>> = {
  BR: 39.6,
  FR: 38.9,
  CH: 37.6,
  IT: 36.0,
  BE: 36.0,
  AE: 35.8,
  EG: 35.2,
  ES: 31.7,
  MX: 31.2,
  JP: 30.9,
  DE: 28.5,
  GB: 27.5,
  PL: 25.9,
  IE: 25.5,
  NL: 25.4,
  SG: 25.4,
  CN: 24.7,
  US: 23.8,
  AU: 23.3,
  PH: 21.8,
  MY: 21.7,
  CA: 20.1,
  RO: 19.2,
  IL: 16.9,
  IN: 16.1,
};

/**
 * United States industries the same study named as the slowest and fastest to hire. Glassdoor published
 * industry figures for the US only, so they stand in for the US (or an unknown country) and nowhere else.
 */
export const glassdoor2017UsByIndustry: Readonly<Record<string, number>> = {
  government: 53.8,
  aerospace_defense: 32.6,
  energy_utilities: 28.8,
  supermarkets: 12.3,
  private_security: 11.6,
  restaurants_bars: 10.2,
};

const countryNames: Readonly<Record<string, string>> = {
  AE: 'the United Arab Emirates',
  AU: 'Australia',
  BE: 'Belgium',
  BR: 'Brazil',
  CA: 'Canada',
  CH: 'Switzerland',
  CN: 'China',
  DE: 'Germany',
  EG: 'Egypt',
  ES: 'Spain',
  FR: 'France',
  GB: 'the United Kingdom',
  IE: 'Ireland',
  IL: 'Israel',
  IN: 'India',
  IT: 'Italy',
  JP: 'Japan',
  MX: 'Mexico',
  MY: 'Malaysia',
  NL: 'the Netherlands',
  PH: 'the Philippines',
  PL: 'Poland',
  RO: 'Romania',
  SG: 'Singapore',
  US: 'the United States',
};

export const industryLabels: Readonly<Record<string, string>> = {
  government: 'government',
  aerospace_defense: 'aerospace and defense',
  energy_utilities: 'energy and utilities',
  supermarkets: 'supermarkets',
  private_security: 'private security',
  restaurants_bars: 'restaurants and bars',
};

const days = z.number().finite().min(1).max(365);

/** The priors `diagnose` uses; `defaultTimeToHirePriors` holds the documented figures. */
export const timeToHirePriorsSchema = z
  .strictObject({
    globalDays: days.describe('average days from application to a decision when the country is not listed'),
    byCountry: z
      .record(z.string().regex(/^[A-Z]{2}$/), days)
      .describe('average days from application to a decision, by ISO country code'),
    byIndustry: z
      .record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), days)
      .describe('average days from application to a decision, by industry key (US figures)'),
    afterContactDays: days.describe(
      'days after an interview or an employer message by which news usually comes when no date was given',
    ),
    firstResponseBusinessDays: z
      .number()
      .int()
      .min(1)
      .max(60)
      .describe(
        "business days after applying by which a first answer is due, before anyone has been in touch (no published median exists; the default is the playbook's check-in)",
      ),
    userDays: days
      .nullable()
      .describe('your own figure: when set, it replaces the country and industry averages'),
  })
  .meta({ id: 'TimeToHirePriors' });

export type TimeToHirePriors = z.infer<typeof timeToHirePriorsSchema>;

export const defaultTimeToHirePriors: TimeToHirePriors = {
  globalDays: 23.7,
  byCountry: glassdoor2017ByCountry,
  byIndustry: glassdoor2017UsByIndustry,
  afterContactDays: 7,
  firstResponseBusinessDays: 7,
  userDays: null,
};

/** A user's changes to the priors: any field may be left out; listed countries and industries are added. */
export const timeToHirePriorsUpdateSchema = timeToHirePriorsSchema.partial();
export type TimeToHirePriorsUpdate = z.infer<typeof timeToHirePriorsUpdateSchema>;

export function mergeTimeToHirePriors(
  base: TimeToHirePriors,
  update: TimeToHirePriorsUpdate,
): TimeToHirePriors {
  return {
    globalDays: update.globalDays ?? base.globalDays,
    byCountry: { ...base.byCountry, ...update.byCountry },
    byIndustry: { ...base.byIndustry, ...update.byIndustry },
    afterContactDays: update.afterContactDays ?? base.afterContactDays,
    firstResponseBusinessDays: update.firstResponseBusinessDays ?? base.firstResponseBusinessDays,
    userDays: update.userDays === undefined ? base.userDays : update.userDays,
  };
}

export type TimeToHireBasis = 'user' | 'industry' | 'country' | 'global';

export type TimeToHire = {
  readonly days: number;
  readonly basis: TimeToHireBasis;
  /** Plain words for where the figure comes from, e.g. "the US average (Glassdoor 2017)". */
  readonly label: string;
  readonly source: TimeToHireSourceKey;
};

/**
 * Picks the figure that fits best: the user's own, else the industry's (US data, so only for the US or an
 * unknown country), else the country's, else the global average.
 */
export function resolveTimeToHire(
  priors: TimeToHirePriors,
  where: { readonly country: string | null; readonly industry: string | null },
): TimeToHire {
  if (priors.userDays !== null) {
    return { days: priors.userDays, basis: 'user', label: 'your own setting', source: 'user' };
  }
  const industryDays = where.industry === null ? undefined : priors.byIndustry[where.industry];
  if (industryDays !== undefined && (where.country === null || where.country === 'US')) {
    const name = industryLabels[where.industry ?? ''] ?? where.industry;
    const source = sourceOf(priors.byIndustry, glassdoor2017UsByIndustry, where.industry ?? '');
    return {
      days: industryDays,
      basis: 'industry',
      label: `the US average in ${name}, ${sourceNames[source]}`,
      source,
    };
  }
  const countryDays = where.country === null ? undefined : priors.byCountry[where.country];
  if (countryDays !== undefined && where.country !== null) {
    const source = sourceOf(priors.byCountry, glassdoor2017ByCountry, where.country);
    return {
      days: countryDays,
      basis: 'country',
      label: `the average in ${countryNames[where.country] ?? where.country}, ${sourceNames[source]}`,
      source,
    };
  }
  const source = priors.globalDays === defaultTimeToHirePriors.globalDays ? 'glassdoor2017' : 'user';
  return {
    days: priors.globalDays,
    basis: 'global',
    label: `the average across 25 countries, ${sourceNames[source]}`,
    source,
  };
}

const sourceNames: Readonly<Record<TimeToHireSourceKey, string>> = {
  glassdoor2017: 'Glassdoor 2017',
  weekAfterContact: "recruiters' advice",
  user: 'your own figure',
};

function sourceOf(
  table: Readonly<Record<string, number>>,
  published: Readonly<Record<string, number>>,
  key: string,
): TimeToHireSourceKey {
  return published[key] !== undefined && published[key] === table[key] ? 'glassdoor2017' : 'user';
}
