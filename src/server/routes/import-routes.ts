import { z } from 'zod';
import { contactSchema } from '../../core/contact.js';
import { id } from '../../core/fields.js';
import { interviewSchema } from '../../core/interview.js';
import { importInvitation, previewInvitationImport } from '../../services/ics-import.js';
import { type App, errors, type RouteContext } from '../route-kit.js';

/** Invitation files are small; this leaves room for the long VTIMEZONE blocks Outlook writes. */
const icsBodyLimit = 2 * 1024 * 1024;

const invitationInput = z.strictObject({
  ics: z.string().max(icsBodyLimit).describe('the .ics file as text'),
  applicationId: id.optional().describe('the application it belongs to; matched by company when left out'),
  eventIndex: z.number().int().min(0).max(1000).optional().describe('which event of a file with several'),
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
          200: z
            .record(z.string(), z.unknown())
            .describe('invitation, application, candidates, round, contacts, existingInterviewId, warnings'),
          400: errors[400],
          404: errors[404],
        },
      },
    },
    async (request) => {
      const { ics, ...options } = request.body;
      return JSON.parse(
        JSON.stringify(await previewInvitationImport(depsFor(request), ics, options)),
      ) as Record<string, unknown>;
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
          201: z.object({
            interview: interviewSchema,
            created: z.boolean().describe('false when the same interview was already imported'),
            createdContacts: z.array(contactSchema).readonly(),
            reusedContactIds: z.array(z.string()).readonly(),
            warnings: z.array(z.string()).readonly(),
          }),
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
