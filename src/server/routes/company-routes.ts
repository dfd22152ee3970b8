import { z } from 'zod';
import {
  companyCreateSchema,
  companyListQuerySchema,
  companySchema,
  companyUpdateSchema,
} from '../../core/company.js';
import {
  createCompany,
  deleteCompany,
  getCompany,
  listCompanies,
  updateCompany,
} from '../../services/companies.js';
import { type App, crudRoutes, type DepsFor } from '../route-kit.js';

export function companyRoutes(app: App, depsFor: DepsFor): void {
  crudRoutes(app, depsFor, {
    path: '/api/companies',
    tag: 'companies',
    entity: companySchema,
    create: companyCreateSchema,
    update: companyUpdateSchema,
    listQuery: companyListQuerySchema,
    listResponse: z.array(companySchema),
    service: {
      list: listCompanies,
      create: createCompany,
      get: getCompany,
      update: updateCompany,
      remove: deleteCompany,
    },
  });
}
