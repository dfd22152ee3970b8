import { z } from 'zod';
import {
  invitationChoicesSchema,
  invitationImportPreviewSchema,
  invitationImportResultSchema,
} from '../../core/invitation.js';
import { importInvitation, previewInvitationImport } from '../../services/ics-import.js';
import { type App, errors, type RouteContext } from '../route-kit.js';

/** Invitation files are small; this leaves room for the long VTIMEZONE blocks Outlook writes. */
const icsBodyLimit = 2 * 1024 * 1024;

const invitationInput = invitationChoicesSchema.extend({
  ics: z.string().max(icsBodyLimit).describe('the .ics file as text'),
});

/** Imports from other tools: interview invitations (.ics). */
export function importRoutes(app: App, ctx: RouteContext): void {
  const { depsFor } = ctx;
  const tags = ['import'];
  app.post(
    '/api/interviews/import-ics/preview',
    {
      bodyLimit: icsBodyLimit,
      schema: {
        tags,
        summary:
          'What importing an interview invitation would do: the application it matches, contacts, warnings',
        body: invitationInput,
        response: {
          200: invitationImportPreviewSchema,
          400: errors[400],
          404: errors[404],
        },
      },
    },
    (request) => {
      const { ics, ...options } = request.body;
      return previewInvitationImport(depsFor(request), ics, options);
    },
  );
  app.post(
    '/api/interviews/import-ics',
    {
      bodyLimit: icsBodyLimit,
      schema: {
        tags,
        summary:
          'Import an interview invitation (Google, Outlook, scheduling tools) as an interview, all or nothing',
        body: invitationInput,
        response: {
          201: invitationImportResultSchema,
          400: errors[400],
          404: errors[404],
        },
      },
    },
    async (request, reply) => {
      const { ics, ...options } = request.body;
      return reply.status(201).send(await importInvitation(depsFor(request), ics, options));
    },
  );
}
