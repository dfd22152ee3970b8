import type { ApplicationsCsvWriter } from '../../core/ports.js';

/** The ApplicationsCsvWriter port, loading csv-stringify on the first export rather than at start-up. */
export const applicationsCsvWriter: ApplicationsCsvWriter = {
  write: async (rows) => (await import('./write-applications-csv.js')).formatApplicationsCsv(rows),
};
