import { z } from 'zod';
import { backupSchema, restoreReportSchema } from '../../core/backup.js';
import { exportBackup, restoreBackup } from '../../services/backup.js';
import { type App, errors, type RouteContext } from '../route-kit.js';

/** Backups can be large; this route alone accepts bodies up to this size. */
export const backupBodyLimit = 100 * 1024 * 1024;

export function backupRoutes(app: App, ctx: RouteContext): void {
  const { depsFor } = ctx;
  const tags = ['backup'];
  app.get(
    '/api/backup',
    {
      schema: {
        tags,
        summary: 'Download every record as one JSON document',
        response: { 200: backupSchema },
      },
    },
    (request) => exportBackup(depsFor(request)),
  );
  app.post(
    '/api/backup/restore',
    {
      bodyLimit: backupBodyLimit,
      schema: {
        tags,
        summary: 'Restore a backup into an empty database (or replace everything), all or nothing',
        querystring: z.strictObject({ replace: z.enum(['true', 'false']).default('false') }),
        body: z.unknown().describe('a document produced by GET /api/backup'),
        response: {
          200: restoreReportSchema,
          400: errors[400],
          409: errors[409],
        },
      },
    },
    (request) => restoreBackup(depsFor(request), request.body, { replace: request.query.replace === 'true' }),
  );
}
