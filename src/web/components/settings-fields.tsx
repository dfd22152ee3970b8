import { useMemo } from 'react';
import { weekdayNames } from '../../core/date-words.js';
import type { FieldIssue } from '../../core/errors.js';
import type { Place } from '../../core/settings.js';
import { usePlaces } from '../queries.js';
import { knownTimeZones } from '../zoned-time.js';
import { Choice, FieldSet, Options, SelectField, TextField } from './field.js';

/** Fields shared by Settings and the first-run set-up: the user's calendar, and who signs the drafts. */

export function TimeZoneField(props: {
  readonly value: string;
  readonly onChange: (zone: string) => void;
  readonly issues: readonly FieldIssue[];
}) {
  const zones = useMemo(() => knownTimeZones(props.value), [props.value]);
  return (
    <SelectField
      label="Time zone"
      name="timeZone"
      issues={props.issues}
      value={props.value}
      onChange={props.onChange}
    >
      <Options values={zones} />
    </SelectField>
  );
}

type PlaceFieldsProps = {
  readonly country: string;
  readonly region: string;
  /** A new country clears the region: regions belong to one country. */
  readonly onChange: (place: { country: string; region: string }) => void;
  readonly issues: readonly FieldIssue[];
  /** Country names are shown in this locale's language. */
  readonly locale: string;
};

/**
 * Country and region, offering only the places whose public holidays hearback knows (GET /api/places), with
 * country names in the user's language. A stored value missing from the list is still shown, so the form
 * never changes it silently; the server names it if it is refused.
 */
export function PlaceFields({ country, region, onChange, issues, locale }: PlaceFieldsProps) {
  const places = usePlaces();
  const countries = useMemo(
    () => countryOptions(places.data?.countries ?? [], country, locale),
    [places.data, country, locale],
  );
  const regions = useMemo(() => {
    const known = places.data?.countries.find((c) => c.code === country)?.regions ?? [];
    const options = [...known].sort((a, b) => a.name.localeCompare(b.name, locale));
    return region && !known.some((r) => r.code === region)
      ? [{ code: region, name: region }, ...options]
      : options;
  }, [places.data, country, region, locale]);
  const hasNoRegions = places.data !== undefined && regions.length === 0;
  return (
    <div className="field-row">
      <SelectField
        label="Country"
        name="country"
        issues={issues}
        hint="Its public holidays are days off"
        value={country}
        onChange={(code) => onChange({ country: code, region: '' })}
      >
        <option value="">None (no public holidays)</option>
        <PlaceOptions places={countries} />
      </SelectField>
      <SelectField
        label="State or region"
        name="region"
        issues={issues}
        hint={hasNoRegions ? 'No regional holidays here' : 'For holidays kept only there; optional'}
        value={region}
        disabled={country === '' || hasNoRegions}
        onChange={(code) => onChange({ country, region: code })}
      >
        <option value="">{country === '' ? '—' : 'Whole country'}</option>
        <PlaceOptions places={regions} />
      </SelectField>
    </div>
  );
}

function PlaceOptions({ places }: { readonly places: readonly { code: string; name: string }[] }) {
  return <Options values={places.map((p) => p.code)} labels={(code) => placeName(places, code)} />;
}

function placeName(places: readonly { code: string; name: string }[], code: string): string {
  return places.find((p) => p.code === code)?.name ?? code;
}

function countryOptions(
  places: readonly Place[],
  current: string,
  locale: string,
): { code: string; name: string }[] {
  const names = regionNames(locale);
  const listed =
    places.some((p) => p.code === current) || current === ''
      ? places
      : [{ code: current, name: current }, ...places];
  return listed
    .map((p) => ({ code: p.code, name: names?.of(p.code) ?? p.name }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

function regionNames(locale: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'none' });
  } catch {
    return null;
  }
}

export function WorkingDaysField(props: {
  readonly value: readonly number[];
  readonly onChange: (days: number[]) => void;
  readonly issues: readonly FieldIssue[];
}) {
  return (
    <FieldSet legend="Working days" names={['workingDays']} issues={props.issues} className="weekdays">
      <div className="weekday-options">
        {weekdayNames().map((label, index) => {
          const day = index + 1;
          return (
            <Choice
              key={label}
              checked={props.value.includes(day)}
              onChange={(checked) =>
                props.onChange(checked ? [...props.value, day] : props.value.filter((d) => d !== day))
              }
            >
              {label}
            </Choice>
          );
        })}
      </div>
    </FieldSet>
  );
}

export function ProfileFields(props: {
  readonly name: string;
  readonly email: string;
  readonly onName: (name: string) => void;
  readonly onEmail: (email: string) => void;
  readonly issues: readonly FieldIssue[];
}) {
  return (
    <div className="field-row">
      <TextField
        label="Your name"
        name="name"
        issues={props.issues}
        hint="Signs your drafts"
        autoComplete="name"
        value={props.name}
        onChange={props.onName}
      />
      <TextField
        label="Your email"
        name="email"
        issues={props.issues}
        type="email"
        autoComplete="email"
        value={props.email}
        onChange={props.onEmail}
      />
    </div>
  );
}
