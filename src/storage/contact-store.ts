import type { Contact, ContactListQuery, ContactRole } from '../core/contact.js';
import type { ContactsTable, Db } from './schema.js';
import { binaryText, found } from './sql-helpers.js';

export async function insertContact(db: Db, userId: string, contact: Contact): Promise<Contact> {
  await db
    .insertInto('contacts')
    .values({ ...toRow(contact), id: contact.id, user_id: userId, created_at: contact.createdAt })
    .execute();
  return contact;
}

export async function updateContactRow(db: Db, userId: string, contact: Contact): Promise<Contact> {
  await db
    .updateTable('contacts')
    .set(toRow(contact))
    .where('id', '=', contact.id)
    .where('user_id', '=', userId)
    .execute();
  return contact;
}

export async function findContact(db: Db, userId: string, id: string): Promise<Contact | undefined> {
  const row = await db
    .selectFrom('contacts')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && toContact(row);
}

export async function getContact(db: Db, userId: string, id: string): Promise<Contact> {
  return found(await findContact(db, userId, id), 'CONTACT_NOT_FOUND', 'contact', id);
}

/** The ids among `ids` that are not this user's contacts. */
export async function missingContactIds(db: Db, userId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('contacts')
    .select('id')
    .where('user_id', '=', userId)
    .where('id', 'in', [...ids])
    .execute();
  const present = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !present.has(id));
}

export async function listContacts(db: Db, userId: string, query: ContactListQuery): Promise<Contact[]> {
  let q = db.selectFrom('contacts').selectAll().where('user_id', '=', userId);
  if (query.companyId) q = q.where('company_id', '=', query.companyId);
  if (query.role) q = q.where('role', '=', query.role);
  const rows = await q.orderBy(binaryText(db, 'name')).orderBy('id').execute();
  const contacts = rows.map(toContact);
  // Names are matched in JavaScript: SQLite's lower() only folds ASCII, and contact lists are small.
  if (!query.q) return contacts;
  const needle = query.q.toLowerCase();
  return contacts.filter((c) => `${c.name}\n${c.email ?? ''}`.toLowerCase().includes(needle));
}

export async function listAllContacts(db: Db, userId: string): Promise<Contact[]> {
  const rows = await db
    .selectFrom('contacts')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map(toContact);
}

export async function deleteContactRow(db: Db, userId: string, id: string): Promise<void> {
  await db.deleteFrom('contacts').where('id', '=', id).where('user_id', '=', userId).execute();
}

function toRow(contact: Contact) {
  return {
    company_id: contact.companyId,
    name: contact.name,
    role: contact.role,
    email: contact.email,
    phone: contact.phone,
    profile_url: contact.profileUrl,
    notes: contact.notes,
    updated_at: contact.updatedAt,
  };
}

function toContact(row: ContactsTable): Contact {
  return {
    id: row.id,
    name: row.name,
    role: row.role as ContactRole,
    email: row.email,
    phone: row.phone,
    profileUrl: row.profile_url,
    companyId: row.company_id,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findContactsByIds(
  db: Db,
  userId: string,
  ids: readonly string[],
): Promise<Map<string, Contact>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('contacts')
    .selectAll()
    .where('user_id', '=', userId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, toContact(row)]));
}
