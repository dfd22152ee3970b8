import { useMemo, useState } from 'react';
import type { Company } from '../../core/company.js';
import { describeError } from '../api-error.js';
import { CompanyForm } from '../components/company-form.js';
import { Dialog } from '../components/dialog.js';
import { ExternalLink } from '../components/external-link.js';
import { Link } from '../components/link.js';
import { RecordTable } from '../components/record-table.js';
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
  const countOf = (c: Company) => counts.get(c.id) ?? { open: 0, ended: 0 };
  const isInUse = (c: Company) => countOf(c).open + countOf(c).ended > 0;

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
        <RecordTable
          caption="Companies"
          rows={companies.data ?? []}
          columns={[
            {
              label: 'Name',
              cell: (c) =>
                isInUse(c) ? (
                  <Link to={`/board?view=table&q=${encodeURIComponent(c.name)}`}>{c.name}</Link>
                ) : (
                  c.name
                ),
            },
            { label: 'Website', cell: (c) => (c.website ? <ExternalLink href={c.website} /> : '') },
            { label: 'Open', cell: (c) => countOf(c).open },
            { label: 'Ended', cell: (c) => countOf(c).ended },
            { label: 'Notes', cell: (c) => (c.notes ? <div className="clamp">{c.notes}</div> : '') },
          ]}
          actions={(c) => (
            <RowActions
              name={c.name}
              onEdit={() => setEditing(c)}
              onDelete={() => api.deleteCompany(c.id)}
              queryKey={queryKeys.companies}
            />
          )}
        />
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
