import { compareNames } from './compare-names.js';
import { activeStages, type Stage } from './pipeline-values.js';

/**
 * How cards are ordered within each board column. Core holds the order (no zod) so the server picks a
 * column's first cards exactly as the web page orders them.
 */
export const boardSortKeys = ['activity', 'nextStep', 'priority', 'company'] as const;
export type BoardSortKey = (typeof boardSortKeys)[number];

/** What a card carries for sorting: the application, and its next step when the list gave one. */
export type BoardSortable = {
  readonly id: string;
  readonly priority: number;
  readonly updatedAt: string;
  readonly company: { readonly name: string };
  readonly nextStep?: { readonly dueAt: string } | null;
};

/**
 * Orders one column. Last activity: most recently changed first. Next step: soonest due first, cards with no
 * open step last. Priority: highest first. Company: A to Z. Ties fall back to most recently changed, then id,
 * so the order never depends on the order the list arrived in.
 */
export function sortBoardColumn<T extends BoardSortable>(cards: readonly T[], key: BoardSortKey): T[] {
  return [...cards].sort((a, b) => compareBy(key, a, b) || byRecentChange(a, b));
}

/** Each active column's first `first` cards in the order `key`: what the board draws when it opens. */
export function firstCardsOfColumns<T extends BoardSortable & { readonly stage: Stage }>(
  cards: readonly T[],
  key: BoardSortKey,
  first: number,
): T[] {
  return activeStages.flatMap((stage) =>
    sortBoardColumn(
      cards.filter((card) => card.stage === stage),
      key,
    ).slice(0, first),
  );
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
      return compareNames(a.company.name, b.company.name);
  }
}

function byRecentChange(a: BoardSortable, b: BoardSortable): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
