import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type Application, emptyPosting } from '../../core/application.js';
import { exportColumns, formatApplicationsCsv } from './write-applications-csv.js';

const application: Application = {
  id: '01J0000000000000000000000A',
  company: { id: 'c1', name: '=HYPERLINK("http://evil.example")' },
  jobTitle: 'Engineer, "Platform"',
  postingUrl: 'https://acme.example/jobs/1',
  posting: { ...emptyPosting, location: 'Berlin' },
  source: { kind: 'referral', detail: '+1 555 0100' },
  priority: 4,
  tags: ['remote', 'go'],
  resume: null,
  coverLetter: null,
  notes: '-5 years of Go?\nsecond line\r\n@mention',
  stage: 'ended',
  furthestStage: 'interviewing',
  outcome: 'rejected',
  closedReason: null,
  appliedAt: '2026-01-05T12:00:00.000Z',
  endedAt: '2026-02-01T09:30:00.000Z',
  stageChangedAt: '2026-02-01T09:30:00.000Z',
  createdAt: '2026-01-05T12:00:00.000Z',
  updatedAt: '2026-02-01T09:30:00.000Z',
};

describe('formatApplicationsCsv', () => {
  it('writes a BOM, a header and one quoted CRLF row per application', () => {
    const csv = formatApplicationsCsv([
      {
        application,
        savedAt: null,
        stageChangedAt: '2026-02-01T09:30:00.000Z',
        company: { sizeBand: '10000+', industry: '=cmd|" /C calc"!A0' },
      },
    ]);
    expect(csv.startsWith('\uFEFF"Company","Job title","Posting URL"')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...exportColumns]);
    expect(rows[1]).toEqual([
      '\'=HYPERLINK("http://evil.example")',
      'Engineer, "Platform"',
      'https://acme.example/jobs/1',
      'Berlin',
      'ended',
      'interviewing',
      'rejected',
      '',
      '',
      '2026-01-05T12:00:00.000Z',
      '2026-02-01T09:30:00.000Z',
      '2026-02-01T09:30:00.000Z',
      'referral',
      "'+1 555 0100",
      '4',
      'remote, go',
      "'-5 years of Go?\nsecond line\r\n@mention",
      '10000+',
      '\'=cmd|" /C calc"!A0',
    ]);
  });

  it('writes only the header for no applications', () => {
    expect(parse(formatApplicationsCsv([]), { bom: true })).toEqual([[...exportColumns]]);
  });
});
