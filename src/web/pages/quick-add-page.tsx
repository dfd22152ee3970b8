import { useState } from 'react';
import type { Application } from '../../core/application.js';
import { Link } from '../components/link.js';
import { QuickAddForm } from '../components/quick-add-form.js';
import { applicationPath } from '../router.js';

/** Quick add as a page of its own (`/add`), for bookmarks and the browser clipper; `n` opens the same form. */
export function QuickAddPage() {
  const [added, setAdded] = useState<Application[]>([]);
  return (
    <div className="page page-narrow">
      <h1 tabIndex={-1}>Add an application</h1>
      {added.length > 0 ? (
        <div className="success" role="status">
          <p>Added:</p>
          <ul>
            {added.map((a) => (
              <li key={a.id}>
                <Link to={applicationPath(a.id)}>
                  {a.jobTitle} at {a.company.name}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <QuickAddForm key={added.length} autoFocus onSaved={(a) => setAdded((list) => [a, ...list])} />
    </div>
  );
}
