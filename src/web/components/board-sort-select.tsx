import { useState } from 'react';
import {
  type BoardSortKey,
  boardSortKeys,
  boardSortLabels,
  parseBoardSortKey,
  readBoardSort,
  rememberBoardSort,
} from '../board-sort.js';

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The board's card order, as last chosen on this browser. */
export function useBoardSort(): [BoardSortKey, (key: BoardSortKey) => void] {
  const [sort, setSort] = useState(() => readBoardSort(browserStorage()));
  const choose = (key: BoardSortKey) => {
    setSort(key);
    rememberBoardSort(browserStorage(), key);
  };
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
