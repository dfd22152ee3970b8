import type { Company, CompanyCreate, CompanyListQuery, CompanyUpdate } from '../core/company.js';
import { AppError } from '../core/errors.js';
import { refreshSearchTextForCompany } from '../storage/application-store.js';
import {
  countApplicationsOfCompany,
  deleteCompanyRow,
  findCompanyByName,
  getCompany as getCompanyRow,
  insertCompanyUnlessNamed,
  listCompanies as listCompanyRows,
  updateCompanyRow,
} from '../storage/company-store.js';
import type { Db } from '../storage/schema.js';
import { lockNaturalKeys } from '../storage/sql-helpers.js';
import { type Deps, inTransaction, nowIso, type TxDeps } from './deps.js';

export async function createCompany(deps: Deps, input: CompanyCreate): Promise<Company> {
  return inTransaction(deps, async (tx) => {
    await lockNaturalKeys(tx.db, deps.userId);
    const now = nowIso(deps);
    const company: Company = {
      id: deps.ids.next(),
      name: input.name,
      website: input.website ?? null,
      sizeBand: input.sizeBand ?? null,
      industry: input.industry ?? null,
      notes: input.notes ?? '',
      createdAt: now,
      updatedAt: now,
    };
    if (await insertCompanyUnlessNamed(tx.db, deps.userId, company)) return company;
    await assertNameFree(tx.db, deps.userId, input.name);
    throw new Error(`company "${input.name}" was neither inserted nor found`);
  });
}

/**
 * The company with this name, created on the spot when the user names one we do not know yet. Concurrent
 * calls naming the same new company all get the one row (see insertCompanyUnlessNamed).
 */
export async function findOrCreateCompany(tx: TxDeps, name: string): Promise<Company> {
  const existing = await findCompanyByName(tx.db, tx.userId, name);
  if (existing) return existing;
  const now = nowIso(tx);
  const company: Company = {
    id: tx.ids.next(),
    name,
    website: null,
    sizeBand: null,
    industry: null,
    notes: '',
    createdAt: now,
    updatedAt: now,
  };
  if (await insertCompanyUnlessNamed(tx.db, tx.userId, company)) return company;
  const winner = await findCompanyByName(tx.db, tx.userId, name);
  if (!winner) throw new Error(`company "${name}" was neither inserted nor found`);
  return winner;
}

export function getCompany(deps: Deps, id: string): Promise<Company> {
  return getCompanyRow(deps.db, deps.userId, id);
}

export function listCompanies(deps: Deps, query: CompanyListQuery = {}): Promise<Company[]> {
  return listCompanyRows(deps.db, deps.userId, query);
}

export async function updateCompany(deps: Deps, id: string, input: CompanyUpdate): Promise<Company> {
  return inTransaction(deps, async (tx) => {
    const current = await getCompanyRow(tx.db, deps.userId, id);
    if (input.name !== undefined) {
      await lockNaturalKeys(tx.db, deps.userId);
      await assertNameFree(tx.db, deps.userId, input.name, id);
    }
    const next: Company = {
      ...current,
      name: input.name ?? current.name,
      website: input.website === undefined ? current.website : input.website,
      sizeBand: input.sizeBand === undefined ? current.sizeBand : input.sizeBand,
      industry: input.industry === undefined ? current.industry : input.industry,
      notes: input.notes ?? current.notes,
      updatedAt: nowIso(deps),
    };
    await updateCompanyRow(tx.db, deps.userId, next);
    if (next.name !== current.name) await refreshSearchTextForCompany(tx.db, deps.userId, id);
    return next;
  });
}

export async function deleteCompany(deps: Deps, id: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    await getCompanyRow(tx.db, deps.userId, id);
    const count = await countApplicationsOfCompany(tx.db, deps.userId, id);
    if (count > 0) {
      throw new AppError(
        'COMPANY_IN_USE',
        `The company has ${count} application(s); delete or move them first`,
        {
          applications: count,
        },
      );
    }
    await deleteCompanyRow(tx.db, deps.userId, id);
  });
}

async function assertNameFree(db: Db, userId: string, name: string, exceptId?: string): Promise<void> {
  const existing = await findCompanyByName(db, userId, name);
  if (existing && existing.id !== exceptId) {
    throw new AppError('DUPLICATE_COMPANY', `name: a company named "${existing.name}" already exists`, {
      existingId: existing.id,
      issues: [{ field: 'name', message: 'a company with this name already exists' }],
    });
  }
}
