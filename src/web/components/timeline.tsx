import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Contact } from '../../core/contact.js';
import type { FieldIssue } from '../../core/errors.js';
import {
  type Channel,
  channels,
  type EventKind,
  eventCreateSchema,
  type Sentiment,
  sentiments,
  type TimelineEvent,
} from '../../core/event.js';
import type { FollowUp } from '../../core/follow-up.js';
import { isOpenFollowUp } from '../../core/follow-up-values.js';
import type { InboxMessageView } from '../../core/inbox-review.js';
import type { Interview } from '../../core/interview.js';
import { describeStage, stageLabels } from '../../core/pipeline-values.js';
import type { EventCreateInput } from '../api-client.js';
import { describeError, isApiError } from '../api-error.js';
import { issuesOutside, validateWith } from '../field-issues.js';
import { useApi } from '../hooks/use-api.js';
import {
  channelLabels,
  eventKindLabels,
  followUpKindLabels,
  interviewTitle,
  responseLinkAnswerLabels,
  sentimentLabels,
} from '../labels.js';
import { queryKeys, refreshAfterChange, useUserClock } from '../queries.js';
import { formatDateTime, formatLocalDate, todayIn, zonedToInstant } from '../zoned-time.js';
import { FormErrors, Options, SelectField, TextAreaField, TextField } from './field.js';
import { InboxProvenance } from './inbox-settings.js';

type TimelineProps = {
  readonly applicationId: string;
  readonly events: readonly TimelineEvent[];
  /** The application's steps: those done or skipped are part of its history too. */
  readonly steps: readonly FollowUp[];
  readonly interviews: readonly Interview[];
  readonly contacts: readonly Contact[];
};

/** Entries of the timeline: the application's events, and its steps done or skipped, when they were. */
type Entry =
  | { readonly kind: 'event'; readonly at: string; readonly order: string; readonly event: TimelineEvent }
  | { readonly kind: 'step'; readonly at: string; readonly order: string; readonly step: FollowUp };

/** Every event on the application, and every step done or skipped, newest first, and a form to add notes, messages and replies. */
export function Timeline({ applicationId, events, steps, interviews, contacts }: TimelineProps) {
  const { timeZone, locale } = useUserClock();
  const fromInbox = useInboxMessagesByEvent(applicationId);
  const interviewsById = new Map(interviews.map((i) => [i.id, i]));
  const contactsById = new Map(contacts.map((c) => [c.id, c]));
  const entries: Entry[] = [
    ...events.map((event): Entry => ({ kind: 'event', at: event.occurredAt, order: event.createdAt, event })),
    ...steps.flatMap((step): Entry[] =>
      step.completedAt && !isOpenFollowUp(step)
        ? [{ kind: 'step', at: step.completedAt, order: step.updatedAt, step }]
        : [],
    ),
  ];
  const newestFirst = entries.sort((a, b) =>
    a.at === b.at ? (a.order < b.order ? 1 : -1) : a.at < b.at ? 1 : -1,
  );
  return (
    <div className="timeline">
      <AddEventForm applicationId={applicationId} contacts={contacts} />
      <ol className="timeline-list">
        {newestFirst.map((entry) =>
          entry.kind === 'step' ? (
            <li key={`step:${entry.step.id}`} className={`timeline-item timeline-step-${entry.step.status}`}>
              <time dateTime={entry.at} className="muted small">
                {formatDateTime(entry.at, timeZone, locale)}
              </time>
              <StepText
                step={entry.step}
                contactName={entry.step.contactId ? contactsById.get(entry.step.contactId)?.name : undefined}
              />
            </li>
          ) : (
            <li key={entry.event.id} className={`timeline-item timeline-${entry.event.kind}`}>
              <time dateTime={entry.at} className="muted small">
                {formatDateTime(entry.at, timeZone, locale)}
              </time>
              <EventText
                event={entry.event}
                interview={
                  entry.event.kind === 'interview' ? interviewsById.get(entry.event.interviewId) : undefined
                }
                contactName={
                  'contactId' in entry.event && entry.event.contactId
                    ? contactsById.get(entry.event.contactId)?.name
                    : undefined
                }
                locale={locale}
              />
              {fromInbox.get(entry.event.id) ? (
                <InboxProvenance message={fromInbox.get(entry.event.id)!} />
              ) : null}
            </li>
          ),
        )}
      </ol>
    </div>
  );
}

