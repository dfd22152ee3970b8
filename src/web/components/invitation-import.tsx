import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldIssue } from '../../core/errors.js';
import type { InvitationChoices, InvitationImportReport } from '../api-client.js';
import { describeError, isApiError } from '../api-error.js';
import { messagesFor } from '../field-issues.js';
import { fileTooLarge, maxInvitationBytes, readTextFile } from '../file-upload.js';
import { useApi } from '../hooks/use-api.js';
import {
  type InvitationCandidateView,
  type InvitationPreviewView,
  matchReasonLabels,
  toInvitationPreviewView,
} from '../invitation-view.js';
import { roleLabels, roundLabels } from '../labels.js';
import { refreshAfterChange, useApplications, useUserClock } from '../queries.js';
import { applicationPath } from '../router.js';
import { formatDateTimeAlsoIn } from '../zoned-time.js';
import { ExternalLink } from './external-link.js';
import { SelectField } from './field.js';
import { FileField } from './file-field.js';
import { Link } from './link.js';
import { useNotices } from './notices.js';

/**
 * An interview invitation (.ics from Google Calendar, Outlook or a scheduling tool) becomes an interview:
 * the preview shows its time, place and people and the application it matched; the user picks the
 * application when none or several match, then imports it.
 */
export function InvitationImport() {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const [ics, setIcs] = useState<string | null>(null);
  const [chosenId, setChosenId] = useState('');
  const [preview, setPreview] = useState<InvitationPreviewView | null>(null);
  // What the invitation matched on its own; a preview for a chosen application no longer lists the matches.
  const [autoMatch, setAutoMatch] = useState<AutoMatch | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<InvitationImportReport | null>(null);

  const fail = (e: unknown) => {
    setError(describeError(e));
    setIssues(isApiError(e) ? [...e.issues] : []);
  };
  const runPreview = useMutation({
    mutationFn: async (input: { text: string; choices: InvitationChoices }) => {
      return toInvitationPreviewView(await api.previewInvitationImport(input.text, input.choices));
    },
    onSuccess: (answer, input) => {
      setPreview(answer);
      if (!input.choices.applicationId) {
        setAutoMatch({ application: answer.application, candidates: answer.candidates });
      }
      setIssues([]);
      setError(null);
    },
    onError: fail,
  });
  const runImport = useMutation({
    mutationFn: (input: { text: string; choices: InvitationChoices }) =>
      api.importInvitation(input.text, input.choices),
    onSuccess: async (result) => {
      setReport(result);
      setError(null);
      notify(result.created ? 'Interview imported' : 'This invitation was already imported');
      await refreshAfterChange(client, result.interview.applicationId);
    },
    onError: fail,
  });

  const choose = async (file: File | undefined) => {
    setPreview(null);
    setAutoMatch(null);
    setReport(null);
    setChosenId('');
    setIssues([]);
    setError(null);
    if (!file) {
      setIcs(null);
      return;
    }
    const tooLarge = fileTooLarge(file, maxInvitationBytes);
    if (tooLarge) {
      setIcs(null);
      setIssues([{ field: 'ics', message: tooLarge }]);
      return;
    }
    const text = await readTextFile(file);
    setIcs(text);
    runPreview.mutate({ text, choices: {} });
  };

  const pickApplication = (applicationId: string) => {
    setChosenId(applicationId);
    if (ics) runPreview.mutate({ text: ics, choices: applicationId ? { applicationId } : {} });
  };

  const applicationId = chosenId || preview?.application?.applicationId || '';
  const fileMessages = messagesFor(issues, 'ics');
  const otherIssues = issues.filter((i) => i.field !== 'ics' && i.field !== 'applicationId');
  return (
    <div className="invitation-import">
      <p>
        Save the invitation from your calendar or email as an .ics file and choose it here. hearback adds the
        interview with its time, time zone, place or video link, and the people on it as contacts.
      </p>
      <FileField
        label="Invitation file (.ics)"
        accept=".ics,text/calendar"
        name="ics"
        issues={issues}
        onChoose={(file) => void choose(file)}
      />
      {error && fileMessages.length === 0 ? (
        <div className="form-errors" role="alert">
          <p>{error}</p>
          {otherIssues.length > 0 ? (
            <ul>
              {otherIssues.map((issue) => (
                <li key={`${issue.field}:${issue.message}`}>{issue.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {report ? (
        <InvitationReport report={report} />
      ) : preview && ics ? (
        <>
          <InvitationDetails preview={preview} />
          <ApplicationChoice
            match={autoMatch ?? { application: preview.application, candidates: preview.candidates }}
            value={applicationId}
            onChange={pickApplication}
            issues={issues}
          />
          {preview.isCancelled ? (
            <p className="warning-box">This file cancels the interview; there is nothing to add.</p>
          ) : null}
          <div className="form-actions">
            <button
              type="button"
              className="button-primary"
              disabled={!applicationId || preview.isCancelled || runImport.isPending || runPreview.isPending}
              onClick={() => runImport.mutate({ text: ics, choices: { applicationId } })}
            >
              {runImport.isPending
                ? 'Importing…'
                : preview.isAlreadyImported
                  ? 'Import again'
                  : 'Import interview'}
            </button>
          </div>
        </>
      ) : runPreview.isPending ? (
        <p className="muted">Reading the invitation…</p>
      ) : null}
    </div>
  );
}

function InvitationDetails({ preview }: { preview: InvitationPreviewView }) {
  const { timeZone, locale } = useUserClock();
  return (
    <div className="invitation">
      <h3 className="break">{preview.summary || 'Interview'}</h3>
      <dl className="facts">
        <div>
          <dt>Starts</dt>
          <dd>
            <time dateTime={preview.startsAt}>
              {formatDateTimeAlsoIn(preview.startsAt, timeZone, locale, preview.timeZone)}
            </time>
          </dd>
        </div>
        <div>
          <dt>Ends</dt>
          <dd>
            <time dateTime={preview.endsAt}>
              {formatDateTimeAlsoIn(preview.endsAt, timeZone, locale, preview.timeZone)}
            </time>
          </dd>
        </div>
        <div>
          <dt>Time zone</dt>
          <dd>
            {preview.timeZone}
            {preview.isZoneGuessed ? ' (assumed: the file names none)' : ''}
          </dd>
        </div>
        <div>
          <dt>Round</dt>
          <dd>{roundLabels[preview.round]}</dd>
        </div>
        {preview.location ? (
          <div>
            <dt>Place</dt>
            <dd>{preview.location}</dd>
          </div>
        ) : null}
        {preview.videoLink ? (
          <div>
            <dt>Video link</dt>
            <dd>
              <ExternalLink href={preview.videoLink}>Join link</ExternalLink>
            </dd>
          </div>
        ) : null}
      </dl>
      {preview.contacts.length > 0 ? (
        <>
          <h4>People</h4>
          <ul className="plain-list invitation-people">
            {preview.contacts.map((contact) => (
              <li key={contact.email} className="person">
                <strong>{contact.name}</strong>{' '}
                <span className="muted">
                  · {roleLabels[contact.role]}
                  {contact.isInterviewer ? ', interviewer' : ''} ·{' '}
                  {contact.isNew ? 'new contact' : 'already in your contacts'}
                </span>
                <div className="break small">{contact.email}</div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {preview.isAlreadyImported ? (
        <p className="warning-box">
          This interview is already on the application; importing it again changes nothing.
        </p>
      ) : null}
      {preview.warnings.length > 0 ? (
        <ul className="invitation-warnings">
          {preview.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

type AutoMatch = Pick<InvitationPreviewView, 'application' | 'candidates'>;

type ApplicationChoiceProps = {
  readonly match: AutoMatch;
  readonly value: string;
  readonly onChange: (applicationId: string) => void;
  readonly issues: readonly FieldIssue[];
};

/**
 * The application the interview goes to. The invitation's own match is preselected; with several matches
 * the user picks one of them, and with none, any application.
 */
function ApplicationChoice({ match, value, onChange, issues }: ApplicationChoiceProps) {
  const applications = useApplications();
  const matched = match.application;
  const candidates: readonly InvitationCandidateView[] =
    matched && !match.candidates.some((c) => c.applicationId === matched.applicationId)
      ? [matched, ...match.candidates]
      : match.candidates;
  const all = (applications.data ?? []).filter((a) => !candidates.some((c) => c.applicationId === a.id));
  const hint = matched
    ? `Matched because ${matchReasonLabels[matched.reason]}; choose another if that is wrong.`
    : match.candidates.length > 1
      ? `The invitation matches ${match.candidates.length} applications: choose one.`
      : 'No application matches the invitation: choose the one it belongs to.';
  return (
    <SelectField
      label="Application"
      name="applicationId"
      issues={issues}
      hint={hint}
      value={value}
      onChange={onChange}
    >
      {value ? null : <option value="">Choose an application…</option>}
      {candidates.length > 0 ? (
        <optgroup label="Matching the invitation">
          {candidates.map((c) => (
            <option key={c.applicationId} value={c.applicationId}>
              {c.jobTitle} — {c.companyName}
            </option>
          ))}
        </optgroup>
      ) : null}
      <optgroup label={candidates.length > 0 ? 'Other applications' : 'Your applications'}>
        {all.map((a) => (
          <option key={a.id} value={a.id}>
            {a.jobTitle} — {a.company.name}
          </option>
        ))}
      </optgroup>
    </SelectField>
  );
}

function InvitationReport({ report }: { report: InvitationImportReport }) {
  const { timeZone, locale } = useUserClock();
  const { interview } = report;
  return (
    <div className="success" role="status">
      <p>
        <strong>{report.created ? 'Interview imported:' : 'Already imported:'}</strong>{' '}
        {roundLabels[interview.round]} on{' '}
        {formatDateTimeAlsoIn(interview.startsAt, timeZone, locale, interview.timeZone)}.
        {report.createdContacts.length > 0
          ? ` New contacts: ${report.createdContacts.map((c) => c.name).join(', ')}.`
          : ''}
      </p>
      {report.warnings.length > 0 ? (
        <ul>
          {report.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link to={applicationPath(interview.applicationId)}>Open the application</Link>
      </p>
    </div>
  );
}
