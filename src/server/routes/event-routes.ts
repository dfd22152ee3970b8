import { z } from 'zod';
import { eventCreateSchema, eventListQuerySchema, eventSchema, eventUpdateSchema } from '../../core/event.js';
import { createEvent, deleteEvent, getEvent, listEvents, updateEvent } from '../../services/events.js';
import { type App, crudRoutes, type RouteContext } from '../route-kit.js';

export function eventRoutes(app: App, ctx: RouteContext): void {
  crudRoutes(app, ctx, {
    path: '/api/events',
    tag: 'events',
    entity: eventSchema,
    create: eventCreateSchema,
    update: eventUpdateSchema,
    listQuery: eventListQuerySchema,
    listResponse: z.array(eventSchema),
    service: {
      list: listEvents,
      create: createEvent,
      get: getEvent,
      update: updateEvent,
      remove: deleteEvent,
    },
  });
}