/** The inbox messages that became this application's events, by event id (docs/inbox.md). */
function useInboxMessagesByEvent(applicationId: string): Map<string, InboxMessageView> {
  const api = useApi();
  const messages = useQuery({
    queryKey: queryKeys.inboxMessages(applicationId),
    queryFn: () => api.listInboxMessagesOf(applicationId),
  });
  return new Map((messages.data ?? []).flatMap((m) => (m.eventId ? [[m.eventId, m] as const] : [])));
}

function StepText({
  step,
  contactName,
}: {
  readonly step: FollowUp;
  readonly contactName: string | undefined;
}) {
  const what = `${followUpKindLabels[step.kind]}${contactName ? ` for ${contactName}` : ''}`;
  return (
    <div>
      <p>{step.status === 'done' ? `Done: ${what}` : `Skipped: ${what}`}</p>
      {step.completionNote ? <p className="prose">{step.completionNote}</p> : null}
    </div>
  );
}

type EventTextProps = {
  readonly event: TimelineEvent;
  readonly interview: Interview | undefined;
  readonly contactName: string | undefined;
  readonly locale: string;
};

/** One event's words, as the timeline shows them (also the coach's read-only view of a shared timeline). */
export function EventText({ event, interview, contactName, locale }: EventTextProps) {
  switch (event.kind) {
    case 'stage_change':
      return (
        <div>
          <p>
            {event.fromStage === null
              ? `Added as ${stageLabels[event.toStage].toLowerCase()}`
              : `Moved from ${stageLabels[event.fromStage].toLowerCase()} to ${describeStage(event)}`}
          </p>
          {event.note ? <p className="prose">{event.note}</p> : null}
        </div>
      );
    case 'interview':
      return <p>{interview ? interviewTitle(interview.round) : eventKindLabels.interview}</p>;
    case 'message_sent':
      return (
        <div>
          <p>
            Sent by {channelLabels[event.channel].toLowerCase()}
            {contactName ? ` to ${contactName}` : ''}
            {event.subject ? `: ${event.subject}` : ''}
          </p>
          {event.body ? <p className="prose">{event.body}</p> : null}
        </div>
      );
    case 'reply_received':
      if (event.responseLink) {
        return (
          <div>
            <p>
              {responseLinkAnswerLabels[event.responseLink.answer]}
              {event.responseLink.expectedBy
                ? `; news by ${formatLocalDate(event.responseLink.expectedBy, locale)}`
                : ''}{' '}
              <span className="muted">(via response link)</span>
            </p>
            {event.summary ? <p className="prose">{event.summary}</p> : null}
          </div>
        );
      }
      return (
        <div>
          <p>
            {sentimentLabels[event.sentiment]} reply by {channelLabels[event.channel].toLowerCase()}
            {contactName ? ` from ${contactName}` : ''}
            {event.newDecisionDate
              ? `; new decision date ${formatLocalDate(event.newDecisionDate, locale)}`
              : ''}
          </p>
          {event.summary ? <p className="prose">{event.summary}</p> : null}
        </div>
      );
    case 'note':
      return <p className="prose">{event.text}</p>;
    case 'posting_change':
      return (
        <p>
          Posting {event.change}
          {event.detail ? `: ${event.detail}` : ''}
        </p>
      );
  }
}

/** What the user adds by hand here; posting changes come from the posting watch. */
const addedKinds = ['note', 'message_sent', 'reply_received'] as const satisfies readonly EventKind[];
type Kind = (typeof addedKinds)[number];

