import type { CauseAssessment, Diagnosis, Evidence, NotWaitingReason } from '../../core/diagnosis.js';
import { describeError } from '../api-error.js';
import { expectedByLabel } from '../diagnosis-view.js';
import { likelihoodLabels } from '../labels.js';
import { useDiagnosis, useUserClock } from '../queries.js';
import { formatDate, formatLocalDate } from '../zoned-time.js';

const directionLabels: Readonly<Record<Evidence['direction'], string>> = {
  for: 'Points to this',
  against: 'Points away',
  neutral: 'Unknown',
};

const notWaitingTitles: Readonly<Record<NotWaitingReason, string>> = {
  not_applied: 'Not applied yet',
  ended: 'This application has ended',
  offer: 'You have an offer',
  interview_scheduled: 'An interview is coming up',
  employer_replied_last: 'They answered last',
};

/**
 * "Why haven't I heard back?" for one application: the five usual causes of silence, most likely first,
 * each with the evidence for and against it and a next step. The words come from the diagnosis itself
 * (kind, and never claiming certainty); this only lays them out.
 */
export function DiagnosisPanel({ applicationId }: { readonly applicationId: string }) {
  const diagnosis = useDiagnosis(applicationId);
  return (
    <section className="panel diagnosis" aria-labelledby="diagnosis-title">
      <h2 id="diagnosis-title">Why haven’t I heard back?</h2>
      {diagnosis.isError ? (
        <p className="form-errors">{describeError(diagnosis.error)}</p>
      ) : diagnosis.data ? (
        <DiagnosisBody diagnosis={diagnosis.data} />
      ) : (
        <p className="muted">Reading the signals…</p>
      )}
    </section>
  );
}

function DiagnosisBody({ diagnosis }: { diagnosis: Diagnosis }) {
  const { timeZone, locale } = useUserClock();
  if (diagnosis.status === 'not_waiting') {
    return (
      <>
        <p className="diagnosis-verdict">{notWaitingTitles[diagnosis.reason]}</p>
        <p>{diagnosis.summary}</p>
        <Notices notices={diagnosis.notices} />
      </>
    );
  }
  // The most likely cause is open; when the evidence is mixed, so is the runner-up.
  const openCount = diagnosis.isMixed ? 2 : 1;
  return (
    <>
      <dl className="facts">
        <div>
          <dt>Waiting since</dt>
          <dd>{formatDate(diagnosis.waitingSince, timeZone, locale)}</dd>
        </div>
        <div>
          <dt>Days of silence</dt>
          <dd>{diagnosis.daysOfSilence}</dd>
        </div>
        <div>
          <dt>{expectedByLabel(diagnosis)}</dt>
          <dd>{formatLocalDate(diagnosis.expectedBy, locale)}</dd>
        </div>
      </dl>
      <p className="diagnosis-summary">{diagnosis.summary}</p>
      <Notices notices={diagnosis.notices} />
      <ol className="plain-list cause-list">
        {diagnosis.causes.map((cause, index) => (
          <li key={cause.cause}>
            <Cause cause={cause} isOpen={index < openCount} locale={locale} />
          </li>
        ))}
      </ol>
    </>
  );
}

function Cause({ cause, isOpen, locale }: { cause: CauseAssessment; isOpen: boolean; locale: string }) {
  const { recommendation } = cause;
  return (
    <details className={`cause cause-${cause.likelihood}`} open={isOpen}>
      <summary>
        <span className="cause-label">{cause.label}</span>{' '}
        <span className={`badge likelihood-${cause.likelihood}`}>{likelihoodLabels[cause.likelihood]}</span>
      </summary>
      <ul className="evidence-list">
        {cause.evidence.map((evidence) => (
          <li
            key={`${evidence.signal}:${evidence.text}`}
            className={`evidence evidence-${evidence.direction}`}
          >
            <span className="evidence-direction">{directionLabels[evidence.direction]}:</span> {evidence.text}
          </li>
        ))}
      </ul>
      <p className="recommendation">
        <strong>
          Next step{recommendation.date ? `, ${formatLocalDate(recommendation.date, locale)}` : ''}:
        </strong>{' '}
        {recommendation.text}
      </p>
    </details>
  );
}

function Notices({ notices }: { notices: readonly string[] }) {
  if (notices.length === 0) return null;
  return (
    <ul className="diagnosis-notices">
      {notices.map((notice) => (
        <li key={notice}>{notice}</li>
      ))}
    </ul>
  );
}
