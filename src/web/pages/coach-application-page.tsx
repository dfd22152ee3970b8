import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { FieldIssue } from '../../core/errors.js';
import { describeError, isApiError } from '../api-error.js';
import { FormErrors, TextAreaField } from '../components/field.js';
import { Link } from '../components/link.js';
import { useNotices } from '../components/notices.js';
import { describeRoleError, RoleRequired } from '../components/role-required.js';
import { StageBadge } from '../components/stage-badge.js';
import { EventText } from '../components/timeline.js';
import { useApi } from '../hooks/use-api.js';
import { queryKeys, useUserClock } from '../queries.js';
import { formatDate, formatDateTime } from '../zoned-time.js';

/**
 * The coach's read-only view of one shared application and its timeline, with a form for a comment, which
 * lands on the job seeker's timeline. Nothing here changes the application.
 */
export function CoachApplicationPage({ id }: { readonly id: string }) {
  return (
    <RoleRequired needs="coach" title="Shared application">
      <SharedApplication applicationId={id} />
    </RoleRequired>
  );
}

function SharedApplication({ applicationId }: { readonly applicationId: string }) {
  const api = useApi();
  const { timeZone, locale } = useUserClock();
  const shared = useQuery({
    queryKey: queryKeys.coachApplication(applicationId),
    queryFn: () => api.getCoachApplication(applicationId),
  });
  const breadcrumb = (
    <p className="breadcrumb">
      <Link to="/coach">Coaching</Link>
    </p>
  );
  if (shared.isError)
    return (
      <div className="page page-narrow">
        {breadcrumb}
        <h1 tabIndex={-1}>Shared application</h1>
        <p className="form-errors" role="alert">
          {isApiError(shared.error) && shared.error.code === 'APPLICATION_NOT_FOUND'
            ? 'This application is not shared with you (or no longer is).'
            : describeRoleError(shared.error)}
        </p>
      </div>
    );
  if (!shared.data)
    return (
      <div className="page page-narrow">
        {breadcrumb}
        <div className="placeholder" aria-busy="true">
          Loading…
        </div>
      </div>
    );
  const { application, timeline } = shared.data;
  const newestFirst = [...timeline].sort((a, b) =>
    a.occurredAt === b.occurredAt
      ? a.createdAt < b.createdAt
        ? 1
        : -1
      : a.occurredAt < b.occurredAt
        ? 1
        : -1,
  );
  return (
    <div className="page page-narrow">
      {breadcrumb}
      <h1 tabIndex={-1}>
        {application.jobTitle} <span className="muted">at {application.company.name}</span>
      </h1>
      <p>
        <StageBadge application={application} />{' '}
        <span className="hint">
          {application.appliedAt
            ? `applied ${formatDate(application.appliedAt, timeZone, locale)}`
            : `added ${formatDate(application.createdAt, timeZone, locale)}`}
          {application.nextStep
            ? ` · next step due ${formatDate(application.nextStep.dueAt, timeZone, locale)}`
            : ''}
        </span>
      </p>
      {application.notes ? <p className="prose">{application.notes}</p> : null}
      <p className="hint">Read only: you see what the job seeker shares, and can add a comment.</p>
      <CommentForm applicationId={application.id} />
      <section className="panel" aria-labelledby="shared-timeline-title">
        <h2 id="shared-timeline-title">Timeline</h2>
        {newestFirst.length === 0 ? <p className="muted">Nothing on the timeline yet.</p> : null}
        <ol className="timeline-list">
          {newestFirst.map((event) => (
            <li key={event.id} className={`timeline-item timeline-${event.kind}`}>
              <time dateTime={event.occurredAt} className="muted small">
                {formatDateTime(event.occurredAt, timeZone, locale)}
              </time>
              <EventText event={event} interview={undefined} contactName={undefined} locale={locale} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function CommentForm({ applicationId }: { readonly applicationId: string }) {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const [text, setText] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const comment = useMutation({
    mutationFn: (value: string) => api.addCoachComment(applicationId, value),
    onSuccess: () => {
      setText('');
      setIssues([]);
      setError(null);
      notify('Comment added to their timeline');
    },
    onError: (e) => {
      setError(describeError(e));
      setIssues(isApiError(e) ? [...e.issues] : []);
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.coachApplication(applicationId) }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setIssues([{ field: 'text', message: 'write a comment first' }]);
      setError('Please check the fields marked below.');
      return;
    }
    comment.mutate(text);
  };
  return (
    <form onSubmit={submit} noValidate className="panel" aria-labelledby="comment-title">
      <h2 id="comment-title">Comment</h2>
      <FormErrors error={error} />
      <TextAreaField
        label="Your comment"
        name="text"
        hint="It appears on the job seeker’s timeline of this application, with your name."
        rows={3}
        issues={issues}
        value={text}
        onChange={setText}
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={comment.isPending}>
          {comment.isPending ? 'Adding…' : 'Add comment'}
        </button>
      </div>
    </form>
  );
}
