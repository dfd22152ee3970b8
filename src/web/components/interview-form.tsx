import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useMemo, useState } from 'react';
import type { FieldIssue } from '../../core/errors.js';
import {
  type Interview,
  type InterviewRound,
  interviewCreateSchema,
  interviewRounds,
  interviewUpdateSchema,
} from '../../core/interview.js';
import type { InterviewCreateInput, InterviewUpdateInput } from '../api-client.js';
import { describeError, isApiError } from '../api-error.js';
import { issuesOutside, validateWith } from '../field-issues.js';
import { useApi } from '../hooks/use-api.js';
import { roundLabels } from '../labels.js';
import { refreshAfterSaving, useApplications, useContacts, useUserClock } from '../queries.js';
import {
  addDays,
  addMinutesToWallTime,
  instantToZoned,
  knownTimeZones,
  zonedToInstant,
} from '../zoned-time.js';
import { Choice, FieldSet, FormErrors, Options, SelectField, TextAreaField, TextField } from './field.js';
import { RatingField } from './rating-field.js';

type InterviewFormProps = {
  /** Fixes the application (from its page); otherwise the form asks which one. */
  readonly applicationId?: string;
  /** Editing an interview already logged; without it the form logs a new one. */
  readonly interview?: Interview;
  readonly onSaved: (interview: Interview) => void;
  readonly autoFocus?: boolean;
};

type NewPerson = { key: number; name: string; email: string };

/** What the form itself decides; the interviewer ids are known only once new people are saved. */
type Body = Omit<InterviewCreateInput, 'applicationId' | 'interviewerIds'>;

const shownFields = [
  'applicationId',
  'round',
  'startsAt',
  'endsAt',
  'timeZone',
  'interviewerIds',
  'decisionDate',
  'location',
  'videoLink',
  'notes',
  'topics',
  'selfRating',
  'newInterviewer',
];

/** The start of the last half hour, an hour ago: "I just had an interview" is the common case. */
function defaultTimes(timeZone: string): { date: string; start: string; end: string } {
  const now = instantToZoned(new Date().toISOString(), timeZone);
  const [hour, minute] = now.time.split(':').map(Number) as [number, number];
  const rounded = `${String(hour).padStart(2, '0')}:${minute < 30 ? '00' : '30'}`;
  const start = addMinutesToWallTime(now.date, rounded, -60);
  return { date: start.date, start: start.time, end: addMinutesToWallTime(start.date, start.time, 60).time };
}

/**
 * Logs or edits an interview: when, which round, who interviewed (existing contacts or new names, saved as
 * interviewer contacts of the company), and the decision date they gave, which the follow-up planner uses.
 */
