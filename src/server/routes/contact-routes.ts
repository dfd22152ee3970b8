import { z } from 'zod';
import {
  contactCreateSchema,
  contactListQuerySchema,
  contactSchema,
  contactUpdateSchema,
} from '../../core/contact.js';
import {
  createContact,
  deleteContact,
  getContact,
  listContacts,
  updateContact,
} from '../../services/contacts.js';
import { type App, crudRoutes, type RouteContext } from '../route-kit.js';

export function contactRoutes(app: App, ctx: RouteContext): void {
  crudRoutes(app, ctx, {
    path: '/api/contacts',
    tag: 'contacts',
    entity: contactSchema,
    create: contactCreateSchema,
    update: contactUpdateSchema,
    listQuery: contactListQuerySchema,
    listResponse: z.array(contactSchema),
    service: {
      list: listContacts,
      create: createContact,
      get: getContact,
      update: updateContact,
      remove: deleteContact,
    },
  });
}
