import Holidays from 'date-holidays';
import type { FieldIssue } from './errors.js';
import type { Places } from './settings.js';

// Kept apart from settings.ts: date-holidays' data is large, and the settings schemas are loaded by the web
// UI and by every CLI command, which need none of it (issue 12, item 11).

/**
 * What is wrong with a country and region: each must be one whose public holidays date-holidays knows
 * (ZZ is no country, Antarctica has no public holidays), and a region must belong to its country.
 */
export function placeIssues(country: string | null, region: string | null): FieldIssue[] {
  const holidays = new Holidays();
  if (country !== null && !Object.hasOwn(holidays.getCountries('en'), country)) {
    return [
      {
        field: 'country',
        message: `${country} is not a country whose public holidays hearback knows; use a code such as US or DE, or null`,
      },
    ];
  }
  if (region === null) return [];
  if (country === null) return [{ field: 'region', message: 'needs a country' }];
  const regions = holidays.getStates(country, 'en') ?? {};
  if (Object.hasOwn(regions, region)) return [];
  const known = Object.keys(regions);
  const hint = known.length > 0 ? `: one of ${known.join(', ')}` : ', which has none: use null';
  return [{ field: 'region', message: `${region} is not a region of ${country}${hint}` }];
}

/** The country of a locale such as en-US, when hearback knows its public holidays; null otherwise. */
export function countryOfLocale(locale: string): string | null {
  const region = new Intl.Locale(locale).region ?? null;
  return region && placeIssues(region, null).length === 0 ? region : null;
}

/**
 * Every country whose public holidays hearback knows, and each one's regions with holidays of their own
 * (Germany's Länder, US states), sorted by code: the only places settings accept.
 */
export function listPlaces(): Places {
  const holidays = new Holidays();
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  const countries = Object.entries(holidays.getCountries('en')).map(([code, name]) => ({
    code,
    name,
    regions: Object.entries(holidays.getStates(code, 'en') ?? {})
      .map(([regionCode, regionName]) => ({ code: regionCode, name: regionName }))
      .sort(byCode),
  }));
  return { countries: countries.sort(byCode) };
}
