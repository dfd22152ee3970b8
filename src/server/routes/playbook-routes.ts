import { playbookSchema, playbookUpdateSchema } from '../../core/playbook.js';
import { getPlaybook, resetPlaybook, updatePlaybook } from '../../services/playbook.js';
import { type App, errors, type RouteContext } from '../route-kit.js';

/** The playbook: the rules the follow-up plan is made from. */
export function playbookRoutes(app: App, ctx: RouteContext): void {
  const { depsFor } = ctx;
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
