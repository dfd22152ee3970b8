import { diagnosisQuerySchema, diagnosisSchema } from '../../core/diagnosis.js';
import { tailoringCheckSchema, tailoringRequestSchema } from '../../core/tailoring-check.js';
import { diagnoseApplication } from '../../services/diagnosis.js';
import { checkTailoring, getLatestTailoring } from '../../services/tailoring.js';
import { type App, errors, idParams, type RouteContext } from '../route-kit.js';

/**
 * Files are sent as base64 inside JSON: 10 MB of file (the stated limit) is about 13.4 MB encoded, and each
 * file may be up to 15 MiB encoded (core/tailoring-check.ts). A resume and a cover letter both at the limit
 * must get through, so they can be refused with RESUME_TOO_LARGE naming the file's limit, not the body's.
 */
const tailoringBodyLimit = 32 * 1024 * 1024;

/** "Why haven't I heard back?" and the tailoring check. */
export function analysisRoutes(app: App, ctx: RouteContext): void {
  const { depsFor } = ctx;
  app.get(
    '/api/applications/:id/diagnosis',
    {
      schema: {
        tags: ['diagnosis'],
        summary: "Why haven't I heard back? The likely causes, with their evidence and a next step",
        params: idParams,
        querystring: diagnosisQuerySchema,
        response: { 200: diagnosisSchema, 400: errors[400], 404: errors[404] },
      },
    },
    (request) => diagnoseApplication(depsFor(request), request.params.id, request.query.asOf),
  );
  app.post(
    '/api/applications/:id/tailoring',
    {
      bodyLimit: tailoringBodyLimit,
      schema: {
        tags: ['tailoring'],
        summary:
          'Check a resume (PDF, DOCX or text) and cover letter against the posting; the result is kept',
        params: idParams,
        body: tailoringRequestSchema,
        response: { 201: tailoringCheckSchema, 400: errors[400], 404: errors[404], 409: errors[409] },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await checkTailoring(depsFor(request), request.params.id, request.body)),
  );
  app.get(
    '/api/applications/:id/tailoring',
    {
      schema: {
        tags: ['tailoring'],
        summary: 'The latest tailoring check, or null',
        params: idParams,
        response: { 200: tailoringCheckSchema.nullable(), 404: errors[404] },
      },
    },
    (request) => getLatestTailoring(depsFor(request), request.params.id),
  );
}
