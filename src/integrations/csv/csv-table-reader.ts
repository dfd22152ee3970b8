import type { CsvTableReader } from '../../core/ports.js';

/** The CsvTableReader port on papaparse, loaded with the first CSV file rather than at start-up. */
export const papaCsvTableReader: CsvTableReader = {
  read: async (input, limits) => (await import('./parse-csv-table.js')).parseCsvTable(input, limits),
};
