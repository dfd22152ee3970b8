import { type ReactNode, useEffect, useRef, useState } from 'react';
import { showMoreLabel, showMoreStep, sliceShown } from '../show-more.js';

type ShowMoreListProps<T> = {
  readonly items: readonly T[];
  readonly itemKey: (item: T) => string;
  readonly renderItem: (item: T) => ReactNode;
  readonly className?: string;
  /** Names the list for the button's accessible name: "Show 20 more" of what. */
  readonly label: string;
  /** How many the list holds in all, when `items` are only the first of them. */
  readonly total?: number;
  /** Called by "Show more" when it needs items not loaded yet; they arrive in `items`. */
  readonly onNeedMore?: () => void;
};

/**
 * A list that draws its first items and a "Show N more" button for the rest, so a section with hundreds of
 * steps costs no more to open than one with twenty. The rest may not be loaded yet (`total`, `onNeedMore`):
 * the press then asks for it and the list grows when it arrives. After a press, focus moves to the first item
 * it revealed, so keyboard and screen-reader users continue where the list grew.
 */
export function ShowMoreList<T>({
  items,
  itemKey,
  renderItem,
  className,
  label,
  total,
  onNeedMore,
}: ShowMoreListProps<T>) {
  const [limit, setLimit] = useState(showMoreStep);
  // The position of the first item a press revealed, until it is loaded; then that item's key, which keeps
  // focus on it however the list changes afterwards.
  const [revealFrom, setRevealFrom] = useState<number | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const revealed = useRef<HTMLLIElement>(null);
  const slice = sliceShown(items, limit, showMoreStep, total);
  const arrived = revealFrom === null ? undefined : items[revealFrom];

  useEffect(() => {
    if (arrived === undefined) return;
    setFocusKey(itemKey(arrived));
    setRevealFrom(null);
  }, [arrived, itemKey]);

  useEffect(() => {
    if (focusKey !== null) revealed.current?.focus();
  }, [focusKey]);

  const showMore = () => {
    setRevealFrom(slice.shown.length);
    setLimit(slice.shown.length + showMoreStep);
    if (slice.shown.length + showMoreStep > items.length) onNeedMore?.();
  };

  return (
    <>
      <ul className={className}>
        {slice.shown.map((item) => {
          const key = itemKey(item);
          return key === focusKey ? (
            <li key={key} ref={revealed} tabIndex={-1} className="revealed-item">
              {renderItem(item)}
            </li>
          ) : (
            <li key={key}>{renderItem(item)}</li>
          );
        })}
      </ul>
      {slice.hidden > 0 ? (
        <button type="button" className="show-more" onClick={showMore}>
          {showMoreLabel(slice)}
          <span className="visually-hidden"> {label}</span>
        </button>
      ) : null}
    </>
  );
}
