import { useId, useRef, useState } from 'react';
import type { ApplicationCardFields } from '../../core/application.js';
import {
  type ActiveStage,
  activeStages,
  type Outcome,
  outcomeLabels,
  outcomes,
  stageLabels,
} from '../../core/pipeline-values.js';
import type { StageChangeRequest } from '../api-client.js';
import { keepFocusNear } from '../focus.js';
import { useMoveApplications } from '../hooks/use-move-application.js';

type BulkApplicationBarProps = {
  readonly applications: readonly ApplicationCardFields[];
  readonly onClear: () => void;
};

/** Move every selected application to a stage, or end them all with one outcome: one request, one Undo. */
export function BulkApplicationBar({ applications, onClear }: BulkApplicationBarProps) {
  const move = useMoveApplications();
  const bar = useRef<HTMLElement>(null);
  const id = useId();
  const [stage, setStage] = useState<ActiveStage>('screening');
  const [outcome, setOutcome] = useState<Outcome>('no_response');
  const act = (input: StageChangeRequest) => {
    // Those already there would only be refused: the move says nothing new for them.
    const moving = applications.filter(
      (a) => a.stage !== input.stage || (input.stage === 'ended' && a.outcome !== input.outcome),
    );
    keepFocusNear(bar.current);
    if (moving.length > 0) move.mutate({ action: 'move', applications: moving, input });
    onClear();
  };
  return (
    <section ref={bar} className="bulk-bar" aria-label="Selected applications">
      <p className="bulk-count" aria-live="polite">
        {applications.length} selected
      </p>
      <span className="bulk-field">
        <label htmlFor={`${id}-stage`}>Move to</label>
        <select id={`${id}-stage`} value={stage} onChange={(e) => setStage(e.target.value as ActiveStage)}>
          {activeStages.map((s) => (
            <option key={s} value={s}>
              {stageLabels[s]}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => act({ stage })}>
          Move
        </button>
      </span>
      <span className="bulk-field">
        <label htmlFor={`${id}-outcome`}>End as</label>
        <select id={`${id}-outcome`} value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
          {outcomes.map((o) => (
            <option key={o} value={o}>
              {outcomeLabels[o]}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => act({ stage: 'ended', outcome })}>
          End
        </button>
      </span>
      <button type="button" onClick={onClear}>
        Clear selection
      </button>
    </section>
  );
}
