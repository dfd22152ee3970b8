import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { FieldIssue } from '../../core/errors.js';
import { type Settings, settingsUpdateSchema } from '../../core/settings.js';
import type { SettingsUpdateInput } from '../api-client.js';
import { describeError, isApiError } from '../api-error.js';
import { AccountSettings } from '../components/account-settings.js';
import { BrowserExtensionSettings } from '../components/browser-extension-settings.js';
import { CalendarFeedSettings } from '../components/calendar-feed-settings.js';
import { CoachSharingSettings } from '../components/coach-sharing-settings.js';
import { Choice, FormErrors, TextField } from '../components/field.js';
import { InboxSettings } from '../components/inbox-settings.js';
import { Link } from '../components/link.js';
import { useNotices } from '../components/notices.js';
import { PlaybookEditor } from '../components/playbook-editor.js';
import {
  PlaceFields,
  ProfileFields,
  TimeZoneField,
  WorkingDaysField,
} from '../components/settings-fields.js';
import { SmtpSettings } from '../components/smtp-settings.js';
import { TemplatesEditor } from '../components/templates-editor.js';
import { issuesOutside, validateWith } from '../field-issues.js';
import { useApi } from '../hooks/use-api.js';
import { queryKeys, refreshAfterSaving, useSettings } from '../queries.js';

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
          <CoachSharingSettings />
          <AccountSettings />
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
      <section className="panel" aria-labelledby="inbox-title">
        <h2 id="inbox-title">Inbox</h2>
        <InboxSettings />
      </section>
      <section className="panel" aria-labelledby="calendar-title">
        <h2 id="calendar-title">Calendar feed</h2>
        <CalendarFeedSettings />
      </section>
      <section className="panel" aria-labelledby="extension-title">
        <h2 id="extension-title">Browser extension</h2>
        <BrowserExtensionSettings />
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
  'responseLinkDays',
  'responseLinkByDefault',
  'weeklyGoal.applications',
  'weeklyGoal.interviews',
  'weeklyGoal.followUps',
];

/** A goal field's text: empty is "no goal" (null), anything else a number the schema checks. */
const goalValue = (text: string): number | null => (text.trim() === '' ? null : Number(text));
const goalText = (value: number | null): string => (value === null ? '' : String(value));

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
  const [linkDays, setLinkDays] = useState(String(settings.responseLinkDays));
  const [linkByDefault, setLinkByDefault] = useState(settings.responseLinkByDefault);
  const [goalApplications, setGoalApplications] = useState(goalText(settings.weeklyGoal.applications));
  const [goalInterviews, setGoalInterviews] = useState(goalText(settings.weeklyGoal.interviews));
  const [goalFollowUps, setGoalFollowUps] = useState(goalText(settings.weeklyGoal.followUps));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (input: SettingsUpdateInput) => api.updateSettings(input),
    onSuccess: (saved) => {
      client.setQueryData(queryKeys.settings, saved);
      notify('Settings saved; follow-up dates use them from now on');
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
      locale,
      name: name.trim() ? name : null,
      email: email.trim() ? email.trim() : null,
      travelBufferMinutes: travelBuffer.trim() === '' ? Number.NaN : Number(travelBuffer),
      calendarStepsAllDay: stepsAllDay,
      digestEnabled,
      digestTime,
      postingWatchEnabled: postingWatch,
      responseLinkDays: linkDays.trim() === '' ? Number.NaN : Number(linkDays),
      responseLinkByDefault: linkByDefault,
      weeklyGoal: {
        applications: goalValue(goalApplications),
        interviews: goalValue(goalInterviews),
        followUps: goalValue(goalFollowUps),
      },
    };
    const found = validateWith(settingsUpdateSchema, input);
    setIssues(found);
    setError(found.length > 0 ? 'Please check the fields marked below.' : null);
    if (found.length === 0) save.mutate(input);
  };

  return (
    <form onSubmit={submit} noValidate className="panel">
      <h2>Your calendar</h2>
      <p className="muted">
        Follow-ups fall on your working days, in your time zone, and skip public holidays.
      </p>
      <FormErrors error={error} issues={issuesOutside(issues, shown)} />
      <TimeZoneField value={timeZone} onChange={setTimeZone} issues={issues} />
      <PlaceFields
        country={country}
        region={region}
        onChange={(place) => {
          setCountry(place.country);
          setRegion(place.region);
        }}
        issues={issues}
        locale={settings.locale}
      />
      <WorkingDaysField value={workingDays} onChange={setWorkingDays} issues={issues} />
      <TextField
        label="Language and format"
        name="locale"
        issues={issues}
        hint="A locale such as en-US or de-DE"
        value={locale}
        onChange={setLocale}
      />
      <h2>You</h2>
      <ProfileFields name={name} email={email} onName={setName} onEmail={setEmail} issues={issues} />
      <h2>Reminders</h2>
      <div className="field-row">
        <TextField
          label="Leave for interviews this early"
          name="travelBufferMinutes"
          issues={issues}
          hint="Minutes; the calendar feed shows a “leave by” reminder"
          type="number"
          min={0}
          max={1440}
          value={travelBuffer}
          onChange={setTravelBuffer}
        />
        <TextField
          label="Morning email at"
          name="digestTime"
          issues={issues}
          hint="Your local time"
          type="time"
          value={digestTime}
          onChange={setDigestTime}
        />
      </div>
      <Choice checked={digestEnabled} onChange={setDigestEnabled}>
        Send me a morning email with what is due (needs a mail server, below)
      </Choice>
      <Choice checked={stepsAllDay} onChange={setStepsAllDay}>
        Show follow-up steps as all-day events in the calendar feed
      </Choice>
      <Choice checked={postingWatch} onChange={setPostingWatch}>
        Check posting links now and then, to notice when a job is removed or re-posted
      </Choice>
      <h2>Employer response link</h2>
      <p className="muted">
        A link at the end of a follow-up lets the employer say where things stand in one click, without a
        login. It needs hearback reachable from outside (HEARBACK_PUBLIC_URL).
      </p>
      <TextField
        label="A new link works for"
        name="responseLinkDays"
        issues={issues}
        hint="Days, 1 to 365"
        type="number"
        min={1}
        max={365}
        value={linkDays}
        onChange={setLinkDays}
      />
      <Choice checked={linkByDefault} onChange={setLinkByDefault}>
        Offer the response link in follow-up drafts by default
      </Choice>
      <h2>Weekly goal</h2>
      <p className="muted">
        Insights count each week against it and keep your streak. Leave a field empty for no goal.
      </p>
      <div className="field-row">
        <TextField
          label="Applications a week"
          name="weeklyGoal.applications"
          issues={issues}
          type="number"
          min={0}
          max={1000}
          value={goalApplications}
          onChange={setGoalApplications}
        />
        <TextField
          label="Interviews a week"
          name="weeklyGoal.interviews"
          issues={issues}
          type="number"
          min={0}
          max={1000}
          value={goalInterviews}
          onChange={setGoalInterviews}
        />
        <TextField
          label="Follow-ups a week"
          name="weeklyGoal.followUps"
          issues={issues}
          type="number"
          min={0}
          max={1000}
          value={goalFollowUps}
          onChange={setGoalFollowUps}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
