import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  draftKinds,
  renderedTemplateSchema,
  sentDraftSchema,
  stepDraftSchema,
  templateViewSchema,
} from '../../core/drafts.js';
import { email, limits, text } from '../../core/fields.js';
import { playbookSchema, playbookUpdateSchema } from '../../core/playbook.js';
import { todayQuerySchema, todaySchema } from '../../core/today.js';
import {
  draftForStep,
  emlForStep,
  listTemplates,
  previewTemplate,
  resetTemplate,
  saveTemplate,
  sendStepEmail,
} from '../../services/drafts.js';
import { getPlaybook, resetPlaybook, updatePlaybook } from '../../services/playbook.js';
import { getToday } from '../../services/today.js';
import { type App, errors, idParams, type RouteContext, sendCached } from '../route-kit.js';

const kindParams = z.object({ kind: z.enum(draftKinds) });
const templateInput = z.strictObject({ subject: z.string(), body: z.string() });
/** A step's message as the user edited it before sending or downloading it. */
const messageEdits = z.strictObject({
  to: email.optional(),
  subject: text(limits.title).optional(),
  body: text(limits.notes).optional(),
});

/** Today, drafts and sending, the playbook and the templates: the follow-up engine's surface. */
export function todayRoutes(app: App, ctx: RouteContext): void {
  const { depsFor } = ctx;
  app.get(
    '/api/today',
    {
      schema: {
        tags: ['today'],
        summary: 'What is overdue, due today and due this week, each with its reason',
        querystring: todayQuerySchema,
        response: { 200: todaySchema, 400: errors[400] },
      },
    },
    async (request, reply) => {
      await sendCached(ctx, request, reply, (deps) =>
        getToday(deps, request.query.asOf, request.query.first),
      );
    },
  );

  const tags = ['drafts'];
  app.get(
    '/api/follow-ups/:id/draft',
    {
      schema: {
        tags,
        summary: 'The message for a step: subject, body, missing fields and a mailto: link',
        params: idParams,
        response: { 200: stepDraftSchema, 404: errors[404], 409: errors[409] },
      },
    },
    (request) => draftForStep(depsFor(request), request.params.id),
  );
  const emlResponse = {
    200: z.any().describe('the message as an .eml file (message/rfc822)'),
    400: errors[400],
    404: errors[404],
    409: errors[409],
  };
  const sendEml = (reply: FastifyReply, id: string, eml: Buffer) =>
    reply
      .type('message/rfc822')
      .header('content-disposition', `attachment; filename="hearback-${id}.eml"`)
      .send(eml);
  app.get(
    '/api/follow-ups/:id/draft.eml',
    {
      schema: {
        tags,
        summary: 'The draft as an .eml file to open in your mail program',
        params: idParams,
        querystring: z.strictObject({ to: email.optional() }),
        produces: ['message/rfc822'],
        response: emlResponse,
      },
    },
    async (request, reply) => {
      const { to } = request.query;
      const eml = await emlForStep(depsFor(request), request.params.id, to ? { to } : {});
      return sendEml(reply, request.params.id, eml);
    },
  );
  app.post(
    '/api/follow-ups/:id/draft.eml',
    {
      schema: {
        tags,
        summary: 'The message as you edited it, as an .eml file to open in your mail program',
        params: idParams,
        body: messageEdits,
        produces: ['message/rfc822'],
        response: emlResponse,
      },
    },
    async (request, reply) => {
      const eml = await emlForStep(depsFor(request), request.params.id, request.body);
      return sendEml(reply, request.params.id, eml);
    },
  );
  app.post(
    '/api/follow-ups/:id/send',
    {
      schema: {
        tags,
        summary: 'Send the message through your own SMTP server; records it and marks the step done',
        params: idParams,
        body: messageEdits,
        response: {
          200: sentDraftSchema,
          400: errors[400],
          404: errors[404],
          409: errors[409],
          502: errors[409].describe('The mail server did not take the message'),
        },
      },
    },
    (request) => sendStepEmail(depsFor(request), request.params.id, request.body),
  );

  app.get(
    '/api/templates',
    { schema: { tags: ['templates'], response: { 200: z.array(templateViewSchema) } } },
    (request) => listTemplates(depsFor(request)),
  );
  app.put(
    '/api/templates/:kind',
    {
      schema: {
        tags: ['templates'],
        summary: 'Save your own template for a kind of message',
        params: kindParams,
        body: templateInput,
        response: { 200: templateViewSchema, 400: errors[400] },
      },
    },
    (request) => saveTemplate(depsFor(request), request.params.kind, request.body),
  );
  app.delete(
    '/api/templates/:kind',
    {
      schema: {
        tags: ['templates'],
        summary: 'Go back to the default template',
        params: kindParams,
        response: { 200: templateViewSchema },
      },
    },
    (request) => resetTemplate(depsFor(request), request.params.kind),
  );
  app.post(
    '/api/templates/:kind/preview',
    {
      schema: {
        tags: ['templates'],
        summary: 'Render a template against a step, or sample data, without saving it',
        params: kindParams,
        body: templateInput.extend({ followUpId: z.string().optional() }),
        response: { 200: renderedTemplateSchema, 400: errors[400], 404: errors[404] },
      },
    },
    (request) => previewTemplate(depsFor(request), request.params.kind, request.body),
  );

  app.get('/api/playbook', { schema: { tags: ['playbook'], response: { 200: playbookSchema } } }, (request) =>
    getPlaybook(depsFor(request)),
  );
  app.patch(
    '/api/playbook',
    {
      schema: {
        tags: ['playbook'],
        summary: 'Change delays, channels, on/off and custom steps; every application is re-planned',
        body: playbookUpdateSchema,
        response: { 200: playbookSchema, 400: errors[400] },
      },
    },
    (request) => updatePlaybook(depsFor(request), request.body),
  );
  app.delete(
    '/api/playbook',
    {
      schema: {
        tags: ['playbook'],
        summary: 'Go back to the default playbook',
        response: { 200: playbookSchema },
      },
    },
    (request) => resetPlaybook(depsFor(request)),
  );
}
