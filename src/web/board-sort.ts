import type { Application, NextStep } from '../core/application.js';
import { followUpKindLabels } from './labels.js';

/** How cards are ordered within each board column. */
export const boardSortKeys = ['activity', 'nextStep', 'priority', 'company'] as const;
export type BoardSortKey = (typeof boardSortKeys)[number];

export const boardSortLabels: Readonly<Record<BoardSortKey, string>> = {
  activity: 'Last activity',
  nextStep: 'Next step due',
  priority: 'Priority',
  company: 'Company',
};

/** What a card carries: the application, and its next step when the list gave one. */
export type BoardSortable = Pick<Application, 'id' | 'priority' | 'updatedAt'> & {
  readonly company: Pick<Application['company'], 'name'>;
  readonly nextStep?: NextStep | null;
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Orders one column. Last activity: most recently changed first. Next step: soonest due first, cards with no
 * open step last. Priority: highest first. Company: A to Z. Ties fall back to most recently changed, then id,
 * so the order never depends on the order the list arrived in.
 */
export function sortBoardColumn<T extends BoardSortable>(cards: readonly T[], key: BoardSortKey): T[] {
  return [...cards].sort((a, b) => compareBy(key, a, b) || byRecentChange(a, b));
}

function compareBy(key: BoardSortKey, a: BoardSortable, b: BoardSortable): number {
  switch (key) {
    case 'activity':
      return 0;
    case 'nextStep': {
      const x = a.nextStep?.dueAt ?? null;
      const y = b.nextStep?.dueAt ?? null;
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? -1 : 1;
    }
    case 'priority':
      return b.priority - a.priority;
    case 'company':
      return collator.compare(a.company.name, b.company.name);
  }
}

function byRecentChange(a: BoardSortable, b: BoardSortable): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const storageKey = 'hearback.board.sort';

export function parseBoardSortKey(value: string | null | undefined): BoardSortKey {
  return boardSortKeys.includes(value as BoardSortKey) ? (value as BoardSortKey) : 'activity';
}

/** The order chosen last time on this browser; last activity when none was chosen (or storage is refused). */
export function readBoardSort(storage: Pick<Storage, 'getItem'> | undefined): BoardSortKey {
  try {
    return parseBoardSortKey(storage?.getItem(storageKey));
  } catch {
    return 'activity';
  }
}

export function rememberBoardSort(storage: Pick<Storage, 'setItem'> | undefined, key: BoardSortKey): void {
  try {
    storage?.setItem(storageKey, key);
  } catch {
    // Private windows may refuse storage; the order still applies for this visit.
  }
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
