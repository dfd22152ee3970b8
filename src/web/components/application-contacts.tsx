import { useState } from 'react';
import type { Application } from '../../core/application.js';
import type { Contact } from '../../core/contact.js';
import { roleLabels } from '../labels.js';
import { ContactForm } from './contact-form.js';
import { Dialog } from './dialog.js';

/** The application page's people at the company, and adding one. */
export function ContactsSection({
  application,
  contacts,
}: {
  application: Application;
  contacts: readonly Contact[];
}) {
  const [isAdding, setAdding] = useState(false);
  return (
    <section className="panel" aria-labelledby="contacts-title">
      <div className="panel-heading">
        <h2 id="contacts-title">Contacts</h2>
        <button type="button" onClick={() => setAdding(true)}>
          Add contact
        </button>
      </div>
      {contacts.length === 0 ? <p className="muted">No contacts at {application.company.name} yet.</p> : null}
      <ul className="plain-list contact-list">
        {contacts.map((c) => (
          <li key={c.id} className="contact-item">
            <strong>{c.name}</strong> <span className="muted">· {roleLabels[c.role]}</span>
            {c.email ? (
              <div>
                <a className="break" href={`mailto:${encodeURIComponent(c.email).replace(/%40/g, '@')}`}>
                  {c.email}
                </a>
              </div>
            ) : null}
            {c.phone ? <div>{c.phone}</div> : null}
          </li>
        ))}
      </ul>
      <Dialog
        open={isAdding}
        title={`Add a contact at ${application.company.name}`}
        onClose={() => setAdding(false)}
      >
        <ContactForm companyId={application.company.id} onSaved={() => setAdding(false)} />
      </Dialog>
    </section>
  );
}
