import { type ReactNode, useEffect, useRef, useState } from 'react';
import { showMoreLabel, sliceShown } from '../show-more.js';

/** How many cards a column draws at first, and how many more each press of its "Show more" adds. */
export const columnStep = 30;

type BoardCardListProps<T extends { readonly id: string }> = {
  readonly cards: readonly T[];
  /** A card that must be drawn even beyond the limit: the one a keyboard move just sent here. */
  readonly keepShownId: string | null;
  /** Each card renders its own `<li>`. */
  readonly renderCard: (card: T) => ReactNode;
  /** The column's name, for the button's accessible name. */
  readonly label: string;
  /** How many cards the column holds in all, when `cards` are only its first ones. */
  readonly total?: number;
  /** Called by "Show more" when it needs cards not loaded yet; they arrive in `cards`. */
  readonly onNeedMore?: () => void;
};

/**
 * A column's cards: the first ones, and a "Show N more" button at the end of the column's own scroll, so a
 * column of hundreds opens as fast as one of thirty. After a press, focus moves to the first revealed card.
 */
export function BoardCardList<T extends { readonly id: string }>({
  cards,
  keepShownId,
  renderCard,
  label,
  total,
  onNeedMore,
}: BoardCardListProps<T>) {
  const [limit, setLimit] = useState(columnStep);
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const keepAt = keepShownId === null ? -1 : cards.findIndex((card) => card.id === keepShownId);
  const slice = sliceShown(cards, Math.max(limit, keepAt + 1), columnStep, total);

  // Waits for the first revealed card when it is still being loaded.
  useEffect(() => {
    if (focusAt === null || cards.length <= focusAt) return;
    list.current?.querySelectorAll<HTMLElement>('li.card .card-title')[focusAt]?.focus();
    setFocusAt(null);
  }, [focusAt, cards]);

  const showMore = () => {
    setFocusAt(slice.shown.length);
    setLimit(slice.shown.length + columnStep);
    if (slice.shown.length + columnStep > cards.length) onNeedMore?.();
  };

  return (
    <ul ref={list} className="card-list">
      {slice.shown.map(renderCard)}
      {slice.hidden > 0 ? (
        <li className="card-list-more">
          <button type="button" className="button-small show-more" onClick={showMore}>
            {showMoreLabel(slice)}
            <span className="visually-hidden"> in {label}</span>
          </button>
        </li>
      ) : null}
    </ul>
  );
}
