import { useQuery } from '@tanstack/react-query';
import type { CoachJobSeeker } from '../../core/coaching.js';
import { Link } from '../components/link.js';
import { describeRoleError, RoleRequired } from '../components/role-required.js';
import { useApi } from '../hooks/use-api.js';
import { followUpKindLabels } from '../labels.js';
import { queryKeys, useUserClock } from '../queries.js';
import { coachApplicationPath, coachJobSeekerPath } from '../router.js';
import { formatDate } from '../zoned-time.js';

/**
 * The coach's dashboard: each job seeker who shares with them, and what is overdue in what they share. Only
 * shared data reaches this page (the API refuses the rest), and it links only to shared applications.
 */
export function CoachPage() {
  return (
    <RoleRequired needs="coach" title="Coaching">
      <CoachDashboard />
    </RoleRequired>
  );
}

function CoachDashboard() {
  const api = useApi();
  const jobSeekers = useQuery({
    queryKey: queryKeys.coachJobSeekers,
    queryFn: () => api.listCoachJobSeekers(),
  });
  return (
    <div className="page page-narrow">
      <h1 tabIndex={-1}>Coaching</h1>
      <p className="muted">
        The job seekers who share their applications with you, and their overdue follow-ups. You see only what
        each of them chose to share, for as long as they share it.
      </p>
      {jobSeekers.isError ? (
        <p className="form-errors" role="alert">
          {describeRoleError(jobSeekers.error)}
        </p>
      ) : null}
      {jobSeekers.data === undefined && !jobSeekers.isError ? (
        <div className="placeholder" aria-busy="true">
          Loading…
        </div>
      ) : null}
      {jobSeekers.data?.length === 0 ? (
        <p>Nobody shares with you yet. A job seeker shares from their Settings, with your email.</p>
      ) : null}
      {jobSeekers.data && jobSeekers.data.length > 0 ? (
        <ul className="plain-list coach-list">
          {jobSeekers.data.map((jobSeeker) => (
            <JobSeekerItem key={jobSeeker.id} jobSeeker={jobSeeker} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function JobSeekerItem({ jobSeeker }: { readonly jobSeeker: CoachJobSeeker }) {
  const { timeZone, locale } = useUserClock();
  const headingId = `job-seeker-${jobSeeker.id}`;
  return (
    <li className="panel coach-job-seeker">
      <h2 id={headingId}>
        <Link to={coachJobSeekerPath(jobSeeker.id)}>{jobSeeker.name}</Link>
      </h2>
      <p className="hint">
        {jobSeeker.email} ·{' '}
        {jobSeeker.allApplications
          ? `shares all applications (${jobSeeker.sharedApplications})`
          : `shares ${jobSeeker.sharedApplications} chosen application${jobSeeker.sharedApplications === 1 ? '' : 's'}`}
      </p>
      {jobSeeker.overdue.length === 0 ? (
        <p>Nothing overdue.</p>
      ) : (
        <>
          <h3 className="coach-overdue-title">Overdue ({jobSeeker.overdue.length})</h3>
          <ul className="coach-overdue">
            {jobSeeker.overdue.map((item) => (
              <li key={item.step.id}>
                <Link to={coachApplicationPath(item.application.id)}>
                  {item.application.jobTitle} at {item.application.companyName}
                </Link>
                : {followUpKindLabels[item.step.kind]}
                {item.contact ? ` for ${item.contact.name}` : ''}, due{' '}
                {formatDate(item.step.dueAt, timeZone, locale)}
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}
