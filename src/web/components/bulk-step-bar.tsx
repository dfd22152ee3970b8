import { useRef } from 'react';
import type { FollowUp } from '../../core/follow-up.js';
import { keepFocusNear } from '../focus.js';
import { type StepChange, useStepActions } from '../hooks/use-step-actions.js';
import { useUserClock } from '../queries.js';
import { renderNow } from '../render-env.js';
import { todayIn } from '../zoned-time.js';
import { SnoozeMenu } from './follow-up-card.js';

type BulkStepBarProps = {
  readonly steps: readonly FollowUp[];
  readonly onClear: () => void;
};

/** Done, skip or snooze for every selected step at once: one request, one notice with one Undo. */
export function BulkStepBar({ steps, onClear }: BulkStepBarProps) {
  const { timeZone } = useUserClock();
  const change = useStepActions();
  const bar = useRef<HTMLElement>(null);
  const count = steps.length;
  const label = `${count} selected step${count === 1 ? '' : 's'}`;
  const act = (request: StepChange) => {
    keepFocusNear(bar.current);
    change.mutate(request);
    onClear();
  };
  return (
    <section ref={bar} className="bulk-bar" aria-label="Selected steps">
      <p className="bulk-count" aria-live="polite">
        {count} selected
      </p>
      <button type="button" className="button-primary" onClick={() => act({ action: 'done', steps })}>
        Done
      </button>
      <button type="button" onClick={() => act({ action: 'skip', steps })}>
        Skip
      </button>
      <SnoozeMenu
        label={label}
        today={todayIn(timeZone, renderNow())}
        onSnooze={(until) => act({ action: 'snooze', steps, until })}
      />
      <button type="button" onClick={onClear}>
        Clear selection
      </button>
    </section>
  );
}
