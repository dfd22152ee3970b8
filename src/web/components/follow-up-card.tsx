import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type FollowUp, isOpenFollowUp } from '../../core/follow-up.js';
import { describeError } from '../api-error.js';
import { useApi } from '../hooks/use-api.js';
import { channelLabels, followUpKindLabels, followUpStatusLabels } from '../labels.js';
import { refreshAfterChange, useUserClock } from '../queries.js';
import { applicationPath } from '../router.js';
import type { FollowUpCardItem } from '../today-view.js';
import { addDays, formatDate, formatDateTime, isoWeekday, todayIn } from '../zoned-time.js';
import { Dialog } from './dialog.js';
import { TextAreaField } from './field.js';
import { Link } from './link.js';
import { useNotices } from './notices.js';

type FollowUpCardProps = {
  readonly item: FollowUpCardItem;
  readonly showApplication: boolean;
  readonly onOpenDraft: (step: FollowUp) => void;
  readonly headingLevel?: 'h3' | 'h4';
};

/** One follow-up step: what to do, for whom, when and why, with done, draft, snooze and skip. */
export function FollowUpCard({ item, showApplication, onOpenDraft, headingLevel = 'h3' }: FollowUpCardProps) {
  const { step, application, contact, explanation } = item;
  const { timeZone, locale } = useUserClock();
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const [error, setError] = useState<string | null>(null);
  const [isSkipping, setSkipping] = useState(false);
  const isOpen = isOpenFollowUp(step);
  const isOverdue = isOpen && Date.parse(step.dueAt) < Date.now();
  const Heading = headingLevel;

  const refresh = () => refreshAfterChange(client, step.applicationId);
  const done = useMutation({
    mutationFn: () => api.markFollowUpDone(step.id),
    onSuccess: async () => {
      notify(`Done: ${followUpKindLabels[step.kind]}`);
      await refresh();
    },
    onError: (e) => setError(describeError(e)),
  });
  const snooze = useMutation({
    mutationFn: (until: string) => api.snoozeFollowUp(step.id, { until }),
    onSuccess: async (saved) => {
      notify(`Snoozed until ${formatDate(saved.dueAt, timeZone, locale)}`);
      await refresh();
    },
    onError: (e) => setError(describeError(e)),
  });

  const title = `${followUpKindLabels[step.kind]}${contact ? ` for ${contact.name}` : ''}`;
  return (
    <article className={`follow-up${isOverdue ? ' follow-up-overdue' : ''}`} aria-label={title}>
      <div className="follow-up-main">
        <Heading className="follow-up-title">{title}</Heading>
        {showApplication && application ? (
          <p className="follow-up-application">
            <Link to={applicationPath(application.id)}>
              {application.jobTitle} — {application.companyName}
            </Link>
          </p>
        ) : null}
        <p className="follow-up-meta">
          <span>
            {isOverdue ? 'Was due ' : isOpen ? 'Due ' : `${followUpStatusLabels[step.status]} · was due `}
            <time dateTime={step.dueAt}>{formatDateTime(step.dueAt, timeZone, locale)}</time>
          </span>
          {step.channel ? <span> · {channelLabels[step.channel]}</span> : null}
        </p>
        <p className="follow-up-reason">{explanation}</p>
        {step.completionNote && !isOpen ? <p className="follow-up-note">{step.completionNote}</p> : null}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      {isOpen ? (
        <div className="follow-up-actions">
          {item.hasDraft ? (
            <button type="button" onClick={() => onOpenDraft(step)}>
              Draft<span className="visually-hidden"> for {title}</span>
            </button>
          ) : null}
          <button
            type="button"
            className="button-primary"
            onClick={() => done.mutate()}
            disabled={done.isPending}
          >
            Done<span className="visually-hidden">: {title}</span>
          </button>
          <SnoozeMenu
            label={title}
            today={todayIn(timeZone, new Date())}
            onSnooze={(until) => snooze.mutate(until)}
            disabled={snooze.isPending}
          />
          <button type="button" onClick={() => setSkipping(true)}>
            Skip<span className="visually-hidden"> {title}</span>
          </button>
        </div>
      ) : null}
      <SkipDialog step={isSkipping ? step : null} title={title} onClose={() => setSkipping(false)} />
    </article>
  );
}

type SnoozeMenuProps = {
  readonly label: string;
  readonly today: string;
  readonly onSnooze: (until: string) => void;
  readonly disabled: boolean;
};

function SnoozeMenu({ label, today, onSnooze, disabled }: SnoozeMenuProps) {
  const [date, setDate] = useState(addDays(today, 1));
  const daysToMonday = 8 - isoWeekday(today);
  const choices = [
    { label: 'Tomorrow', until: addDays(today, 1) },
    { label: 'In 3 days', until: addDays(today, 3) },
    { label: 'Next Monday', until: addDays(today, daysToMonday) },
    { label: 'In 2 weeks', until: addDays(today, 14) },
  ];
  const pick = (until: string, details: HTMLDetailsElement | null) => {
    onSnooze(until);
    if (details) details.open = false;
  };
  return (
    <details className="menu">
      <summary className="button" aria-disabled={disabled}>
        Snooze<span className="visually-hidden"> {label}</span>
      </summary>
      <div className="menu-panel">
        {choices.map((choice) => (
          <button
            key={choice.label}
            type="button"
            onClick={(e) => pick(choice.until, e.currentTarget.closest('details'))}
          >
            {choice.label}
          </button>
        ))}
        <form
          className="menu-date"
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            if (date) pick(date, e.currentTarget.closest('details'));
          }}
        >
          <label>
            Until
            <input
              type="date"
              min={addDays(today, 1)}
              value={date}
              onChange={(e) => setDate(e.target.value)}
            />
          </label>
          <button type="submit">Snooze</button>
        </form>
      </div>
    </details>
  );
}

function SkipDialog({ step, title, onClose }: { step: FollowUp | null; title: string; onClose: () => void }) {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const skip = useMutation({
    mutationFn: (id: string) => api.skipFollowUp(id, reason.trim() ? { reason } : {}),
    onSuccess: async (saved) => {
      notify(`Skipped: ${followUpKindLabels[saved.kind]}`);
      await refreshAfterChange(client, saved.applicationId);
      onClose();
    },
    onError: (e) => setError(describeError(e)),
  });
  return (
    <Dialog open={step !== null} title={`Skip: ${title}`} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (step) skip.mutate(step.id);
        }}
      >
        {error ? (
          <p className="form-errors" role="alert">
            {error}
          </p>
        ) : null}
        <TextAreaField
          label="Why skip it?"
          name="reason"
          hint="Optional. It stays in the history of this application."
          rows={3}
          value={reason}
          onChange={setReason}
        />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={skip.isPending}>
            Skip this step
          </button>
        </div>
      </form>
    </Dialog>
  );
}
