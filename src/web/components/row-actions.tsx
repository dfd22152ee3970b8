import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../api-error.js';
import { useNotices } from './notices.js';

type RowActionsProps = {
  /** What the row is called: confirmations, notices and the buttons' accessible names use it. */
  readonly name: string;
  readonly onEdit: () => void;
  /** Deletes the row's record; called only once the user has confirmed. */
  readonly onDelete: () => Promise<unknown>;
  /** The list to refetch after a delete. */
  readonly queryKey: QueryKey;
};

/** The Edit and Delete buttons of a row on the companies and contacts pages, in their own cell. */
export function RowActions({ name, onEdit, onDelete, queryKey }: RowActionsProps) {
  const client = useQueryClient();
  const { notify } = useNotices();
  const remove = useMutation({
    mutationFn: onDelete,
    onSuccess: async () => {
      notify(`Deleted ${name}`);
      await client.invalidateQueries({ queryKey });
    },
    onError: (e) => notify(`Could not delete: ${describeError(e)}`),
  });
  return (
    <td className="row-actions">
      <button type="button" className="button-small" onClick={onEdit}>
        Edit<span className="visually-hidden"> {name}</span>
      </button>
      <button
        type="button"
        className="button-small"
        disabled={remove.isPending}
        onClick={() => {
          if (window.confirm(`Delete ${name}?`)) remove.mutate();
        }}
      >
        Delete<span className="visually-hidden"> {name}</span>
      </button>
    </td>
  );
}
