import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import type { FieldIssue } from '../../core/errors.js';
import { type Settings, settingsUpdateSchema } from '../../core/settings.js';
import type { SettingsUpdateInput } from '../api-client.js';
import { describeError, isApiError } from '../api-error.js';
import { CalendarFeedSettings } from '../components/calendar-feed-settings.js';
import { Field, FormErrors } from '../components/field.js';
import { Link } from '../components/link.js';
import { useNotices } from '../components/notices.js';
import { PlaybookEditor } from '../components/playbook-editor.js';
import { SmtpSettings } from '../components/smtp-settings.js';
import { TemplatesEditor } from '../components/templates-editor.js';
import { issuesOutside, validateWith } from '../field-issues.js';
import { useApi } from '../hooks/use-api.js';
import { weekdayLabels } from '../labels.js';
import { queryKeys, refreshAfterChange, useSettings } from '../queries.js';
import { knownTimeZones } from '../zoned-time.js';

/** Every two-letter region code this browser can name, for the country picker. */
function countryOptions(locale: string): { code: string; name: string }[] {
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
  } catch {
    names = new Intl.DisplayNames(['en'], { type: 'region' });
  }
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const options: { code: string; name: string }[] = [];
  for (const a of letters) {
    for (const b of letters) {
      const code = `${a}${b}`;
      const name = names.of(code);
      if (name && name !== code) options.push({ code, name });
    }
  }
  return options.sort((x, y) => x.name.localeCompare(y.name));
}

export function SettingsPage() {
  const settings = useSettings();
  return (
    <div className="page page-narrow">
      <h1 tabIndex={-1}>Settings</h1>
      {settings.isError ? (
        <p className="form-errors" role="alert">
          {describeError(settings.error)}
        </p>
      ) : null}
      {/* Everything appears at once when the settings arrive, so nothing below the form jumps down. */}
      {settings.data ? (
        <>
          <SettingsForm settings={settings.data} />
          <MoreSettings settings={settings.data} />
        </>
      ) : (
        <div className="placeholder" aria-busy="true">
          Loading settings…
        </div>
      )}
    </div>
  );
}

function MoreSettings({ settings }: { settings: Settings }) {
  return (
    <>
      <section className="panel" aria-labelledby="playbook-title">
        <h2 id="playbook-title">Follow-up playbook</h2>
        <p className="muted">
          How long hearback waits before each step, on which channel, and which steps it plans at all. Never
          two nudges within three business days and never more than three without a reply, whatever you set
          here.
        </p>
        <PlaybookEditor />
      </section>
      <section className="panel" aria-labelledby="templates-title">
        <h2 id="templates-title">Message templates</h2>
        <TemplatesEditor />
      </section>
      <section className="panel" aria-labelledby="smtp-title">
        <h2 id="smtp-title">Sending email</h2>
        <SmtpSettings settings={settings} />
      </section>
      <section className="panel" aria-labelledby="calendar-title">
        <h2 id="calendar-title">Calendar feed</h2>
        <CalendarFeedSettings />
      </section>
      <section className="panel" aria-labelledby="backup-title">
        <h2 id="backup-title">Import, export and backup</h2>
        <p>
          <Link to="/import">Import applications</Link> from a spreadsheet or another tracker, or an interview
          invitation (.ics).
        </p>
        <p>
          Download everything you have entered as one JSON file; restore it on the{' '}
          <Link to="/import">import page</Link>.
        </p>
        <div className="form-actions">
          <a className="button" href="/api/backup" download="hearback-backup.json">
            Download a backup
          </a>
          <a className="button" href="/api/export/applications.csv" download="hearback-applications.csv">
            Download applications as CSV
          </a>
        </div>
      </section>
    </>
  );
}

const shown = [
  'timeZone',
  'country',
  'region',
  'workingDays',
  'locale',
  'name',
  'email',
  'travelBufferMinutes',
  'calendarStepsAllDay',
  'digestEnabled',
  'digestTime',
  'postingWatchEnabled',
];

