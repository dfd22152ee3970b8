import { useMemo, useState } from 'react';
import type { Contact } from '../../core/contact.js';
import { describeError } from '../api-error.js';
import { foldForSearch, searchWords } from '../board-model.js';
import { ContactForm } from '../components/contact-form.js';
import { Dialog } from '../components/dialog.js';
import { ExternalLink } from '../components/external-link.js';
import { RecordTable } from '../components/record-table.js';
import { RowActions } from '../components/row-actions.js';
import { useApi } from '../hooks/use-api.js';
import { roleLabels } from '../labels.js';
import { queryKeys, useCompanies, useContacts } from '../queries.js';

/** Everyone met along the way: recruiters, hiring managers, interviewers, referrals. */
export function ContactsPage() {
  const contacts = useContacts();
  const companies = useCompanies();
  const api = useApi();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const companyNames = useMemo(
    () => new Map((companies.data ?? []).map((c) => [c.id, c.name])),
    [companies.data],
  );
  const shown = useMemo(() => {
    const words = searchWords(q);
    return (contacts.data ?? []).filter((c) => {
      const text = foldForSearch(
        [
          c.name,
          c.email ?? '',
          c.phone ?? '',
          c.notes,
          c.companyId ? (companyNames.get(c.companyId) ?? '') : '',
        ].join('\n'),
      );
      return words.every((w) => text.includes(w));
    });
  }, [contacts.data, q, companyNames]);

  return (
    <div className="page">
      <div className="page-heading">
        <h1 tabIndex={-1}>Contacts</h1>
        <button type="button" className="button-primary" onClick={() => setEditing('new')}>
          Add contact
        </button>
      </div>
      <div className="toolbar">
        <div className="search">
          <label htmlFor="contact-search" className="visually-hidden">
            Search contacts
          </label>
          <input
            id="contact-search"
            type="search"
            placeholder="Search name, company, email, notes"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
      </div>
      {contacts.isError ? (
        <p className="form-errors" role="alert">
          {describeError(contacts.error)}
        </p>
      ) : null}
      {contacts.isPending || companies.isPending ? (
        <div className="placeholder" aria-busy="true">
          Loading contacts…
        </div>
      ) : (contacts.data ?? []).length === 0 ? (
        <section className="empty-state">
          <h2>No contacts yet</h2>
          <p>
            Interviewers you log with an interview appear here. You can also add recruiters and referrals.
          </p>
        </section>
      ) : (
        <>
          <RecordTable
            caption="Contacts"
            rows={shown}
            columns={[
              {
                label: 'Name',
                cell: (c) =>
                  c.profileUrl ? <ExternalLink href={c.profileUrl}>{c.name}</ExternalLink> : c.name,
              },
              { label: 'Role', cell: (c) => roleLabels[c.role] },
              { label: 'Company', cell: (c) => (c.companyId ? (companyNames.get(c.companyId) ?? '') : '') },
              { label: 'Email', cell: (c) => c.email ?? '', className: 'break' },
              { label: 'Phone', cell: (c) => c.phone ?? '' },
            ]}
            actions={(c) => (
              <RowActions
                name={c.name}
                onEdit={() => setEditing(c)}
                onDelete={() => api.deleteContact(c.id)}
                queryKey={queryKeys.contacts}
              />
            )}
          />
          {shown.length === 0 ? <p className="muted">No contact matches.</p> : null}
        </>
      )}
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? 'Add a contact' : 'Edit contact'}
        onClose={() => setEditing(null)}
      >
        {editing !== null ? (
          <ContactForm
            {...(editing === 'new' ? {} : { contact: editing })}
            onSaved={() => setEditing(null)}
          />
        ) : null}
      </Dialog>
    </div>
  );
}
