import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { type Application, applicationUpdateSchema, type SentDocument } from '../../core/application.js';
import type { Contact } from '../../core/contact.js';
import type { FieldIssue } from '../../core/errors.js';
import type { FollowUp } from '../../core/follow-up.js';
import { isOpenFollowUp } from '../../core/follow-up-values.js';
import type { Interview } from '../../core/interview.js';
import {
  closedReasonLabels,
  outcomeLabels,
  type Stage,
  stageLabels,
  stages,
} from '../../core/pipeline-values.js';
import type { ApplicationUpdateInput } from '../api-client.js';
import { describeError, isApiError } from '../api-error.js';
import { ApplicationDetailsForm } from '../components/application-details-form.js';
import { ContactForm } from '../components/contact-form.js';
import { DiagnosisPanel } from '../components/diagnosis-panel.js';
import { Dialog } from '../components/dialog.js';
import { DraftDialog } from '../components/draft-dialog.js';
import { EndApplicationDialog } from '../components/end-application-dialog.js';
import { ExternalLink } from '../components/external-link.js';
import { FieldSet, FormErrors, TextAreaField, TextField } from '../components/field.js';
import { FollowUpCard } from '../components/follow-up-card.js';
import { InterviewForm } from '../components/interview-form.js';
import { Link } from '../components/link.js';
import { useNotices } from '../components/notices.js';
import { PostInterviewPrompt } from '../components/post-interview-prompt.js';
import { PostingSnapshot } from '../components/posting-snapshot.js';
import { PostingWatchStatus } from '../components/posting-watch-status.js';
import { ratingLabels } from '../components/rating-field.js';
import { ResponseLinkPanel, type SuggestedEnding } from '../components/response-link-panel.js';
import { RetrospectiveForm } from '../components/retrospective-form.js';
import { StageBadge } from '../components/stage-badge.js';
import { TailoringPanel } from '../components/tailoring-panel.js';
import { Timeline } from '../components/timeline.js';
import { issuesOutside, validateWith } from '../field-issues.js';
import { useApi } from '../hooks/use-api.js';
import { useAppDialogs } from '../hooks/use-app-dialogs.js';
import { navigate } from '../hooks/use-location.js';
import { useMoveApplications } from '../hooks/use-move-application.js';
import { roleLabels, roundLabels, sourceLabels } from '../labels.js';
import {
  forgetApplication,
  queryKeys,
  refreshAfterChange,
  useApplication,
  useContacts,
  useDiagnosis,
  useFollowUps,
  useInterviews,
  useLatestTailoring,
  usePostingWatch,
  useTimeline,
  useUserClock,
} from '../queries.js';
import { type FollowUpCardItem, isDraftable } from '../today-view.js';
import { formatDate, formatDateTimeAlsoIn, formatLocalDate } from '../zoned-time.js';

/** Everything about one application: its posting, stage and outcome, interviews, people, steps and history. */
export function ApplicationPage({ id }: { readonly id: string }) {
  const application = useApplication(id);
  const timeline = useTimeline(id);
  const interviews = useInterviews(id);
  const followUps = useFollowUps(id);
  const contacts = useContacts();
  const diagnosis = useDiagnosis(id);
  const tailoring = useLatestTailoring(id);
  const postingWatch = usePostingWatch(id);
  // The page shows once its parts have loaded, so sections do not push each other down as they arrive.
  const isLoading = [
    application,
    timeline,
    interviews,
    followUps,
    contacts,
    diagnosis,
    tailoring,
    postingWatch,
  ].some((q) => q.isPending && !q.isError);
  if (application.isError) {
    return (
      <div className="page">
        <h1 tabIndex={-1}>Application not found</h1>
        <p className="form-errors" role="alert">
          {describeError(application.error)}
        </p>
        <p>
          <Link to="/board">Back to the board</Link>
        </p>
      </div>
    );
  }
  if (isLoading || !application.data) {
    return (
      <div className="page">
        <h1 tabIndex={-1}>Application</h1>
        <div className="placeholder" aria-busy="true">
          Loading…
        </div>
      </div>
    );
  }
  return <ApplicationView application={application.data} />;
}

