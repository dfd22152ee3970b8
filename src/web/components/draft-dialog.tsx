import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FollowUp } from '../../core/follow-up.js';
import { describeError } from '../api-error.js';
import { buildMailto, type Draft, formatDraftForClipboard, isMailtoLink } from '../draft.js';
import { useApi } from '../hooks/use-api.js';
import { useStepActions } from '../hooks/use-step-actions.js';
import { followUpKindLabels } from '../labels.js';
import { refreshReplanned, useUserClock } from '../queries.js';
import { Dialog } from './dialog.js';
import { useNotices } from './notices.js';

type DraftDialogProps = {
  readonly step: FollowUp | null;
  readonly onClose: () => void;
};

/** The drafted message for a step: read it, edit it, copy it, open it in a mail app, download or send it. */
export function DraftDialog({ step, onClose }: DraftDialogProps) {
  return (
    <Dialog
      open={step !== null}
      title={step ? `Draft: ${followUpKindLabels[step.kind]}` : 'Draft'}
      onClose={onClose}
      size="wide"
    >
      {step ? <DraftView step={step} onDone={onClose} /> : null}
    </Dialog>
  );
}

function DraftView({ step, onDone }: { step: FollowUp; onDone: () => void }) {
  const api = useApi();
  const draft = useQuery({
    queryKey: ['draft', step.id],
    queryFn: () => api.getDraft(step.id),
    retry: false,
  });
  if (draft.isPending) return <p className="loading">Writing the draft…</p>;
  if (draft.isError) return <p className="form-errors">{describeError(draft.error)}</p>;
  return <DraftEditor step={step} draft={draft.data} onDone={onDone} />;
}

function DraftEditor({ step, draft, onDone }: { step: FollowUp; draft: Draft; onDone: () => void }) {
  const { settings } = useUserClock();
  const [to, setTo] = useState(draft.to ?? '');
  const [subject, setSubject] = useState(draft.subject);
  const [body, setBody] = useState(draft.body);
  const isEdited = to !== (draft.to ?? '') || subject !== draft.subject || body !== draft.body;
  const mailto = isEdited ? buildMailto(to.trim() || null, subject, body) : draft.mailto;
  const canSend = settings.smtp?.configured === true;
  return (
    <div className="draft">
      {draft.missingFields.length > 0 ? (
        <div className="draft-missing" role="note">
          <strong>Fill in before sending:</strong> {draft.missingFields.join(', ')}. They show as
          [placeholders] in the text below.
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`draft-to-${step.id}`}>To</label>
        <input
          id={`draft-to-${step.id}`}
          type="email"
          value={to}
          autoComplete="off"
          onChange={(e) => setTo(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`draft-subject-${step.id}`}>Subject</label>
        <input id={`draft-subject-${step.id}`} value={subject} onChange={(e) => setSubject(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`draft-body-${step.id}`}>Message</label>
        <textarea
          id={`draft-body-${step.id}`}
          rows={12}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
      </div>
      <StepActions
        step={step}
        to={to.trim()}
        subject={subject}
        body={body}
        mailto={mailto}
        canSend={canSend}
        onDone={onDone}
      />
      {canSend ? null : <p className="hint">To send from here, set up your mail server in Settings.</p>}
    </div>
  );
}

type StepActionsProps = {
  readonly step: FollowUp;
  readonly to?: string;
  readonly subject: string;
  readonly body: string;
  readonly mailto?: string | null;
  readonly canSend?: boolean;
  readonly onDone: () => void;
};

function StepActions({ step, to, subject, body, mailto, canSend, onDone }: StepActionsProps) {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const [error, setError] = useState<string | null>(null);
  const change = useStepActions();
  // The dialog closes at once; the step leaves the screen with it, and a refusal comes back as a notice.
  const markDone = () => {
    const note = subject || body ? { note: formatDraftForClipboard({ subject, body }) } : {};
    change.mutate({ action: 'done', steps: [step], ...note });
    onDone();
  };
  const send = useMutation({
    mutationFn: () => api.sendDraft(step.id, { ...(to ? { to } : {}), subject, body }),
    onSuccess: () => {
      onDone();
      notify('Sent, and marked done');
      refreshReplanned(client, [step.applicationId], 'steps');
    },
    onError: (e) => setError(describeError(e)),
  });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(formatDraftForClipboard({ subject, body }));
      notify('Copied the draft');
    } catch {
      setError('Could not copy here; select the text and copy it yourself.');
    }
  };
  const downloadEml = async () => {
    try {
      const blob = await api.downloadDraftEml(step.id, to || undefined);
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = `${followUpKindLabels[step.kind].toLowerCase().replace(/[^a-z0-9]+/g, '-')}.eml`;
      anchor.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <>
      {error ? (
        <p className="form-errors" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        {subject || body ? (
          <>
            <button type="button" onClick={copy}>
              Copy
            </button>
            {mailto && isMailtoLink(mailto) ? (
              <a className="button" href={mailto}>
                Open in mail app
              </a>
            ) : null}
            <button type="button" onClick={downloadEml}>
              Download .eml
            </button>
            {canSend ? (
              <button type="button" onClick={() => send.mutate()} disabled={send.isPending}>
                {send.isPending ? 'Sending…' : 'Send'}
              </button>
            ) : null}
          </>
        ) : null}
        <button type="button" className="button-primary" onClick={markDone}>
          Mark done
        </button>
      </div>
    </>
  );
}
