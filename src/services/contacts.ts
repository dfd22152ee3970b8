import type { Contact, ContactCreate, ContactListQuery, ContactUpdate } from '../core/contact.js';
import { fieldError } from '../core/errors.js';
import { findCompany } from '../storage/company-store.js';
import {
  deleteContactRow,
  getContact as getContactRow,
  insertContact,
  listContacts as listContactRows,
  updateContactRow,
} from '../storage/contact-store.js';
import type { Db } from '../storage/schema.js';
import { type Deps, inTransaction, nowIso } from './deps.js';

export async function createContact(deps: Deps, input: ContactCreate): Promise<Contact> {
  return inTransaction(deps, async (tx) => {
    if (input.companyId) await assertCompany(tx.db, deps.userId, input.companyId);
    const now = nowIso(deps);
    return insertContact(tx.db, deps.userId, {
      id: deps.ids.next(),
      name: input.name,
      role: input.role ?? 'other',
      email: input.email ?? null,
      phone: input.phone ?? null,
      profileUrl: input.profileUrl ?? null,
      companyId: input.companyId ?? null,
      notes: input.notes ?? '',
      createdAt: now,
      updatedAt: now,
    });
  });
}

export function getContact(deps: Deps, id: string): Promise<Contact> {
  return getContactRow(deps.db, deps.userId, id);
}

export function listContacts(deps: Deps, query: ContactListQuery = {}): Promise<Contact[]> {
  return listContactRows(deps.db, deps.userId, query);
}

export async function updateContact(deps: Deps, id: string, input: ContactUpdate): Promise<Contact> {
  return inTransaction(deps, async (tx) => {
    const current = await getContactRow(tx.db, deps.userId, id);
    if (input.companyId) await assertCompany(tx.db, deps.userId, input.companyId);
    const next: Contact = {
      ...current,
      name: input.name ?? current.name,
      role: input.role ?? current.role,
      email: input.email === undefined ? current.email : input.email,
      phone: input.phone === undefined ? current.phone : input.phone,
      profileUrl: input.profileUrl === undefined ? current.profileUrl : input.profileUrl,
      companyId: input.companyId === undefined ? current.companyId : input.companyId,
      notes: input.notes ?? current.notes,
      updatedAt: nowIso(deps),
    };
    return updateContactRow(tx.db, deps.userId, next);
  });
}

export async function deleteContact(deps: Deps, id: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    await getContactRow(tx.db, deps.userId, id);
    await deleteContactRow(tx.db, deps.userId, id);
  });
}

async function assertCompany(db: Db, userId: string, companyId: string): Promise<void> {
  if (!(await findCompany(db, userId, companyId)))
    throw fieldError('companyId', `no company with id ${companyId}`);
}
