import type { ReactNode } from 'react';

export type Column<T> = {
  /** The header, and the label each cell shows beside its value when the rows are stacked as cards. */
  readonly label: string;
  readonly cell: (row: T) => ReactNode;
  readonly className?: string;
};

type RecordTableProps<T> = {
  readonly caption: string;
  readonly columns: readonly Column<T>[];
  readonly rows: readonly T[];
  /** The row's action cell (`RowActions`), under a header only screen readers see. */
  readonly actions?: (row: T) => ReactNode;
};

/**
 * A list of records as a table; on a narrow screen each row becomes a card (styles.css, `.card-table`), the
 * first column its title and the others labelled lines, so nothing scrolls sideways.
 */
export function RecordTable<T extends { readonly id: string }>({
  caption,
  columns,
  rows,
  actions,
}: RecordTableProps<T>) {
  return (
    <div className="table-scroll card-table">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col">
                {column.label}
              </th>
            ))}
            {actions ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {columns.map((column) => (
                <td key={column.label} data-label={column.label} className={column.className}>
                  {column.cell(row)}
                </td>
              ))}
              {actions?.(row)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
