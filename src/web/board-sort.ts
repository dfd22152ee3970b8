import type { NextStep } from '../core/application.js';
import { type BoardSortKey, boardSortKeys } from '../core/board-sort.js';
import { followUpKindLabels } from './labels.js';

export {
  type BoardSortable,
  type BoardSortKey,
  boardSortKeys,
  sortBoardColumn,
} from '../core/board-sort.js';

export const boardSortLabels: Readonly<Record<BoardSortKey, string>> = {
  activity: 'Last activity',
  nextStep: 'Next step due',
  priority: 'Priority',
  company: 'Company',
};

export function parseBoardSortKey(value: string | null | undefined): BoardSortKey {
  return boardSortKeys.includes(value as BoardSortKey) ? (value as BoardSortKey) : 'activity';
}

/** What a card says about its next step: "Next: Application check-in, Tue, 8 Dec 2026", or that it is overdue. */
export function describeNextStep(
  step: NextStep | null | undefined,
  now: Date,
  formatDay: (instant: string) => string,
): { readonly text: string; readonly isOverdue: boolean } | null {
  if (!step) return null;
  const isOverdue = Date.parse(step.dueAt) < now.getTime();
  return {
    text: `${isOverdue ? 'Overdue' : 'Next'}: ${followUpKindLabels[step.kind]}, ${formatDay(step.dueAt)}`,
    isOverdue,
  };
}