function ApplicationView({ application }: { application: Application }) {
  const { timeZone, locale } = useUserClock();
  const { openLogInterview } = useAppDialogs();
  const timeline = useTimeline(application.id);
  const interviews = useInterviews(application.id);
  const followUps = useFollowUps(application.id);
  const contacts = useContacts();
  const diagnosis = useDiagnosis(application.id);
  // Silence to explain comes first; otherwise the diagnosis only says why there is none, further down.
  const isWaiting = diagnosis.data?.status === 'waiting';
  const [isEditing, setEditing] = useState(false);
  const [ending, setEnding] = useState(false);
  const [suggestedEnding, setSuggestedEnding] = useState<SuggestedEnding | null>(null);
  const [draftStep, setDraftStep] = useState<FollowUp | null>(null);

  const companyContacts = useMemo(() => {
    const interviewerIds = new Set((interviews.data ?? []).flatMap((i) => i.interviewerIds));
    return (contacts.data ?? []).filter(
      (c) => c.companyId === application.company.id || interviewerIds.has(c.id),
    );
  }, [contacts.data, interviews.data, application.company.id]);
  const contactsById = useMemo(() => new Map((contacts.data ?? []).map((c) => [c.id, c])), [contacts.data]);

  const steps = useMemo(
    () =>
      [...(followUps.data ?? [])].sort((a, b) => {
        const open = Number(isOpenFollowUp(b)) - Number(isOpenFollowUp(a));
        return open !== 0 ? open : a.dueAt < b.dueAt ? -1 : 1;
      }),
    [followUps.data],
  );
  const toItem = (step: FollowUp): FollowUpCardItem => {
    const contact = step.contactId ? contactsById.get(step.contactId) : undefined;
    return {
      step,
      application: {
        id: application.id,
        jobTitle: application.jobTitle,
        companyName: application.company.name,
      },
      contact: contact ? { id: contact.id, name: contact.name, email: contact.email } : null,
      explanation: step.reason,
      hasDraft: isDraftable(step),
    };
  };

  return (
    <div className="page application-page">
      <header className="application-header">
        <p className="breadcrumb">
          <Link to="/board">Board</Link> <span aria-hidden="true">›</span> {application.company.name}
        </p>
        <h1 tabIndex={-1}>{application.jobTitle}</h1>
        <p className="application-company">{application.company.name}</p>
        <div className="application-status">
          <StageBadge application={application} />
          {application.stage === 'ended' ? (
            <span className="muted">
              Furthest stage: {stageLabels[application.furthestStage]}
              {application.endedAt ? ` · ended ${formatDate(application.endedAt, timeZone, locale)}` : ''}
            </span>
          ) : application.appliedAt ? (
            <span className="muted">Applied {formatDate(application.appliedAt, timeZone, locale)}</span>
          ) : (
            <span className="muted">Saved {formatDate(application.stageChangedAt, timeZone, locale)}</span>
          )}
        </div>
        <div className="form-actions">
          <StageControl
            key={application.stage}
            application={application}
            onEnd={() => {
              setSuggestedEnding(null);
              setEnding(true);
            }}
          />
          <button type="button" onClick={() => openLogInterview(application.id)}>
            Log interview
          </button>
          <button type="button" onClick={() => setEditing((e) => !e)} aria-expanded={isEditing}>
            {isEditing ? 'Close editing' : 'Edit details'}
          </button>
        </div>
      </header>

      {application.stage === 'ended' && application.outcome ? (
        <section className="panel" aria-labelledby="outcome-title">
          <h2 id="outcome-title">Outcome</h2>
          <p>
            {outcomeLabels[application.outcome]}
            {application.closedReason ? ` (${closedReasonLabels[application.closedReason]})` : ''}
          </p>
          <RetrospectiveForm applicationId={application.id} />
        </section>
      ) : null}

      <div className="application-grid">
        <div className="application-main">
          {isWaiting ? <DiagnosisPanel applicationId={application.id} /> : null}
          <section className="panel" aria-labelledby="posting-title">
            <h2 id="posting-title">Posting</h2>
            {isEditing ? (
              <ApplicationDetailsForm application={application} onDone={() => setEditing(false)} />
            ) : (
              <>
                <PostingSnapshot application={application} locale={locale} />
                <dl className="facts">
                  <div>
                    <dt>Source</dt>
                    <dd>
                      {sourceLabels[application.source.kind]}
                      {application.source.detail ? `: ${application.source.detail}` : ''}
                    </dd>
                  </div>
                  <div>
                    <dt>Priority</dt>
                    <dd>{application.priority} of 5</dd>
                  </div>
                  {application.tags.length > 0 ? (
                    <div>
                      <dt>Tags</dt>
                      <dd>{application.tags.join(', ')}</dd>
                    </div>
                  ) : null}
                </dl>
                <PostingWatchStatus applicationId={application.id} />
              </>
            )}
          </section>

          <section className="panel" aria-labelledby="steps-title">
            <h2 id="steps-title">Follow-up steps</h2>
            {steps.length === 0 ? (
              <p className="muted">
                No steps yet. Log an interview, and the thank-you notes and follow-ups are planned here.
              </p>
            ) : (
              <ul className="plain-list follow-up-list">
                {steps.map((step) => (
                  <li key={step.id}>
                    <FollowUpCard item={toItem(step)} showApplication={false} onOpenDraft={setDraftStep} />
                  </li>
                ))}
              </ul>
            )}
          </section>

          {isWaiting ? null : <DiagnosisPanel applicationId={application.id} />}

          <ResponseLinkPanel
            applicationId={application.id}
            isEnded={application.stage === 'ended'}
            onSuggestEnding={(suggested) => {
              setSuggestedEnding(suggested);
              setEnding(true);
            }}
          />

          <InterviewsSection
            application={application}
            interviews={interviews.data ?? []}
            contactsById={contactsById}
          />

          <TailoringPanel application={application} />

          <section className="panel" aria-labelledby="timeline-title">
            <h2 id="timeline-title">Timeline</h2>
            {timeline.data ? (
              <Timeline
                applicationId={application.id}
                events={timeline.data}
                steps={followUps.data ?? []}
                interviews={interviews.data ?? []}
                contacts={companyContacts}
              />
            ) : (
              <p className="muted">Loading…</p>
            )}
          </section>
        </div>
        <div className="application-side">
          <NotesSection application={application} />
          <ContactsSection application={application} contacts={companyContacts} />
          <DocumentsSection application={application} />
          <DangerZone application={application} />
        </div>
      </div>
      <EndApplicationDialog
        application={ending ? application : null}
        suggested={suggestedEnding}
        onClose={() => setEnding(false)}
      />
      <DraftDialog step={draftStep} onClose={() => setDraftStep(null)} />
    </div>
  );
}

