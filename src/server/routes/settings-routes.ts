import { placesSchema, settingsSchema, settingsUpdateSchema } from '../../core/settings.js';
import { getPlaces, getSettings, updateSettings } from '../../services/settings.js';
import { type App, errors, type RouteContext } from '../route-kit.js';

export function settingsRoutes(app: App, ctx: RouteContext): void {
  const { depsFor } = ctx;
  const tags = ['settings'];
  app.get('/api/settings', { schema: { tags, response: { 200: settingsSchema } } }, (request) =>
    getSettings(depsFor(request)),
  );
  app.patch(
    '/api/settings',
    {
      schema: {
        tags,
        description:
          'Changes the fields given. Any update, even an empty one, also marks the first-run set-up done (setUpAt).',
        body: settingsUpdateSchema,
        response: { 200: settingsSchema, 400: errors[400] },
      },
    },
    (request) => updateSettings(depsFor(request), request.body),
  );
  app.get('/api/places', { schema: { tags, response: { 200: placesSchema } } }, () => getPlaces());
}
