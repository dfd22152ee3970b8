import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FollowUp } from '../../core/follow-up.js';
import { isNudgeKind } from '../../core/follow-up-values.js';
import { describeError } from '../api-error.js';
import {
  buildMailto,
  type Draft,
  formatDraftForClipboard,
  isMailtoLink,
  isMissingOwnDetails,
  placeholdersLeft,
} from '../draft.js';
import { useApi } from '../hooks/use-api.js';
import { useStepActions } from '../hooks/use-step-actions.js';
import { followUpKindLabels } from '../labels.js';
import { refreshReplanned, useUserClock } from '../queries.js';
import { Dialog } from './dialog.js';
import { TextAreaField, TextField } from './field.js';
import { Link } from './link.js';
import { useNotices } from './notices.js';
import { ResponseLinkOption } from './response-link-option.js';

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
      {draft.missingWords.length > 0 ? (
        <div className="draft-missing" role="note">
          <strong>Fill in before sending:</strong> {draft.missingWords.join(', ')}.{' '}
          {`Each shows in brackets in the text below, such as [${draft.missingWords[0]}].`}
          {isMissingOwnDetails(draft.missingWords) ? (
            <>
              {' '}
              Add your name and email in <Link to="/settings">Settings</Link> to sign every draft with them.
            </>
          ) : null}
        </div>
      ) : null}
      {draft.contact ? (
        <p className="hint">
          For {draft.contact.name}
          {draft.contact.phone ? `, ${draft.contact.phone}` : ''}
        </p>
      ) : null}
      <TextField label="To" name="to" type="email" autoComplete="off" value={to} onChange={setTo} />
      <TextField label="Subject" name="subject" value={subject} onChange={setSubject} />
      <TextAreaField label="Message" name="body" rows={12} value={body} onChange={setBody} />
      {isMessageToEmployer(step) ? (
        <ResponseLinkOption applicationId={step.applicationId} body={body} onBody={setBody} />
      ) : null}
      <StepActions
        step={step}
        draft={draft}
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
  readonly draft: Draft;
  readonly to?: string;
  readonly subject: string;
  readonly body: string;
  readonly mailto?: string | null;
  readonly canSend?: boolean;
  readonly onDone: () => void;
};

/**
 * The ways to send the draft, and "Mark done". Done keeps the message as it was when it left: the text last
 * copied, opened in the mail app or downloaded, else the text as it stands. When that text still shows a
 * placeholder, the user is asked whether to keep it as it is or to record the step without it.
 */
function StepActions({ step, draft, to, subject, body, mailto, canSend, onDone }: StepActionsProps) {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const [error, setError] = useState<string | null>(null);
  const [sentText, setSentText] = useState<string | null>(null);
  const [placeholders, setPlaceholders] = useState<readonly string[]>([]);
  const text = subject || body ? formatDraftForClipboard({ subject, body }) : null;
  const change = useStepActions();
  // The dialog closes at once; the step leaves the screen with it, and a refusal comes back as a notice.
  const done = (note: string | null) => {
    change.mutate({ action: 'done', steps: [step], ...(note ? { note } : {}) });
    onDone();
  };
  const note = sentText ?? text;
  const markDone = () => {
    const left = note ? placeholdersLeft(note, draft.missingWords) : [];
    if (left.length > 0) setPlaceholders(left);
    else done(note);
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
      setSentText(formatDraftForClipboard({ subject, body }));
      notify('Copied the draft');
    } catch {
      setError('Could not copy here; select the text and copy it yourself.');
    }
  };
  const downloadEml = async () => {
    try {
      const blob = await api.downloadDraftEml(step.id, { ...(to ? { to } : {}), subject, body });
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = `${followUpKindLabels[step.kind].toLowerCase().replace(/[^a-z0-9]+/g, '-')}.eml`;
      anchor.click();
      URL.revokeObjectURL(url);
      setSentText(formatDraftForClipboard({ subject, body }));
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
              <a className="button" href={mailto} onClick={() => setSentText(text)}>
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
      {placeholders.length > 0 ? (
        <div className="draft-missing" role="alert">
          <p>
            The message {sentText === null ? 'still shows' : 'you sent showed'} {placeholders.join(', ')}.
            What should the step keep as what was sent?
          </p>
          <div className="form-actions">
            <button type="button" onClick={() => done(note)}>
              Keep the message as it is
            </button>
            <button type="button" onClick={() => done(null)}>
              Mark done without the message
            </button>
            <button type="button" onClick={() => setPlaceholders([])}>
              Back to the draft
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}

/** The response link fits a message that asks the employer for news: a nudge, not a thank-you note. */
function isMessageToEmployer(step: FollowUp): boolean {
  return isNudgeKind(step.kind);
}
