import { z } from 'zod';
import { activeStages, closedReasons, outcomes, stages } from './pipeline-values.js';

export * from './pipeline-values.js';

export const stageSchema = z.enum(stages);
export const activeStageSchema = z.enum(activeStages);
export const outcomeSchema = z.enum(outcomes);
export const closedReasonSchema = z.enum(closedReasons);
