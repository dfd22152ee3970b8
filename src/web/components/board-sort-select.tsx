import { useCallback, useState } from 'react';
import { type BoardSortKey, boardSortKeys, boardSortLabels, parseBoardSortKey } from '../board-sort.js';
import { readPrefs, rememberPrefs } from '../browser-prefs.js';

/** The board's card order, as last chosen on this browser. */
export function useBoardSort(): [BoardSortKey, (key: BoardSortKey) => void] {
  const [sort, setSort] = useState(() => readPrefs().boardSort);
  const choose = useCallback((key: BoardSortKey) => {
    setSort(key);
    rememberPrefs({ boardSort: key });
  }, []);
  return [sort, choose];
}

type BoardSortSelectProps = {
  readonly value: BoardSortKey;
  readonly onChange: (key: BoardSortKey) => void;
};

/** Chooses how cards are ordered within each column. */
export function BoardSortSelect({ value, onChange }: BoardSortSelectProps) {
  return (
    <label className="board-sort">
      Order cards by{' '}
      <select value={value} onChange={(e) => onChange(parseBoardSortKey(e.target.value))}>
        {boardSortKeys.map((key) => (
          <option key={key} value={key}>
            {boardSortLabels[key]}
          </option>
        ))}
      </select>
    </label>
  );
}