export function InterviewForm({ applicationId, interview, onSaved, autoFocus }: InterviewFormProps) {
  const api = useApi();
  const client = useQueryClient();
  const { timeZone: userZone } = useUserClock();
  const applications = useApplications();
  const contacts = useContacts();

  const initial = useMemo(() => {
    if (interview) {
      const start = instantToZoned(interview.startsAt, interview.timeZone);
      const end = instantToZoned(interview.endsAt, interview.timeZone);
      return { date: start.date, start: start.time, end: end.time, zone: interview.timeZone };
    }
    const d = defaultTimes(userZone);
    return { date: d.date, start: d.start, end: d.end, zone: userZone };
  }, [interview, userZone]);

  const [chosenApplication, setChosenApplication] = useState(applicationId ?? interview?.applicationId ?? '');
  const [round, setRound] = useState<InterviewRound>(interview?.round ?? 'other');
  const [date, setDate] = useState(initial.date);
  const [start, setStart] = useState(initial.start);
  const [end, setEnd] = useState(initial.end);
  const [zone, setZone] = useState(initial.zone);
  const [selected, setSelected] = useState<string[]>(interview?.interviewerIds ?? []);
  const [newPeople, setNewPeople] = useState<NewPerson[]>([]);
  const [draftPerson, setDraftPerson] = useState<NewPerson>({ key: 0, name: '', email: '' });
  const [decisionDate, setDecisionDate] = useState(interview?.decisionDate ?? '');
  const [location, setLocation] = useState(interview?.location ?? '');
  const [videoLink, setVideoLink] = useState(interview?.videoLink ?? '');
  const [notes, setNotes] = useState(interview?.notes ?? '');
  const [topics, setTopics] = useState(interview?.topics ?? '');
  const [selfRating, setSelfRating] = useState<number | null>(interview?.selfRating ?? null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);

  const activeApplications = useMemo(
    () =>
      (applications.data ?? [])
        .filter((a) => a.stage !== 'ended' || a.id === chosenApplication)
        .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)),
    [applications.data, chosenApplication],
  );
  const application = (applications.data ?? []).find((a) => a.id === chosenApplication);
  const companyContacts = useMemo(
    () =>
      (contacts.data ?? []).filter(
        (c) => (application && c.companyId === application.company.id) || selected.includes(c.id),
      ),
    [contacts.data, application, selected],
  );

  const save = useMutation({
    mutationFn: async (body: Body): Promise<Interview> => {
      const created: string[] = [];
      for (const person of newPeople) {
        const contact = await api.createContact({
          name: person.name,
          role: 'interviewer',
          ...(person.email.trim() ? { email: person.email.trim() } : {}),
          ...(application ? { companyId: application.company.id } : {}),
        });
        created.push(contact.id);
        // Once saved, a new person is an existing contact: a retry after a later failure must not add them twice.
        setNewPeople((list) => list.filter((p) => p !== person));
        setSelected((list) => [...list, contact.id]);
      }
      const interviewerIds = [...selected, ...created];
      if (interview) {
        const update: InterviewUpdateInput = { ...body, interviewerIds };
        return api.updateInterview(interview.id, update);
      }
      return api.createInterview({ ...body, applicationId: chosenApplication, interviewerIds });
    },
    // The dialog moves on at once; the lists it changed are read again behind it.
    onSuccess: (saved) => {
      onSaved(saved);
      refreshAfterSaving(client, { kind: 'interview', applicationId: saved.applicationId });
    },
    onError: (e) => {
      setError(describeError(e));
      setIssues(isApiError(e) ? [...e.issues] : []);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldIssue[] = [];
    if (!interview && !chosenApplication)
      found.push({ field: 'applicationId', message: 'choose the application' });
    if (!date) found.push({ field: 'startsAt', message: 'give the date of the interview' });
    if (!start) found.push({ field: 'startsAt', message: 'give the time it started' });
    if (!end) found.push({ field: 'endsAt', message: 'give the time it ended' });
    if (draftPerson.name.trim()) {
      found.push({
        field: 'newInterviewer',
        message: 'press “Add interviewer” to add this person, or clear the name',
      });
    }
    let body: Body | null = null;
    if (found.length === 0) {
      // An end time before the start time means the interview ran past midnight.
      const endDate = end > start ? date : addDays(date, 1);
      body = {
        round,
        startsAt: zonedToInstant(date, start, zone),
        endsAt: zonedToInstant(endDate, end, zone),
        timeZone: zone,
        decisionDate: decisionDate || null,
        location: location.trim() ? location : null,
        videoLink: videoLink.trim() ? videoLink.trim() : null,
        notes,
        ...(interview ? { topics, selfRating } : {}),
      };
      const probe = interview ? body : { ...body, applicationId: chosenApplication };
      found.push(...validateWith(interview ? interviewUpdateSchema : interviewCreateSchema, probe));
    }
    setIssues(found);
    setError(found.length > 0 ? 'Please check the fields marked below.' : null);
    if (body && found.length === 0) save.mutate(body);
  };

  const addPerson = () => {
    if (!draftPerson.name.trim()) {
      setIssues([{ field: 'newInterviewer', message: 'type the interviewer’s name first' }]);
      return;
    }
    setNewPeople((list) => [...list, draftPerson]);
    setDraftPerson({ key: draftPerson.key + 1, name: '', email: '' });
    setIssues((list) => list.filter((i) => i.field !== 'newInterviewer'));
  };
  // Enter in the new interviewer's fields adds the person instead of submitting the whole form.
  const addPersonOnEnter = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    addPerson();
  };

  const zones = useMemo(() => knownTimeZones(zone), [zone]);

  return (
    <form onSubmit={submit} noValidate className="interview-form">
      <FormErrors error={error} issues={issuesOutside(issues, shownFields)} />
      {applicationId || interview ? null : (
        <SelectField
          label="Application"
          name="applicationId"
          issues={issues}
          required
          value={chosenApplication}
          // The dialog opens to log an interview: the first choice is here.
          autoFocus={autoFocus}
          onChange={setChosenApplication}
        >
          <option value="">Choose…</option>
          {activeApplications.map((a) => (
            <option key={a.id} value={a.id}>
              {a.jobTitle} — {a.company.name}
            </option>
          ))}
        </SelectField>
      )}
      <div className="field-row field-row-4">
        <SelectField label="Round" name="round" issues={issues} value={round} onChange={setRound}>
          <Options values={interviewRounds} labels={roundLabels} />
        </SelectField>
        <TextField label="Date" name="startsAt" issues={issues} type="date" value={date} onChange={setDate} />
        <TextField
          label="From"
          name="startsAt.time"
          issues={issues}
          type="time"
          value={start}
          onChange={setStart}
        />
        <TextField label="To" name="endsAt" issues={issues} type="time" value={end} onChange={setEnd} />
      </div>
      <SelectField
        label="Time zone"
        name="timeZone"
        issues={issues}
        hint="Where the interview was scheduled"
        value={zone}
        onChange={setZone}
      >
        <Options values={zones} />
      </SelectField>
      <FieldSet legend="Interviewers" names={['interviewerIds']} issues={issues} className="interviewers">
        {companyContacts.length > 0 ? (
          <ul className="checkbox-list">
            {companyContacts.map((c) => (
              <li key={c.id}>
                <Choice
                  checked={selected.includes(c.id)}
                  onChange={(checked) =>
                    setSelected((list) => (checked ? [...list, c.id] : list.filter((id) => id !== c.id)))
                  }
                >
                  {c.name}
                </Choice>
              </li>
            ))}
          </ul>
        ) : null}
        {newPeople.length > 0 ? (
          <ul className="new-people" aria-label="New interviewers to add">
            {newPeople.map((p) => (
              <li key={p.key}>
                <span>
                  {p.name}
                  {p.email ? ` (${p.email})` : ''}
                </span>
                <button
                  type="button"
                  className="button-small"
                  onClick={() => setNewPeople((list) => list.filter((other) => other.key !== p.key))}
                >
                  Remove<span className="visually-hidden"> {p.name}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="field-row add-person">
          <TextField
            label="New interviewer’s name"
            name="newInterviewer"
            issues={issues}
            autoComplete="off"
            value={draftPerson.name}
            onChange={(name) => setDraftPerson((p) => ({ ...p, name }))}
            onKeyDown={addPersonOnEnter}
          />
          <TextField
            label="Their email"
            name="newInterviewer.email"
            issues={issues}
            hint="Optional; drafts use it"
            type="email"
            autoComplete="off"
            value={draftPerson.email}
            onChange={(email) => setDraftPerson((p) => ({ ...p, email }))}
            onKeyDown={addPersonOnEnter}
          />
          <button type="button" className="add-person-button" onClick={addPerson}>
            Add interviewer
          </button>
        </div>
      </FieldSet>
      <TextField
        label="Decision date"
        name="decisionDate"
        issues={issues}
        hint="If they said when they would decide; your first follow-up is planned from it."
        type="date"
        value={decisionDate}
        onChange={setDecisionDate}
      />
      <details className="more-fields" open={Boolean(interview?.location || interview?.videoLink)}>
        <summary>Place or video link</summary>
        <div className="field-row">
          <TextField label="Place" name="location" issues={issues} value={location} onChange={setLocation} />
          <TextField
            label="Video link"
            name="videoLink"
            issues={issues}
            type="url"
            value={videoLink}
            onChange={setVideoLink}
          />
        </div>
      </details>
      <TextAreaField label="Notes" name="notes" issues={issues} rows={2} value={notes} onChange={setNotes} />
      {interview ? (
        <>
          <TextAreaField
            label="What did you discuss?"
            name="topics"
            issues={issues}
            hint="Thank-you notes cite it, so write what you would mention."
            rows={3}
            value={topics}
            onChange={setTopics}
          />
          <RatingField value={selfRating} onChange={setSelfRating} issues={issues} />
        </>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : interview ? 'Save interview' : 'Log interview'}
        </button>
      </div>
    </form>
  );
}
