/** How many items a long list shows at first, and how many more each "Show more" adds. */
export const showMoreStep = 20;

/** What a long list shows: its first `limit` items, and how many the next "Show more" would add. */
export type ShownSlice<T> = {
  readonly shown: readonly T[];
  readonly hidden: number;
  /** How many one more press shows: a step's worth, or the rest when fewer remain. */
  readonly nextBatch: number;
};

/**
 * `total` is how many the list holds in all when `items` are only the first of them (the rest not loaded
 * yet): what is hidden counts those too.
 */
export function sliceShown<T>(
  items: readonly T[],
  limit: number,
  step = showMoreStep,
  total = items.length,
): ShownSlice<T> {
  const shown = items.slice(0, Math.max(0, limit));
  const hidden = Math.max(0, Math.max(total, items.length) - shown.length);
  return { shown, hidden, nextBatch: Math.min(step, hidden) };
}

/** The label of the button, which says how many the press adds and how many there are in all. */
export function showMoreLabel(slice: Pick<ShownSlice<unknown>, 'hidden' | 'nextBatch'>): string {
  return slice.nextBatch === slice.hidden
    ? `Show ${slice.hidden} more`
    : `Show ${slice.nextBatch} more (${slice.hidden} not shown)`;
}
