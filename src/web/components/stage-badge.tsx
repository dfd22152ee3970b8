import type { Application } from '../../core/application.js';
import { closedReasonLabels, outcomeLabels, stageLabels } from '../../core/pipeline-values.js';

type StageBadgeProps = { readonly application: Pick<Application, 'stage' | 'outcome' | 'closedReason'> };

/** The stage in words, and for an ended application its outcome and reason. */
export function StageBadge({ application }: StageBadgeProps) {
  const { stage, outcome, closedReason } = application;
  if (stage === 'ended' && outcome) {
    const reason =
      outcome === 'position_closed' && closedReason ? ` (${closedReasonLabels[closedReason]})` : '';
    return (
      <span className={`badge badge-ended badge-${outcome}`}>{`${outcomeLabels[outcome]}${reason}`}</span>
    );
  }
  return <span className={`badge badge-${stage}`}>{stageLabels[stage]}</span>;
}
