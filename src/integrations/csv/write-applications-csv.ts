import { stringify } from 'csv-stringify/sync';
import type { ExportedApplication } from '../../core/ports.js';
import { neutralizeCell } from '../../core/spreadsheet-safety.js';

export type { ExportedApplication };

/**
 * The columns of hearback's CSV export. Import recognises this header row as the `hearback` format, so an
 * export imports back with the same stages, outcomes and dates.
 */
export const exportColumns = [
  'Company',
  'Job title',
  'Posting URL',
  'Location',
  'Stage',
  'Furthest stage',
  'Outcome',
  'Closed reason',
  'Saved',
  'Applied',
  'Stage changed',
  'Ended',
  'Source',
  'Source detail',
  'Priority',
  'Tags',
  'Notes',
  'Company size',
  'Industry',
] as const;

/**
 * Writes applications as CSV for spreadsheets: UTF-8 with a BOM (so Excel reads accents right), CRLF line
 * ends, every cell quoted (so line breaks inside notes survive), instants in ISO 8601 UTC, and every cell
 * that a spreadsheet would run as a formula neutralised (see core/spreadsheet-safety.ts).
 */
export function formatApplicationsCsv(rows: Iterable<ExportedApplication>): string {
  const records: string[][] = [];
  for (const { application: a, savedAt, stageChangedAt, company } of rows) {
    records.push(
      [
        a.company.name,
        a.jobTitle,
        a.postingUrl ?? '',
        a.posting.location ?? '',
        a.stage,
        a.furthestStage,
        a.outcome ?? '',
        a.closedReason ?? '',
        savedAt ?? '',
        a.appliedAt ?? '',
        stageChangedAt ?? '',
        a.endedAt ?? '',
        a.source.kind,
        a.source.detail ?? '',
        String(a.priority),
        a.tags.join(', '),
        a.notes,
        company?.sizeBand ?? '',
        company?.industry ?? '',
      ].map(neutralizeCell),
    );
  }
  return stringify(records, {
    header: true,
    columns: [...exportColumns],
    bom: true,
    quoted: true,
    record_delimiter: 'windows',
  });
}
