import { z } from 'zod';
import { inboxConnectSchema, inboxStatusSchema, inboxSyncReportSchema } from '../../core/inbox-account.js';
import { inboxMessageViewSchema, inboxReviewInputSchema } from '../../core/inbox-review.js';
import {
  confirmReviewItem,
  connectInbox,
  forgetInbox,
  getInboxStatus,
  ignoreReviewItem,
  listInboxMessagesOf,
  listReviewQueue,
  syncInbox,
} from '../../services/inbox.js';
import { type App, errors, idParams, noContent, type RouteContext } from '../route-kit.js';

const messageList = z.object({ items: z.array(inboxMessageViewSchema) }).meta({ id: 'InboxMessageList' });

/** Reading replies from the user's mailbox (docs/inbox.md). No route ever answers with the password. */
export function inboxRoutes(app: App, ctx: RouteContext): void {
  const { depsFor } = ctx;
  const tags = ['inbox'];
  const upstream = errors[409].describe('The mail server could not be reached or refused the login');
  app.get('/api/inbox', { schema: { tags, response: { 200: inboxStatusSchema } } }, (request) =>
    getInboxStatus(depsFor(request)),
  );
  app.put(
    '/api/inbox',
    {
      schema: {
        tags,
        description:
          'Connects the mailbox: logs in once to check, then keeps the IMAP URL encrypted. The answer says who is connected, never the password.',
        body: inboxConnectSchema,
        response: { 200: inboxStatusSchema, 400: errors[400], 409: errors[409], 502: upstream },
      },
    },
    (request) => connectInbox(depsFor(request), request.body),
  );
  app.delete(
    '/api/inbox',
    {
      schema: {
        tags,
        description:
          'Forgets the mailbox: its password, its folder positions and every message kept from it.',
        response: { 200: inboxStatusSchema },
      },
    },
    (request) => forgetInbox(depsFor(request)),
  );
  app.post(
    '/api/inbox/sync',
    {
      schema: {
        tags,
        description: 'Reads new mail once: what was fetched, matched, queued for review and ignored.',
        response: { 200: inboxSyncReportSchema, 409: errors[409] },
      },
    },
    (request) => syncInbox(depsFor(request)),
  );
  app.get('/api/inbox/review', { schema: { tags, response: { 200: messageList } } }, async (request) => ({
    items: await listReviewQueue(depsFor(request)),
  }));
  app.post(
    '/api/inbox/review/:id/confirm',
    {
      schema: {
        tags,
        description: 'Applies a queued message, as it is or corrected (which application, which kind).',
        params: idParams,
        body: inboxReviewInputSchema,
        response: { 200: inboxMessageViewSchema, 400: errors[400], 404: errors[404], 409: errors[409] },
      },
    },
    (request) => confirmReviewItem(depsFor(request), request.params.id, request.body),
  );
  app.delete(
    '/api/inbox/review/:id',
    {
      schema: {
        tags,
        description: 'Ignores a queued message: it is deleted and leaves no trace.',
        params: idParams,
        response: { ...noContent, 404: errors[404] },
      },
    },
    async (request, reply) => {
      await ignoreReviewItem(depsFor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/inbox/messages',
    {
      schema: {
        tags,
        description: 'The messages from the inbox on an application’s timeline, with why each was matched.',
        querystring: z.object({ applicationId: z.string().min(1).max(64) }),
        response: { 200: messageList, 400: errors[400] },
      },
    },
    async (request) => ({ items: await listInboxMessagesOf(depsFor(request), request.query.applicationId) }),
  );
}
