import { useId, useMemo } from 'react';
import type { FieldIssue } from '../../core/errors.js';
import type { Place } from '../../core/settings.js';
import { messagesFor } from '../field-issues.js';
import { weekdayLabels } from '../labels.js';
import { usePlaces } from '../queries.js';
import { knownTimeZones } from '../zoned-time.js';
import { Field } from './field.js';

/** Fields shared by Settings and the first-run set-up: the user's calendar, and who signs the drafts. */

export function TimeZoneField(props: {
  readonly value: string;
  readonly onChange: (zone: string) => void;
  readonly issues: readonly FieldIssue[];
}) {
  const zones = useMemo(() => knownTimeZones(props.value), [props.value]);
  return (
    <Field label="Time zone" name="timeZone" issues={props.issues}>
      {(control) => (
        <select {...control} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      )}
    </Field>
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
      <Field label="Country" name="country" issues={issues} hint="Its public holidays are days off">
        {(control) => (
          <select
            {...control}
            value={country}
            onChange={(e) => onChange({ country: e.target.value, region: '' })}
          >
            <option value="">None (no public holidays)</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="State or region"
        name="region"
        issues={issues}
        hint={hasNoRegions ? 'No regional holidays here' : 'For holidays kept only there; optional'}
      >
        {(control) => (
          <select
            {...control}
            value={region}
            disabled={country === '' || hasNoRegions}
            onChange={(e) => onChange({ country, region: e.target.value })}
          >
            <option value="">{country === '' ? '—' : 'Whole country'}</option>
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
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
  const messages = messagesFor(props.issues, 'workingDays');
  const errorId = useId();
  return (
    <fieldset className="weekdays" aria-describedby={messages.length > 0 ? errorId : undefined}>
      <legend>Working days</legend>
      <div className="weekday-options">
        {weekdayLabels.map((label, index) => {
          const day = index + 1;
          return (
            <label key={label} className="choice">
              <input
                type="checkbox"
                checked={props.value.includes(day)}
                onChange={(e) =>
                  props.onChange(
                    e.target.checked ? [...props.value, day] : props.value.filter((d) => d !== day),
                  )
                }
              />
              <span>{label}</span>
            </label>
          );
        })}
      </div>
      {messages.length > 0 ? (
        <p className="field-error" id={errorId}>
          {messages.join('; ')}
        </p>
      ) : null}
    </fieldset>
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
      <Field label="Your name" name="name" issues={props.issues} hint="Signs your drafts">
        {(control) => (
          <input
            {...control}
            value={props.name}
            autoComplete="name"
            onChange={(e) => props.onName(e.target.value)}
          />
        )}
      </Field>
      <Field label="Your email" name="email" issues={props.issues}>
        {(control) => (
          <input
            {...control}
            type="email"
            autoComplete="email"
            value={props.email}
            onChange={(e) => props.onEmail(e.target.value)}
          />
        )}
      </Field>
    </div>
  );
}
