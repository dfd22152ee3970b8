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
import { type App, crudRoutes, type RouteContext } from '../route-kit.js';

export function companyRoutes(app: App, ctx: RouteContext): void {
  crudRoutes(app, ctx, {
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
