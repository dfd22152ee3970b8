import { type FormEvent, memo, useRef, useState } from 'react';
import type { FollowUp } from '../../core/follow-up.js';
import { isOpenFollowUp } from '../../core/follow-up-values.js';
import { keepFocusNear } from '../focus.js';
import { type StepChange, useStepActions } from '../hooks/use-step-actions.js';
import { channelLabels, followUpKindLabels, followUpStatusLabels } from '../labels.js';
import { useUserClock } from '../queries.js';
import { renderNow } from '../render-env.js';
import { applicationPath } from '../router.js';
import type { FollowUpCardItem } from '../today-view.js';
import { addDays, formatDateTime, isoWeekday, todayIn } from '../zoned-time.js';
import { Dialog } from './dialog.js';
import { TextAreaField } from './field.js';
import { Link } from './link.js';

type FollowUpCardProps = {
  readonly item: FollowUpCardItem;
  readonly showApplication: boolean;
  readonly onOpenDraft: (step: FollowUp) => void;
  readonly headingLevel?: 'h3' | 'h4';
  /** On a list that acts on several steps at once: whether this one is chosen, and how to choose it. */
  readonly isSelected?: boolean;
  readonly onSelect?: (step: FollowUp, isSelected: boolean) => void;
};

/**
 * One follow-up step: what to do, for whom, when and why, with done, draft, snooze and skip; once done or
 * skipped, what was noted and a way to open it again.
 */
export const FollowUpCard = memo(function FollowUpCard({
  item,
  showApplication,
  onOpenDraft,
  headingLevel = 'h3',
  isSelected = false,
  onSelect,
}: FollowUpCardProps) {
  const { step, application, contact, explanation } = item;
  const { timeZone, locale } = useUserClock();
  const change = useStepActions();
  const card = useRef<HTMLElement>(null);
  const [isSkipping, setSkipping] = useState(false);
  const isOpen = isOpenFollowUp(step);
  const isOverdue = isOpen && Date.parse(step.dueAt) < renderNow().getTime();
  const Heading = headingLevel;

  const act = (request: StepChange) => {
    keepFocusNear(card.current);
    change.mutate(request);
  };

  const title = `${followUpKindLabels[step.kind]}${contact ? ` for ${contact.name}` : ''}`;
  return (
    <article
      ref={card}
      tabIndex={-1}
      className={`follow-up${isOverdue ? ' follow-up-overdue' : ''}${isSelected ? ' follow-up-selected' : ''}`}
      aria-label={title}
    >
      {onSelect ? (
        <input
          type="checkbox"
          className="follow-up-select"
          checked={isSelected}
          onChange={(e) => onSelect(step, e.target.checked)}
          aria-label={`Select ${title}`}
        />
      ) : null}
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
      </div>
      {/* Keyed apart, so a button of one set never turns into a button of the other under the user's focus. */}
      {isOpen ? (
        <div className="follow-up-actions" key="open">
          {item.hasDraft ? (
            <button type="button" onClick={() => onOpenDraft(step)}>
              Draft<span className="visually-hidden"> for {title}</span>
            </button>
          ) : null}
          <button
            type="button"
            className="button-primary"
            onClick={() => act({ action: 'done', steps: [step] })}
          >
            Done<span className="visually-hidden">: {title}</span>
          </button>
          <SnoozeMenu
            label={title}
            today={todayIn(timeZone, renderNow())}
            onSnooze={(until) => act({ action: 'snooze', steps: [step], until })}
          />
          <button type="button" onClick={() => setSkipping(true)}>
            Skip<span className="visually-hidden"> {title}</span>
          </button>
        </div>
      ) : (
        <div className="follow-up-actions" key="closed">
          <button type="button" onClick={() => act({ action: 'reopen', steps: [step] })}>
            Reopen<span className="visually-hidden"> {title}</span>
          </button>
        </div>
      )}
      <SkipDialog
        title={title}
        isOpen={isSkipping}
        onClose={() => setSkipping(false)}
        onSkip={(reason) => {
          setSkipping(false);
          act({ action: 'skip', steps: [step], ...(reason ? { reason } : {}) });
        }}
      />
    </article>
  );
});

type SnoozeMenuProps = {
  readonly label: string;
  readonly today: string;
  readonly onSnooze: (until: string) => void;
};

/** Snooze choices (tomorrow, in 3 days, next Monday, in 2 weeks, a date) under a Snooze button. */
export function SnoozeMenu({ label, today, onSnooze }: SnoozeMenuProps) {
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
      <summary className="button">
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

type SkipDialogProps = {
  readonly title: string;
  readonly isOpen: boolean;
  readonly onClose: () => void;
  /** Closes the dialog at once: the step leaves the screen, and a refusal comes back as a notice. */
  readonly onSkip: (reason: string | null) => void;
};

function SkipDialog({ title, isOpen, onClose, onSkip }: SkipDialogProps) {
  const [reason, setReason] = useState('');
  return (
    <Dialog open={isOpen} title={`Skip: ${title}`} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSkip(reason.trim() ? reason : null);
        }}
      >
        <TextAreaField
          label="Why skip it?"
          name="reason"
          hint="Optional. It stays in the history of this application."
          rows={3}
          value={reason}
          onChange={setReason}
        />
        <div className="form-actions">
          <button type="submit" className="button-primary">
            Skip this step
          </button>
        </div>
      </form>
    </Dialog>
  );
}
