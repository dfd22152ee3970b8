import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Application } from '../../core/application.js';
import type { Contact } from '../../core/contact.js';
import type { Interview } from '../../core/interview.js';
import { describeError } from '../api-error.js';
import { useApi } from '../hooks/use-api.js';
import { useAppDialogs } from '../hooks/use-app-dialogs.js';
import { roundLabels } from '../labels.js';
import { refreshAfterChange, useUserClock } from '../queries.js';
import { formatDateTimeAlsoIn, formatLocalDate } from '../zoned-time.js';
import { Dialog } from './dialog.js';
import { ExternalLink } from './external-link.js';
import { InterviewForm } from './interview-form.js';
import { useNotices } from './notices.js';
import { PostInterviewPrompt } from './post-interview-prompt.js';
import { ratingLabels } from './rating-field.js';

/** The application page's interviews: each round with its time, people and rating; log, edit and debrief. */
type InterviewsSectionProps = {
  readonly application: Application;
  readonly interviews: readonly Interview[];
  readonly contactsById: ReadonlyMap<string, Contact>;
};

export function InterviewsSection({ application, interviews, contactsById }: InterviewsSectionProps) {
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
