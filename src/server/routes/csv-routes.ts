import { z } from 'zod';
import {
  csvImportChoicesSchema,
  csvImportPreviewSchema,
  csvImportResultSchema,
} from '../../core/csv-import.js';
import { exportApplicationsCsv } from '../../services/csv-export.js';
import { importCsv, previewCsvImport } from '../../services/csv-import.js';
import { getSettings } from '../../services/settings.js';
import { type App, errors, type RouteContext } from '../route-kit.js';

/** CSV files up to the reader's own 50 MB limit, as text inside JSON. */
const csvBodyLimit = 60 * 1024 * 1024;

const csvInput = z.strictObject({
  csv: z.string().max(csvBodyLimit).describe('the file as text (UTF-8; a BOM is fine)'),
  ...csvImportChoicesSchema.shape,
});

/** Importing spreadsheets and other trackers' exports, and exporting applications as CSV. */
export function csvRoutes(app: App, ctx: RouteContext): void {
  const { depsFor } = ctx;
  const tags = ['import'];
  app.post(
    '/api/import/csv/preview',
    {
      bodyLimit: csvBodyLimit,
      schema: {
        tags,
        summary:
          'Dry run: the detected format and mapping, and per row what would be created, duplicates and errors',
        body: csvInput,
        response: { 200: csvImportPreviewSchema, 400: errors[400] },
      },
    },
    async (request) => {
      const deps = depsFor(request);
      const { csv, ...options } = request.body;
      const zone = options.timeZone ?? (await getSettings(deps)).timeZone;
      return previewCsvImport(deps, csv, { ...options, timeZone: zone });
    },
  );
  app.post(
    '/api/import/csv',
    {
      bodyLimit: csvBodyLimit,
      schema: {
        tags,
        summary: 'Import a CSV file all or nothing: a file with bad rows imports none unless skipInvalidRows',
        body: csvInput,
        response: { 200: csvImportResultSchema, 400: errors[400] },
      },
    },
    async (request) => {
      const deps = depsFor(request);
      const { csv, ...options } = request.body;
      const zone = options.timeZone ?? (await getSettings(deps)).timeZone;
      return importCsv(deps, csv, { ...options, timeZone: zone });
    },
  );
  app.get(
    '/api/export/applications.csv',
    {
      schema: {
        tags: ['backup'],
        summary: 'Applications as CSV, with formula-like cells neutralised so a spreadsheet never runs them',
        produces: ['text/csv'],
        response: { 200: z.any().describe('text/csv') },
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="hearback-applications.csv"')
        .send(await exportApplicationsCsv(depsFor(request))),
  );
}
