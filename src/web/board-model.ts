import type { ApplicationCardFields } from '../core/application.js';
import { compareNames } from '../core/compare-names.js';

/** The board and its table work on the fields of a card, which full applications carry too. */
type Application = ApplicationCardFields;

import { activeStages, type Outcome, type Stage, stageLabels, stages } from '../core/pipeline-values.js';

export type BoardColumns<T extends Application = Application> = Readonly<Record<Stage, readonly T[]>>;

export type BoardOptions = {
  /** Leaves rejected applications out of the ended column (they are still counted as hidden). */
  readonly hideRejections: boolean;
};

export type BoardCounts = Readonly<Record<Stage, number>> & { readonly hiddenRejections: number };

/**
 * Splits applications into one column per stage, most recently changed first within each column, so what
 * just moved is on top.
 */
export function groupByStage<T extends Application>(
  applications: readonly T[],
  options: BoardOptions,
): BoardColumns<T> {
  const columns: Record<Stage, T[]> = {
    saved: [],
    applied: [],
    screening: [],
    interviewing: [],
    offer: [],
    ended: [],
  };
  for (const application of applications) {
    if (options.hideRejections && isRejection(application)) continue;
    columns[application.stage].push(application);
  }
  for (const stage of stages) columns[stage].sort(byRecentChange);
  return columns;
}

export function countByStage(applications: readonly Application[], options: BoardOptions): BoardCounts {
  const counts = {
    saved: 0,
    applied: 0,
    screening: 0,
    interviewing: 0,
    offer: 0,
    ended: 0,
    hiddenRejections: 0,
  };
  for (const application of applications) {
    if (options.hideRejections && isRejection(application)) counts.hiddenRejections += 1;
    else counts[application.stage] += 1;
  }
  return counts;
}

export function isRejection(application: Pick<Application, 'stage' | 'outcome'>): boolean {
  return application.stage === 'ended' && application.outcome === 'rejected';
}

/**
 * The stage a keyboard move goes to: the next or previous column, with ended after offer. From ended, going
 * back reopens the application at the furthest stage it had reached.
 */
export function neighbourStage(
  application: Pick<Application, 'stage' | 'furthestStage'>,
  direction: 'previous' | 'next',
): Stage | null {
  if (application.stage === 'ended') return direction === 'previous' ? application.furthestStage : null;
  const index = activeStages.indexOf(application.stage);
  if (direction === 'previous') return index > 0 ? (activeStages[index - 1] ?? null) : null;
  return index < activeStages.length - 1 ? (activeStages[index + 1] ?? null) : 'ended';
}

export const tableSortKeys = ['jobTitle', 'company', 'stage', 'priority', 'appliedAt', 'updatedAt'] as const;
export type TableSortKey = (typeof tableSortKeys)[number];
export type SortOrder = 'asc' | 'desc';

export const tableSortLabels: Readonly<Record<TableSortKey, string>> = {
  jobTitle: 'Job title',
  company: 'Company',
  stage: 'Stage',
  priority: 'Priority',
  appliedAt: 'Applied',
  updatedAt: 'Last change',
};

/** A stable sort for the table view; empty dates sort last whatever the order. */
export function sortApplications<T extends Application>(
  applications: readonly T[],
  key: TableSortKey,
  order: SortOrder,
): T[] {
  const direction = order === 'asc' ? 1 : -1;
  const compare = (a: Application, b: Application): number => {
    switch (key) {
      case 'jobTitle':
        return compareNames(a.jobTitle, b.jobTitle) * direction;
      case 'company':
        return compareNames(a.company.name, b.company.name) * direction;
      case 'stage':
        return (stages.indexOf(a.stage) - stages.indexOf(b.stage)) * direction;
      case 'priority':
        return (a.priority - b.priority) * direction;
      case 'appliedAt':
        return compareOptional(a.appliedAt, b.appliedAt, direction);
      case 'updatedAt':
        return compareOptional(a.updatedAt, b.updatedAt, direction);
    }
  };
  return applications
    .map((application, index) => ({ application, index }))
    .sort((x, y) => compare(x.application, y.application) || x.index - y.index)
    .map((entry) => entry.application);
}

export type TableFilter = {
  readonly q: string;
  readonly stages: readonly Stage[];
  readonly outcome: Outcome | null;
  readonly tag: string | null;
};

export const emptyTableFilter: TableFilter = { q: '', stages: [], outcome: null, tag: null };

export function filterApplications<T extends Application>(
  applications: readonly T[],
  filter: TableFilter,
): T[] {
  const words = searchWords(filter.q);
  return applications.filter(
    (a) =>
      (filter.stages.length === 0 || filter.stages.includes(a.stage)) &&
      (filter.outcome === null || a.outcome === filter.outcome) &&
      (filter.tag === null || a.tags.includes(filter.tag)) &&
      matchesSearch(a, words),
  );
}

/**
 * Text search over what a person remembers of an application: job title, company, tags and notes. Every word
 * must appear; case and accents are ignored ("resume" finds "Résumé").
 */
export function matchesSearch(application: Application, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = foldForSearch(
    [application.jobTitle, application.company.name, application.tags.join(' '), application.notes].join(
      '\n',
    ),
  );
  return words.every((word) => haystack.includes(word));
}

export function searchWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean);
}

export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLocaleLowerCase();
}

export function allTags(applications: readonly Application[]): string[] {
  return [...new Set(applications.flatMap((a) => a.tags))].sort(compareNames);
}

export function columnLabel(stage: Stage): string {
  return stageLabels[stage];
}

function byRecentChange(a: Application, b: Application): number {
  return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? -1 : 1;
}

function compareOptional(a: string | null, b: string | null, direction: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a < b ? -1 : 1) * direction;
}
