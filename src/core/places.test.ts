import { describe, expect, it } from 'vitest';
import { countryOfLocale, listPlaces, placeIssues } from './places.js';

describe('places', () => {
  it('lists only places that settings accept', () => {
    const { countries } = listPlaces();
    expect(countries.length).toBeGreaterThan(100);
    for (const country of countries) {
      expect(placeIssues(country.code, null)).toEqual([]);
      for (const region of country.regions) expect(placeIssues(country.code, region.code)).toEqual([]);
    }
  });

  it('suggests the country of a locale only when its holidays are known', () => {
    expect(countryOfLocale('de-DE')).toBe('DE');
    expect(countryOfLocale('en-GB')).toBe('GB');
    expect(countryOfLocale('de')).toBeNull();
    expect(countryOfLocale('en-001')).toBeNull();
  });
});