function SettingsForm({ settings }: { settings: Settings }) {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [country, setCountry] = useState(settings.country ?? '');
  const [region, setRegion] = useState(settings.region ?? '');
  const [workingDays, setWorkingDays] = useState<number[]>([...settings.workingDays]);
  const [locale, setLocale] = useState(settings.locale);
  const [name, setName] = useState(settings.name ?? '');
  const [email, setEmail] = useState(settings.email ?? '');
  const [travelBuffer, setTravelBuffer] = useState(String(settings.travelBufferMinutes));
  const [stepsAllDay, setStepsAllDay] = useState(settings.calendarStepsAllDay);
  const [digestEnabled, setDigestEnabled] = useState(settings.digestEnabled);
  const [digestTime, setDigestTime] = useState(settings.digestTime);
  const [postingWatch, setPostingWatch] = useState(settings.postingWatchEnabled);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const zones = useMemo(() => knownTimeZones(timeZone), [timeZone]);
  const countries = useMemo(() => countryOptions(settings.locale), [settings.locale]);

  const save = useMutation({
    mutationFn: (input: SettingsUpdateInput) => api.updateSettings(input),
    onSuccess: (saved) => {
      client.setQueryData(queryKeys.settings, saved);
      notify('Settings saved; follow-up dates use them from now on');
      void refreshAfterChange(client);
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
      region: region.trim() ? region.trim().toUpperCase() : null,
      workingDays: [...workingDays].sort((a, b) => a - b),
      locale,
      name: name.trim() ? name : null,
      email: email.trim() ? email.trim() : null,
      travelBufferMinutes: travelBuffer.trim() === '' ? Number.NaN : Number(travelBuffer),
      calendarStepsAllDay: stepsAllDay,
      digestEnabled,
      digestTime,
      postingWatchEnabled: postingWatch,
    };
    const found = validateWith(settingsUpdateSchema, input);
    setIssues(found);
    setError(found.length > 0 ? 'Please check the fields marked below.' : null);
    if (found.length === 0) save.mutate(input);
  };

  const dayMessages = issues.filter((i) => i.field === 'workingDays' || i.field.startsWith('workingDays.'));
  return (
    <form onSubmit={submit} noValidate className="panel">
      <h2>Your calendar</h2>
      <p className="muted">
        Follow-ups fall on your working days, in your time zone, and skip public holidays.
      </p>
      <FormErrors error={error} issues={issuesOutside(issues, shown)} />
      <Field label="Time zone" name="timeZone" issues={issues}>
        {(control) => (
          <select {...control} value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field-row">
        <Field label="Country" name="country" issues={issues} hint="Its public holidays are days off">
          {(control) => (
            <select {...control} value={country} onChange={(e) => setCountry(e.target.value)}>
              <option value="">None (no public holidays)</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({c.code})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="State or region"
          name="region"
          issues={issues}
          hint="A code such as CA, NY or ON; optional"
        >
          {(control) => (
            <input {...control} value={region} maxLength={3} onChange={(e) => setRegion(e.target.value)} />
          )}
        </Field>
      </div>
      <fieldset
        className="weekdays"
        aria-describedby={dayMessages.length > 0 ? 'working-days-error' : undefined}
      >
        <legend>Working days</legend>
        <div className="weekday-options">
          {weekdayLabels.map((label, index) => {
            const day = index + 1;
            return (
              <label key={label} className="choice">
                <input
                  type="checkbox"
                  checked={workingDays.includes(day)}
                  onChange={(e) =>
                    setWorkingDays((days) =>
                      e.target.checked ? [...days, day] : days.filter((d) => d !== day),
                    )
                  }
                />
                <span>{label}</span>
              </label>
            );
          })}
        </div>
        {dayMessages.length > 0 ? (
          <p className="field-error" id="working-days-error">
            {dayMessages.map((m) => m.message).join('; ')}
          </p>
        ) : null}
      </fieldset>
      <Field label="Language and format" name="locale" issues={issues} hint="A locale such as en-US or de-DE">
        {(control) => <input {...control} value={locale} onChange={(e) => setLocale(e.target.value)} />}
      </Field>
      <h2>You</h2>
      <div className="field-row">
        <Field label="Your name" name="name" issues={issues} hint="Signs your drafts">
          {(control) => (
            <input {...control} value={name} autoComplete="name" onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field label="Your email" name="email" issues={issues}>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
      </div>
      <h2>Reminders</h2>
      <div className="field-row">
        <Field
          label="Leave for interviews this early"
          name="travelBufferMinutes"
          issues={issues}
          hint="Minutes; the calendar feed shows a “leave by” reminder"
        >
          {(control) => (
            <input
              {...control}
              type="number"
              min={0}
              max={1440}
              value={travelBuffer}
              onChange={(e) => setTravelBuffer(e.target.value)}
            />
          )}
        </Field>
        <Field label="Morning email at" name="digestTime" issues={issues} hint="Your local time">
          {(control) => (
            <input
              {...control}
              type="time"
              value={digestTime}
              onChange={(e) => setDigestTime(e.target.value)}
            />
          )}
        </Field>
      </div>
      <label className="choice">
        <input type="checkbox" checked={digestEnabled} onChange={(e) => setDigestEnabled(e.target.checked)} />
        <span>Send me a morning email with what is due (needs a mail server, below)</span>
      </label>
      <label className="choice">
        <input type="checkbox" checked={stepsAllDay} onChange={(e) => setStepsAllDay(e.target.checked)} />
        <span>Show follow-up steps as all-day events in the calendar feed</span>
      </label>
      <label className="choice">
        <input type="checkbox" checked={postingWatch} onChange={(e) => setPostingWatch(e.target.checked)} />
        <span>Check posting links now and then, to notice when a job is removed or re-posted</span>
      </label>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
