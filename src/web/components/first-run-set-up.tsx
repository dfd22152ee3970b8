import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import type { FieldIssue } from '../../core/errors.js';
import { type Settings, settingsUpdateSchema } from '../../core/settings.js';
import type { SettingsUpdateInput } from '../api-client.js';
import { describeError, isApiError } from '../api-error.js';
import { issuesOutside, validateWith } from '../field-issues.js';
import { useApi } from '../hooks/use-api.js';
import { browserSettings, queryKeys, refreshAfterSaving, usePlaces } from '../queries.js';
import { formatDateTime } from '../zoned-time.js';
import { Dialog } from './dialog.js';
import { FormErrors } from './field.js';
import { useNotices } from './notices.js';
import { PlaceFields, ProfileFields, TimeZoneField, WorkingDaysField } from './settings-fields.js';

const shown = ['timeZone', 'country', 'region', 'workingDays', 'name', 'email'];

/**
 * Offered once, on a fresh database (`setUpAt` is null): the browser's time zone and language, the country
 * its locale names (when hearback knows its holidays), Monday to Friday, and the user's name and email for
 * signing drafts. Saving or skipping (also by closing the dialog) marks the set-up done; Settings changes
 * it all later.
 */
export function FirstRunSetUp({ settings }: { readonly settings: Settings }) {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const places = usePlaces();
  const browser = useMemo(() => browserSettings(), []);
  const [timeZone, setTimeZone] = useState(browser.timeZone);
  const [place, setPlace] = useState<{ country: string; region: string } | null>(null);
  const [workingDays, setWorkingDays] = useState<number[]>([...settings.workingDays]);
  const [name, setName] = useState(settings.name ?? '');
  const [email, setEmail] = useState(settings.email ?? '');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [isDone, setDone] = useState(false);

  // The locale's country is suggested only once the list says hearback knows its holidays.
  const suggestedCountry =
    browser.country && places.data?.countries.some((c) => c.code === browser.country) ? browser.country : '';
  const { country, region } = place ?? { country: suggestedCountry, region: '' };

  const save = useMutation({
    mutationFn: (input: SettingsUpdateInput) => api.updateSettings(input),
    onSuccess: (saved, input) => {
      setDone(true);
      client.setQueryData(queryKeys.settings, saved);
      notify(
        Object.keys(input).length > 0
          ? 'Set up: follow-up dates use your calendar from now on'
          : 'Skipped: set your time zone, holidays and name any time in Settings',
      );
      refreshAfterSaving(client, { kind: 'settings' });
    },
    onError: (e) => {
      setError(describeError(e));
      setIssues(isApiError(e) ? [...e.issues] : []);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: SettingsUpdateInput = {
      timeZone,
      country: country || null,
      region: region || null,
      workingDays: [...workingDays].sort((a, b) => a - b),
      locale: browser.locale,
      name: name.trim() ? name : null,
      email: email.trim() ? email.trim() : null,
    };
    const found = validateWith(settingsUpdateSchema, input);
    setIssues(found);
    setError(found.length > 0 ? 'Please check the fields marked below.' : null);
    if (found.length === 0) save.mutate(input);
  };

  // Closing the dialog is a skip: it keeps the settings as they are and is not offered again.
  const skip = () => {
    if (!isDone && !save.isPending) save.mutate({});
  };

  return (
    <Dialog
      open={!isDone}
      title="Set up hearback"
      onClose={skip}
      description="hearback plans follow-ups on your working days, in your time zone, around your public holidays. It has filled in what your browser says: check it, and change anything later in Settings."
    >
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} issues={issuesOutside(issues, shown)} />
        <TimeZoneField value={timeZone} onChange={setTimeZone} issues={issues} />
        <PlaceFields
          country={country}
          region={region}
          onChange={setPlace}
          issues={issues}
          locale={browser.locale}
        />
        <WorkingDaysField value={workingDays} onChange={setWorkingDays} issues={issues} />
        <p className="hint">
          Dates and times will read like this:{' '}
          {formatDateTime(new Date().toISOString(), timeZone, browser.locale)} ({browser.locale}, from your
          browser).
        </p>
        <ProfileFields name={name} email={email} onName={setName} onEmail={setEmail} issues={issues} />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save and start'}
          </button>
          <button type="button" onClick={skip} disabled={save.isPending}>
            Skip for now
          </button>
        </div>
      </form>
    </Dialog>
  );
}
