import { useMemo, useState } from 'react';
import type { Application } from '../../core/application.js';
import type { FollowUp } from '../../core/follow-up.js';
import { isOpenFollowUp } from '../../core/follow-up-values.js';
import {
  closedReasonLabels,
  outcomeLabels,
  type Stage,
  stageLabels,
  stages,
} from '../../core/pipeline-values.js';
import { describeError } from '../api-error.js';
import { ContactsSection } from '../components/application-contacts.js';
import { DangerZone } from '../components/application-danger-zone.js';
import { ApplicationDetailsForm } from '../components/application-details-form.js';
import { DocumentsSection } from '../components/application-documents.js';
import { InterviewsSection } from '../components/application-interviews.js';
import { NotesSection } from '../components/application-update-form.js';
import { DiagnosisPanel } from '../components/diagnosis-panel.js';
import { DraftDialog } from '../components/draft-dialog.js';
import { EndApplicationDialog } from '../components/end-application-dialog.js';
import { FollowUpCard } from '../components/follow-up-card.js';
import { Link } from '../components/link.js';
import { PostingSnapshot } from '../components/posting-snapshot.js';
import { PostingWatchStatus } from '../components/posting-watch-status.js';
import { ResponseLinkPanel, type SuggestedEnding } from '../components/response-link-panel.js';
import { RetrospectiveForm } from '../components/retrospective-form.js';
import { StageBadge } from '../components/stage-badge.js';
import { TailoringPanel } from '../components/tailoring-panel.js';
import { Timeline } from '../components/timeline.js';
import { useAppDialogs } from '../hooks/use-app-dialogs.js';
import { useMoveApplications } from '../hooks/use-move-application.js';
import { sourceLabels } from '../labels.js';
import {
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
import { formatDate } from '../zoned-time.js';

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
