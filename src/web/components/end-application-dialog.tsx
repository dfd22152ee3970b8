import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import type { ApplicationCardFields } from '../../core/application.js';
import type { FieldIssue } from '../../core/errors.js';
import {
  type ClosedReason,
  closedReasonLabels,
  closedReasons,
  describeStage,
  type Outcome,
  outcomeLabels,
  outcomes,
} from '../../core/pipeline-values.js';
import type { StageChangeRequest } from '../api-client.js';
import { describeError } from '../api-error.js';
import { issuesOutside, validateWith } from '../field-issues.js';
import { useApi } from '../hooks/use-api.js';
import { useMoveApplications } from '../hooks/use-move-application.js';
import { Dialog } from './dialog.js';
import { Choice, FieldSet, FormErrors, Options, SelectField, TextAreaField } from './field.js';
import { useNotices } from './notices.js';
import { emptyRetrospective, type RetrospectiveDraft, RetrospectiveFields } from './retrospective-fields.js';

/** The schema needs zod, which the board's own script does without: its code loads as the dialog opens. */
const loadSchemas = () => import('../../core/application.js');

type EndApplicationDialogProps = {
  readonly application: ApplicationCardFields | null;
  readonly onClose: () => void;
  /** An ending to start from, such as the one an employer's answer suggests; the user still confirms it. */
  readonly suggested?: { readonly outcome: Outcome; readonly closedReason: ClosedReason | null } | null;
};

const outcomeHints: Readonly<Record<Outcome, string>> = {
  accepted: 'You accepted their offer.',
  declined: 'They offered; you said no.',
  rejected: 'They told you they went another way.',
  withdrew: 'You stepped out of the process.',
  no_response: 'They stopped answering. Counted apart from rejections.',
  position_closed: 'The role was cancelled, filled internally or frozen.',
};

/** Ending an application always asks how it ended, so the outcome and reason are never lost. */
export function EndApplicationDialog({ application, onClose, suggested }: EndApplicationDialogProps) {
  return (
    <Dialog
      open={application !== null}
      title={application ? `End “${application.jobTitle}” at ${application.company.name}` : 'End application'}
      onClose={onClose}
    >
      {application ? (
        <EndApplicationForm application={application} onDone={onClose} suggested={suggested ?? null} />
      ) : null}
    </Dialog>
  );
}

function EndApplicationForm({
  application,
  onDone,
  suggested,
}: {
  application: ApplicationCardFields;
  onDone: () => void;
  suggested: EndApplicationDialogProps['suggested'];
}) {
  const [outcome, setOutcome] = useState<Outcome | ''>(suggested?.outcome ?? '');
  const [closedReason, setClosedReason] = useState<ClosedReason>(suggested?.closedReason ?? 'unknown');
  const [note, setNote] = useState('');
  const [retrospective, setRetrospective] = useState<RetrospectiveDraft>(emptyRetrospective);
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const move = useMoveApplications();
  useEffect(() => void loadSchemas(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) {
      setIssues([{ field: 'outcome', message: 'choose how it ended' }]);
      return;
    }
    const input: StageChangeRequest = {
      stage: 'ended',
      outcome,
      closedReason: outcome === 'position_closed' ? closedReason : null,
      note: note.trim() ? note : null,
    };
    const ending = { toStage: 'ended', outcome, closedReason: input.closedReason ?? null } as const;
    const isSame =
      application.stage === 'ended' &&
      application.outcome === outcome &&
      application.closedReason === ending.closedReason;
    // The one refusal known before asking (the server's own words): the dialog stays open, the note kept.
    const found = isSame
      ? [{ field: 'stage', message: `the application is already ${describeStage(ending)}` }]
      : validateWith((await loadSchemas()).stageChangeInputSchema, input);
    setIssues(found);
    if (found.length > 0) return;
    // The board shows it ended at once; a refusal comes back as a notice, and the notice offers Undo.
    const hasRetrospective = Object.values(retrospective).some((v) => v.trim() !== '');
    if (!hasRetrospective) {
      move.mutate({ action: 'move', applications: [application], input });
      onDone();
      return;
    }
    // The retrospective is written once the application has ended (the server keeps one only for an ended
    // application); a refused move is reported by the move's own notice, so it is only said here that the
    // retrospective waits for it.
    const draft = { ...retrospective };
    const applicationId = application.id;
    onDone();
    try {
      await move.mutateAsync({ action: 'move', applications: [application], input });
    } catch {
      notify('The retrospective was not saved: the application did not end');
      return;
    }
    try {
      const saved = await api.saveRetrospective(applicationId, draft);
      client.setQueryData(['retrospective', applicationId], saved);
      notify('Retrospective saved: later diagnoses will remind you of it');
    } catch (error) {
      notify(`The retrospective was not saved: ${describeError(error)}`);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <FormErrors error={null} issues={issuesOutside(issues, ['outcome', 'closedReason', 'note', 'stage'])} />
      <FieldSet legend="How did it end?" names={['outcome', 'stage']} issues={issues} className="choice-list">
        {outcomes.map((value) => (
          <Choice
            key={value}
            type="radio"
            name="outcome"
            value={value}
            checked={outcome === value}
            onChange={() => setOutcome(value)}
          >
            <strong>{outcomeLabels[value]}</strong>
            <span className="hint">{outcomeHints[value]}</span>
          </Choice>
        ))}
      </FieldSet>
      {outcome === 'position_closed' ? (
        <SelectField
          label="Why was it closed?"
          name="closedReason"
          issues={issues}
          value={closedReason}
          onChange={setClosedReason}
        >
          <Options values={closedReasons} labels={closedReasonLabels} />
        </SelectField>
      ) : null}
      <TextAreaField
        label="Note"
        name="note"
        issues={issues}
        hint="Optional: what they said, or why you stopped."
        rows={3}
        value={note}
        onChange={setNote}
      />
      <details className="end-retrospective">
        <summary>Add a retrospective (optional)</summary>
        <p className="hint">A few words now help the next application: later diagnoses remind you of them.</p>
        <RetrospectiveFields
          values={retrospective}
          set={(name, value) => setRetrospective((r) => ({ ...r, [name]: value }))}
          issues={issues}
        />
      </details>
      <div className="form-actions">
        <button type="submit" className="button-primary">
          End application
        </button>
      </div>
    </form>
  );
}
