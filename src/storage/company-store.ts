import type { Company, CompanyListQuery } from '../core/company.js';
import { normalizeCompanyName } from '../core/company-values.js';
import type { CompaniesTable, Db } from './schema.js';
import { asCount, binaryText, found, likeEscaped } from './sql-helpers.js';

/** The companies row of a company: the one mapper, for single inserts and the bulk import alike. */
export function companyRowOf(company: Company, userId: string): CompaniesTable {
  return {
    id: company.id,
    user_id: userId,
    name: company.name,
    name_key: normalizeCompanyName(company.name),
    website: company.website,
    size_band: company.sizeBand,
    industry: company.industry,
    notes: company.notes,
    created_at: company.createdAt,
    updated_at: company.updatedAt,
  };
}

export async function insertCompany(db: Db, userId: string, company: Company): Promise<Company> {
  await db.insertInto('companies').values(companyRowOf(company, userId)).execute();
  return company;
}

/**
 * Inserts the company unless the user already has one of that name; true when it was inserted. Race-free:
 * of concurrent inserts of one name, one wins and the others wait for it and insert nothing, where a
 * select-then-insert would let them all insert and all but one fail on the unique key.
 */
export async function insertCompanyUnlessNamed(db: Db, userId: string, company: Company): Promise<boolean> {
  const result = await db
    .insertInto('companies')
    .values(companyRowOf(company, userId))
    .onConflict((oc) => oc.columns(['user_id', 'name_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function updateCompanyRow(db: Db, userId: string, company: Company): Promise<Company> {
  await db
    .updateTable('companies')
    .set({
      name: company.name,
      name_key: normalizeCompanyName(company.name),
      website: company.website,
      size_band: company.sizeBand,
      industry: company.industry,
      notes: company.notes,
      updated_at: company.updatedAt,
    })
    .where('id', '=', company.id)
    .where('user_id', '=', userId)
    .execute();
  return company;
}

export async function findCompany(db: Db, userId: string, id: string): Promise<Company | undefined> {
  const row = await db
    .selectFrom('companies')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && toCompany(row);
}

export async function getCompany(db: Db, userId: string, id: string): Promise<Company> {
  return found(await findCompany(db, userId, id), 'COMPANY_NOT_FOUND', 'company', id);
}

export async function findCompanyByName(db: Db, userId: string, name: string): Promise<Company | undefined> {
  const row = await db
    .selectFrom('companies')
    .selectAll()
    .where('user_id', '=', userId)
    .where('name_key', '=', normalizeCompanyName(name))
    .executeTakeFirst();
  return row && toCompany(row);
}

export async function listCompanies(db: Db, userId: string, query: CompanyListQuery): Promise<Company[]> {
  let q = db.selectFrom('companies').selectAll().where('user_id', '=', userId);
  if (query.q) q = q.where(likeEscaped('name_key', query.q.toLowerCase()));
  const rows = await q.orderBy(binaryText(db, 'name_key')).orderBy('id').execute();
  return rows.map(toCompany);
}

export async function listAllCompanies(db: Db, userId: string): Promise<Company[]> {
  const rows = await db
    .selectFrom('companies')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map(toCompany);
}

export async function countApplicationsOfCompany(db: Db, userId: string, companyId: string): Promise<number> {
  const row = await db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return asCount(row?.n as string | number | undefined);
}

export async function deleteCompanyRow(db: Db, userId: string, id: string): Promise<void> {
  await db.deleteFrom('companies').where('id', '=', id).where('user_id', '=', userId).execute();
}

function toCompany(row: CompaniesTable): Company {
  return {
    id: row.id,
    name: row.name,
    website: row.website,
    sizeBand: row.size_band as Company['sizeBand'],
    industry: row.industry,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