function AddEventForm({ applicationId, contacts }: { applicationId: string; contacts: readonly Contact[] }) {
  const api = useApi();
  const client = useQueryClient();
  const { timeZone } = useUserClock();
  const [kind, setKind] = useState<Kind>('note');
  const [text, setText] = useState('');
  const [subject, setSubject] = useState('');
  const [channel, setChannel] = useState<Channel>('email');
  const [sentiment, setSentiment] = useState<Sentiment>('neutral');
  const [contactId, setContactId] = useState('');
  const [newDecisionDate, setNewDecisionDate] = useState('');
  const [date, setDate] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);

  const add = useMutation({
    mutationFn: (input: EventCreateInput) => api.createEvent(input),
    onSuccess: async () => {
      setText('');
      setSubject('');
      setNewDecisionDate('');
      setDate('');
      await refreshAfterChange(client, applicationId);
    },
    onError: (e) => {
      setError(describeError(e));
      setIssues(isApiError(e) ? [...e.issues] : []);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const occurredAt = date ? { occurredAt: zonedToInstant(date, '12:00', timeZone) } : {};
    const contact = contactId ? { contactId } : {};
    const input: EventCreateInput =
      kind === 'note'
        ? { kind, applicationId, text, ...occurredAt }
        : kind === 'message_sent'
          ? {
              kind,
              applicationId,
              channel,
              subject: subject || null,
              body: text || null,
              ...contact,
              ...occurredAt,
            }
          : {
              kind,
              applicationId,
              channel,
              sentiment,
              summary: text || null,
              newDecisionDate: newDecisionDate || null,
              ...contact,
              ...occurredAt,
            };
    const found = validateWith(eventCreateSchema, input);
    setIssues(found);
    setError(found.length > 0 ? 'Please check the fields marked below.' : null);
    if (found.length === 0) add.mutate(input);
  };

  const textField = kind === 'note' ? 'text' : kind === 'message_sent' ? 'body' : 'summary';
  return (
    <form className="add-event" onSubmit={submit} noValidate>
      <FormErrors
        error={error}
        issues={issuesOutside(issues, [
          'kind',
          'text',
          'body',
          'summary',
          'subject',
          'channel',
          'sentiment',
          'contactId',
          'newDecisionDate',
          'occurredAt',
        ])}
      />
      <div className="field-row">
        <SelectField label="Add to the timeline" name="kind" issues={issues} value={kind} onChange={setKind}>
          <Options values={addedKinds} labels={eventKindLabels} />
        </SelectField>
        <TextField
          label="On"
          name="occurredAt"
          issues={issues}
          hint="Leave empty for now"
          type="date"
          max={todayIn(timeZone, new Date())}
          value={date}
          onChange={setDate}
        />
      </div>
      {kind !== 'note' ? (
        <div className="field-row">
          <SelectField label="By" name="channel" issues={issues} value={channel} onChange={setChannel}>
            <Options values={channels} labels={channelLabels} />
          </SelectField>
          <SelectField
            label={kind === 'message_sent' ? 'To' : 'From'}
            name="contactId"
            issues={issues}
            value={contactId}
            onChange={setContactId}
          >
            <option value="">Nobody in particular</option>
            {contacts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
      {kind === 'message_sent' ? (
        <TextField label="Subject" name="subject" issues={issues} value={subject} onChange={setSubject} />
      ) : null}
      {kind === 'reply_received' ? (
        <div className="field-row">
          <SelectField
            label="How did it sound?"
            name="sentiment"
            issues={issues}
            value={sentiment}
            onChange={setSentiment}
          >
            <Options values={sentiments} labels={sentimentLabels} />
          </SelectField>
          <TextField
            label="New decision date"
            name="newDecisionDate"
            issues={issues}
            hint="If they gave one"
            type="date"
            value={newDecisionDate}
            onChange={setNewDecisionDate}
          />
        </div>
      ) : null}
      <TextAreaField
        label={kind === 'note' ? 'Note' : kind === 'message_sent' ? 'Message' : 'What they said'}
        name={textField}
        issues={issues}
        rows={3}
        value={text}
        onChange={setText}
      />
      <div className="form-actions">
        <button type="submit" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add'}
        </button>
      </div>
    </form>
  );
}
