import { useQuery } from '@tanstack/react-query';
import { Link } from '../components/link.js';
import { describeRoleError, RoleRequired } from '../components/role-required.js';
import { StageBadge } from '../components/stage-badge.js';
import { useApi } from '../hooks/use-api.js';
import { queryKeys, useUserClock } from '../queries.js';
import { coachApplicationPath } from '../router.js';
import { formatDate } from '../zoned-time.js';

/** The coach's read-only list of the applications one job seeker shares with them. */
export function CoachJobSeekerPage({ id }: { readonly id: string }) {
  return (
    <RoleRequired needs="coach" title="Shared applications">
      <SharedApplications jobSeekerId={id} />
    </RoleRequired>
  );
}

function SharedApplications({ jobSeekerId }: { readonly jobSeekerId: string }) {
  const api = useApi();
  const { timeZone, locale } = useUserClock();
  // The name comes from the dashboard's list (one request the coach has usually made already).
  const jobSeekers = useQuery({
    queryKey: queryKeys.coachJobSeekers,
    queryFn: () => api.listCoachJobSeekers(),
  });
  const applications = useQuery({
    queryKey: queryKeys.coachApplications(jobSeekerId),
    queryFn: () => api.listCoachApplications(jobSeekerId),
  });
  const jobSeeker = jobSeekers.data?.find((each) => each.id === jobSeekerId);
  return (
    <div className="page page-narrow">
      <p className="breadcrumb">
        <Link to="/coach">Coaching</Link>
      </p>
      <h1 tabIndex={-1}>{jobSeeker ? `${jobSeeker.name}’s shared applications` : 'Shared applications'}</h1>
      {jobSeeker ? <p className="hint">{jobSeeker.email}</p> : null}
      {applications.isError ? (
        <p className="form-errors" role="alert">
          {describeRoleError(applications.error)} They may have stopped sharing with you.
        </p>
      ) : null}
      {applications.data === undefined && !applications.isError ? (
        <div className="placeholder" aria-busy="true">
          Loading…
        </div>
      ) : null}
      {applications.data?.length === 0 ? <p>They share no applications yet.</p> : null}
      {applications.data && applications.data.length > 0 ? (
        <ul className="plain-list coach-applications">
          {applications.data.map((application) => (
            <li key={application.id} className="panel">
              <p>
                <Link to={coachApplicationPath(application.id)}>
                  <strong>{application.jobTitle}</strong> at {application.company.name}
                </Link>
              </p>
              <p>
                <StageBadge application={application} />{' '}
                <span className="hint">
                  {application.appliedAt
                    ? `applied ${formatDate(application.appliedAt, timeZone, locale)}`
                    : `added ${formatDate(application.createdAt, timeZone, locale)}`}
                </span>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