function StageControl({ application, onEnd }: { application: Application; onEnd: () => void }) {
  const move = useMoveApplications();
  const [stage, setStage] = useState<Stage>(application.stage);
  return (
    <form
      className="stage-control"
      onSubmit={(e) => {
        e.preventDefault();
        if (stage === 'ended') onEnd();
        else if (stage !== application.stage) {
          move.mutate({ action: 'move', applications: [application], input: { stage } });
        }
      }}
    >
      <label htmlFor="stage-select">Stage</label>
      <select id="stage-select" value={stage} onChange={(e) => setStage(e.target.value as Stage)}>
        {stages.map((s) => (
          <option key={s} value={s}>
            {stageLabels[s]}
          </option>
        ))}
      </select>
      <button type="submit" disabled={stage === application.stage && stage !== 'ended'}>
        {stage === 'ended' ? (application.stage === 'ended' ? 'Change outcome…' : 'End…') : 'Move'}
      </button>
    </form>
  );
}

type InterviewsSectionProps = {
  readonly application: Application;
  readonly interviews: readonly Interview[];
  readonly contactsById: ReadonlyMap<string, Contact>;
};

function InterviewsSection({ application, interviews, contactsById }: InterviewsSectionProps) {
  const { timeZone, locale } = useUserClock();
  const { openLogInterview } = useAppDialogs();
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const [editing, setEditing] = useState<Interview | null>(null);
  const [debriefing, setDebriefing] = useState<Interview | null>(null);
  const remove = useMutation({
    mutationFn: (interview: Interview) => api.deleteInterview(interview.id),
    onSuccess: async () => {
      notify('Interview deleted');
      await refreshAfterChange(client, application.id);
    },
    onError: (e) => notify(`Could not delete: ${describeError(e)}`),
  });
  const sorted = [...interviews].sort((a, b) => (a.startsAt < b.startsAt ? 1 : -1));
  return (
    <section className="panel" aria-labelledby="interviews-title">
      <div className="panel-heading">
        <h2 id="interviews-title">Interviews</h2>
        <button type="button" onClick={() => openLogInterview(application.id)}>
          Add interview
        </button>
      </div>
      {sorted.length === 0 ? <p className="muted">No interviews logged yet.</p> : null}
      <ul className="plain-list">
        {sorted.map((interview) => {
          const names = interview.interviewerIds.map((id) => contactsById.get(id)?.name ?? 'someone');
          const isPast = Date.parse(interview.endsAt) <= Date.now();
          return (
            <li key={interview.id} className="interview">
              <h3>
                {roundLabels[interview.round]} ·{' '}
                <time dateTime={interview.startsAt}>
                  {formatDateTimeAlsoIn(interview.startsAt, timeZone, locale, interview.timeZone)}
                </time>
              </h3>
              {names.length > 0 ? <p>With {names.join(', ')}</p> : null}
              {interview.decisionDate ? (
                <p>Decision expected by {formatLocalDate(interview.decisionDate, locale)}</p>
              ) : null}
              {interview.location ? <p>At {interview.location}</p> : null}
              {interview.videoLink ? (
                <p>
                  <ExternalLink href={interview.videoLink}>Video link</ExternalLink>
                </p>
              ) : null}
              {interview.selfRating ? (
                <p>
                  It went: {interview.selfRating} of 5 ({ratingLabels[interview.selfRating]?.toLowerCase()})
                </p>
              ) : null}
              {interview.topics ? (
                <div>
                  <h4>Discussed</h4>
                  <p className="prose">{interview.topics}</p>
                </div>
              ) : null}
              {interview.notes ? (
                <div>
                  <h4>Notes</h4>
                  <p className="prose">{interview.notes}</p>
                </div>
              ) : null}
              <div className="form-actions">
                {isPast && !interview.topics && interview.selfRating === null ? (
                  <button type="button" onClick={() => setDebriefing(interview)}>
                    How did it go?
                  </button>
                ) : null}
                <button type="button" onClick={() => setEditing(interview)}>
                  Edit<span className="visually-hidden"> interview</span>
                </button>
                <button
                  type="button"
                  onClick={() => {
                    if (window.confirm('Delete this interview and its planned steps?'))
                      remove.mutate(interview);
                  }}
                >
                  Delete<span className="visually-hidden"> interview</span>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <Dialog open={editing !== null} title="Edit interview" onClose={() => setEditing(null)} size="wide">
        {editing ? (
          <InterviewForm
            interview={editing}
            onSaved={() => {
              notify('Interview saved');
              setEditing(null);
            }}
          />
        ) : null}
      </Dialog>
      <Dialog open={debriefing !== null} title="How did it go?" onClose={() => setDebriefing(null)}>
        {debriefing ? (
          <PostInterviewPrompt interview={debriefing} onDone={() => setDebriefing(null)} />
        ) : null}
      </Dialog>
    </section>
  );
}

function NotesSection({ application }: { application: Application }) {
  const [notes, setNotes] = useState(application.notes);
  return (
    <section className="panel" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes</h2>
      <UpdateForm
        application={application}
        input={{ notes }}
        fields={['notes']}
        saveLabel="Save notes"
        isDirty={notes !== application.notes}
      >
        {(issues) => (
          <TextAreaField
            label="Notes"
            name="notes"
            issues={issues}
            className="label-hidden"
            rows={6}
            value={notes}
            onChange={setNotes}
          />
        )}
      </UpdateForm>
    </section>
  );
}

function ContactsSection({
  application,
  contacts,
}: {
  application: Application;
  contacts: readonly Contact[];
}) {
  const [isAdding, setAdding] = useState(false);
  return (
    <section className="panel" aria-labelledby="contacts-title">
      <div className="panel-heading">
        <h2 id="contacts-title">Contacts</h2>
        <button type="button" onClick={() => setAdding(true)}>
          Add contact
        </button>
      </div>
      {contacts.length === 0 ? <p className="muted">No contacts at {application.company.name} yet.</p> : null}
      <ul className="plain-list contact-list">
        {contacts.map((c) => (
          <li key={c.id} className="contact-item">
            <strong>{c.name}</strong> <span className="muted">· {roleLabels[c.role]}</span>
            {c.email ? (
              <div>
                <a className="break" href={`mailto:${encodeURIComponent(c.email).replace(/%40/g, '@')}`}>
                  {c.email}
                </a>
              </div>
            ) : null}
            {c.phone ? <div>{c.phone}</div> : null}
          </li>
        ))}
      </ul>
      <Dialog
        open={isAdding}
        title={`Add a contact at ${application.company.name}`}
        onClose={() => setAdding(false)}
      >
        <ContactForm companyId={application.company.id} onSaved={() => setAdding(false)} />
      </Dialog>
    </section>
  );
}

function DocumentsSection({ application }: { application: Application }) {
  const [resume, setResume] = useState(toDocumentValues(application.resume));
  const [coverLetter, setCoverLetter] = useState(toDocumentValues(application.coverLetter));
  const input: ApplicationUpdateInput = {
    resume: fromDocumentValues(resume),
    coverLetter: fromDocumentValues(coverLetter),
  };
  const isDirty =
    JSON.stringify(input.resume) !== JSON.stringify(application.resume) ||
    JSON.stringify(input.coverLetter) !== JSON.stringify(application.coverLetter);
  return (
    <section className="panel" aria-labelledby="documents-title">
      <h2 id="documents-title">Documents sent</h2>
      <UpdateForm
        application={application}
        input={input}
        fields={['resume', 'coverLetter']}
        saveLabel="Save documents"
        isDirty={isDirty}
      >
        {(issues) => (
          <>
            <DocumentFields
              legend="Resume"
              name="resume"
              value={resume}
              onChange={setResume}
              issues={issues}
            />
            <DocumentFields
              legend="Cover letter"
              name="coverLetter"
              value={coverLetter}
              onChange={setCoverLetter}
              issues={issues}
            />
          </>
        )}
      </UpdateForm>
    </section>
  );
}

type DocumentValues = { name: string; fileRef: string; text: string };

function toDocumentValues(doc: SentDocument | null): DocumentValues {
  return { name: doc?.name ?? '', fileRef: doc?.fileRef ?? '', text: doc?.text ?? '' };
}

function fromDocumentValues(v: DocumentValues): SentDocument | null {
  if (!v.name.trim() && !v.fileRef.trim() && !v.text.trim()) return null;
  return {
    name: v.name.trim() ? v.name : null,
    text: v.text.trim() ? v.text : null,
    fileRef: v.fileRef.trim() ? v.fileRef : null,
  };
}

type DocumentFieldsProps = {
  readonly legend: string;
  readonly name: 'resume' | 'coverLetter';
  readonly value: DocumentValues;
  readonly onChange: (value: DocumentValues) => void;
  readonly issues: readonly FieldIssue[];
};

function DocumentFields({ legend, name, value, onChange, issues }: DocumentFieldsProps) {
  return (
    <FieldSet
      legend={legend}
      names={[name]}
      issues={issues.filter((i) => i.field === name)}
      className="document"
    >
      <TextField
        label="Version or file name"
        name={`${name}.name`}
        issues={issues}
        value={value.name}
        onChange={(text) => onChange({ ...value, name: text })}
      />
      <TextField
        label="Where the file is"
        name={`${name}.fileRef`}
        issues={issues}
        hint="A path or a link"
        value={value.fileRef}
        onChange={(fileRef) => onChange({ ...value, fileRef })}
      />
      <details>
        <summary>Text of the {legend.toLowerCase()}</summary>
        <TextAreaField
          label="Text"
          name={`${name}.text`}
          issues={issues}
          rows={6}
          value={value.text}
          onChange={(text) => onChange({ ...value, text })}
        />
      </details>
    </FieldSet>
  );
}

type UpdateFormProps = {
  readonly application: Application;
  readonly input: ApplicationUpdateInput;
  readonly fields: readonly string[];
  readonly saveLabel: string;
  readonly isDirty: boolean;
  readonly children: (issues: readonly FieldIssue[]) => ReactNode;
};

/** A part of the application saved on its own (notes, documents); what was typed stays if saving fails. */
function UpdateForm({ application, input, fields, saveLabel, isDirty, children }: UpdateFormProps) {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => api.updateApplication(application.id, input),
    onSuccess: async (saved) => {
      client.setQueryData(queryKeys.application(saved.id), saved);
      notify('Saved');
      setIssues([]);
      setError(null);
      await refreshAfterChange(client, saved.id);
    },
    onError: (e) => {
      setError(describeError(e));
      setIssues(isApiError(e) ? [...e.issues] : []);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateWith(applicationUpdateSchema, input);
    setIssues(found);
    setError(found.length > 0 ? 'Please check the fields marked below.' : null);
    if (found.length === 0) save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <FormErrors error={error} issues={issuesOutside(issues, fields)} />
      {children(issues)}
      <div className="form-actions">
        <button type="submit" disabled={save.isPending || !isDirty}>
          {save.isPending ? 'Saving…' : saveLabel}
        </button>
      </div>
    </form>
  );
}

function DangerZone({ application }: { application: Application }) {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const remove = useMutation({
    mutationFn: () => api.deleteApplication(application.id),
    onSuccess: async () => {
      notify(`Deleted “${application.jobTitle}”`);
      // Leave the page first: refreshing while it is shown would ask again for its diagnosis, steps, ….
      navigate('/board');
      forgetApplication(client, application.id);
      await refreshAfterChange(client);
    },
    onError: (e) => notify(`Could not delete: ${describeError(e)}`),
  });
  return (
    <section className="panel" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete</h2>
      <p className="muted small">
        Deleting removes the application, its interviews, steps and timeline. To keep the history, end it
        instead.
      </p>
      <button
        type="button"
        className="button-danger"
        onClick={() => {
          if (
            window.confirm(
              `Delete “${application.jobTitle}” at ${application.company.name}? This cannot be undone.`,
            )
          ) {
            remove.mutate();
          }
        }}
      >
        Delete application
      </button>
    </section>
  );
}
