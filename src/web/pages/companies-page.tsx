import { useMemo, useState } from 'react';
import type { Company } from '../../core/company.js';
import { describeError } from '../api-error.js';
import { CompanyForm } from '../components/company-form.js';
import { Dialog } from '../components/dialog.js';
import { ExternalLink } from '../components/external-link.js';
import { Link } from '../components/link.js';
import { RowActions } from '../components/row-actions.js';
import { useApi } from '../hooks/use-api.js';
import { queryKeys, useApplications, useCompanies } from '../queries.js';

/** The companies applied to, with how many applications are open and ended at each. */
export function CompaniesPage() {
  const companies = useCompanies();
  const applications = useApplications();
  const api = useApi();
  const [editing, setEditing] = useState<Company | 'new' | null>(null);
  const counts = useMemo(() => {
    const map = new Map<string, { open: number; ended: number }>();
    for (const a of applications.data ?? []) {
      const entry = map.get(a.company.id) ?? { open: 0, ended: 0 };
      if (a.stage === 'ended') entry.ended += 1;
      else entry.open += 1;
      map.set(a.company.id, entry);
    }
    return map;
  }, [applications.data]);

  return (
    <div className="page">
      <div className="page-heading">
        <h1 tabIndex={-1}>Companies</h1>
        <button type="button" className="button-primary" onClick={() => setEditing('new')}>
          Add company
        </button>
      </div>
      {companies.isError ? (
        <p className="form-errors" role="alert">
          {describeError(companies.error)}
        </p>
      ) : null}
      {companies.isPending ? (
        <div className="placeholder" aria-busy="true">
          Loading companies…
        </div>
      ) : (companies.data ?? []).length === 0 ? (
        <section className="empty-state">
          <h2>No companies yet</h2>
          <p>Companies are added with your applications; you can also add one here first.</p>
        </section>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Companies</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Website</th>
                <th scope="col">Open</th>
                <th scope="col">Ended</th>
                <th scope="col">Notes</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(companies.data ?? []).map((c) => {
                const count = counts.get(c.id) ?? { open: 0, ended: 0 };
                return (
                  <tr key={c.id}>
                    <td>
                      {count.open + count.ended > 0 ? (
                        <Link to={`/board?view=table&q=${encodeURIComponent(c.name)}`}>{c.name}</Link>
                      ) : (
                        c.name
                      )}
                    </td>
                    <td>{c.website ? <ExternalLink href={c.website} /> : ''}</td>
                    <td>{count.open}</td>
                    <td>{count.ended}</td>
                    <td>
                      <div className="clamp">{c.notes}</div>
                    </td>
                    <RowActions
                      name={c.name}
                      onEdit={() => setEditing(c)}
                      onDelete={() => api.deleteCompany(c.id)}
                      queryKey={queryKeys.companies}
                    />
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? 'Add a company' : 'Edit company'}
        onClose={() => setEditing(null)}
      >
        {editing !== null ? (
          <CompanyForm
            {...(editing === 'new' ? {} : { company: editing })}
            onSaved={() => setEditing(null)}
          />
        ) : null}
      </Dialog>
    </div>
  );
}
