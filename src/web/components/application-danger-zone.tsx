import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Application } from '../../core/application.js';
import { describeError } from '../api-error.js';
import { useApi } from '../hooks/use-api.js';
import { navigate } from '../hooks/use-location.js';
import { forgetApplication, refreshAfterChange } from '../queries.js';
import { useNotices } from './notices.js';

/** Deleting the application, after the user confirms it. */
export function DangerZone({ application }: { application: Application }) {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const remove = useMutation({
    mutationFn: () => api.deleteApplication(application.id),
    onSuccess: async () => {
      notify(`Deleted “${application.jobTitle}”`);
      // Leave the page first: refreshing while it is shown would ask again for its diagnosis, steps, ….
      navigate('/board');
      forgetApplication(client, application.id);
      await refreshAfterChange(client);
    },
    onError: (e) => notify(`Could not delete: ${describeError(e)}`),
  });
  return (
    <section className="panel" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete</h2>
      <p className="muted small">
        Deleting removes the application, its interviews, steps and timeline. To keep the history, end it
        instead.
      </p>
      <button
        type="button"
        className="button-danger"
        onClick={() => {
          if (
            window.confirm(
              `Delete “${application.jobTitle}” at ${application.company.name}? This cannot be undone.`,
            )
          ) {
            remove.mutate();
          }
        }}
      >
        Delete application
      </button>
    </section>
  );
}
