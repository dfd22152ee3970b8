/** The words the UI shows for each value of the core unions: the one table per union in core/labels.ts. */
export {
  channelLabels,
  delayUnitLabels,
  draftKindLabel,
  employmentTypeLabels,
  eventKindLabels,
  followUpKindHints,
  followUpKindLabels,
  followUpStatusLabels,
  interviewTitle,
  likelihoodLabels,
  remoteLabels,
  roleLabels,
  roundLabels,
  sentimentLabels,
  sourceLabels,
  watchStateLabels,
} from '../core/labels.js';
