import { useEffect, useRef } from 'react';

type SelectAllProps = {
  /** The box's accessible name: what it selects ("Select every overdue step"). */
  readonly label: string;
  readonly selectedCount: number;
  readonly total: number;
  readonly onChange: (isSelected: boolean) => void;
  /** What the eye reads beside the box; the label stays for screen readers. */
  readonly text?: string;
};

/** A box that selects a whole list: checked when all are, mixed when some are. */
export function SelectAll({ label, selectedCount, total, onChange, text = 'All' }: SelectAllProps) {
  const box = useRef<HTMLInputElement>(null);
  const isMixed = selectedCount > 0 && selectedCount < total;
  useEffect(() => {
    if (box.current) box.current.indeterminate = isMixed;
  }, [isMixed]);
  return (
    <label className="select-all">
      <input
        ref={box}
        type="checkbox"
        checked={total > 0 && selectedCount === total}
        disabled={total === 0}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span className="visually-hidden">{label}</span>
      {text ? <span aria-hidden="true">{text}</span> : null}
    </label>
  );
}
