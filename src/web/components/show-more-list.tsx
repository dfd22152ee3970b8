import { type ReactNode, useEffect, useRef, useState } from 'react';
import { showMoreLabel, showMoreStep, sliceShown } from '../show-more.js';

type ShowMoreListProps<T> = {
  readonly items: readonly T[];
  readonly itemKey: (item: T) => string;
  readonly renderItem: (item: T) => ReactNode;
  readonly className?: string;
  /** Names the list for the button's accessible name: "Show 20 more" of what. */
  readonly label: string;
};

/**
 * A list that draws its first items and a "Show N more" button for the rest, so a section with hundreds of
 * steps costs no more to open than one with twenty. After a press, focus moves to the first item it
 * revealed, so keyboard and screen-reader users continue where the list grew.
 */
export function ShowMoreList<T>({ items, itemKey, renderItem, className, label }: ShowMoreListProps<T>) {
  const [limit, setLimit] = useState(showMoreStep);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const revealed = useRef<HTMLLIElement>(null);
  const slice = sliceShown(items, limit);

  useEffect(() => {
    if (focusKey !== null) revealed.current?.focus();
  }, [focusKey]);

  const showMore = () => {
    const first = items[slice.shown.length];
    if (first !== undefined) setFocusKey(itemKey(first));
    setLimit((current) => current + showMoreStep);
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
