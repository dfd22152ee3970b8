import { z } from 'zod';
import { applicationSchema } from '../../core/application.js';
import { limits, text, webUrl } from '../../core/fields.js';
import { activeStageSchema } from '../../core/pipeline.js';
import { postingExtractSchema, postingPreviewSchema } from '../../core/posting-extract.js';
import { addApplicationFromPosting, previewPosting } from '../../services/postings.js';
import { type App, errors, type RouteContext } from '../route-kit.js';

/** A pasted page may be large (job boards inline a lot); the reader itself stops at 5 MiB of text. */
const pageBodyLimit = 6 * 1024 * 1024;

const sourceInput = {
  url: webUrl.optional().describe('the posting URL; read from the web unless `page` is given'),
  page: z.string().max(pageBodyLimit).optional().describe('the page as pasted: HTML or plain text'),
};

export function postingRoutes(app: App, ctx: RouteContext): void {
  const { depsFor } = ctx;
  const tags = ['postings'];
  app.post(
    '/api/postings/preview',
    {
      bodyLimit: pageBodyLimit,
      schema: {
        tags,
        summary:
          'Read a posting from its URL or a pasted page, without saving; says if it is already tracked',
        body: z.strictObject(sourceInput),
        response: {
          200: postingPreviewSchema,
          400: errors[400],
          409: errors[409],
        },
      },
    },
    (request) => previewPosting(depsFor(request), request.body),
  );
  app.post(
    '/api/applications/from-posting',
    {
      bodyLimit: pageBodyLimit,
      schema: {
        tags,
        summary:
          'Add an application from a posting URL or pasted page; what you type overrides what was read',
        body: z.strictObject({
          ...sourceInput,
          companyName: text(limits.name).optional(),
          jobTitle: text(limits.title).optional(),
          stage: activeStageSchema.optional(),
          tags: z.array(text(limits.tag)).max(limits.tags).optional(),
          notes: text(limits.notes).optional(),
          allowDuplicate: z.boolean().optional(),
        }),
        response: {
          201: z.object({ application: applicationSchema, extract: postingExtractSchema }),
          400: errors[400],
          409: errors[409],
        },
      },
    },
    async (request, reply) => {
      const { url, page, ...overrides } = request.body;
      const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
      return reply
        .status(201)
        .send(await addApplicationFromPosting(depsFor(request), { url, page, overrides: defined }));
    },
  );
}
