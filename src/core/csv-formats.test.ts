import { describe, expect, it } from 'vitest';
import { exportColumns } from '../integrations/csv/write-applications-csv.js';
import { detectCsvFormat } from './csv-formats.js';

const headersOf = (line: string) => line.split(',');

describe('detectCsvFormat', () => {
  it('recognises each known export by its header row', () => {
    const cases: Array<[string, string]> = [
      [
        'id,createdAt,title,salary,location,url,rootDomain,htmlDescription,deadline,color,lastMovedAt,boardId,boardName,listId,listName,companyId,companyName,companyDomain,creatorUserId,creatorUserFirstName,creatorUserLastName,creatorUserEmail',
        'huntr',
      ],
      [
        'Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers',
        'linkedin_applications',
      ],
      ['Saved Date,Job Url,Job Title,Company Name', 'linkedin_saved_jobs'],
      ['index,createdAt,applied,appliedDate,Company,JobTitle,jobType,Locations,JobSource,Status', 'jobsync'],
      ['Job Position,Company,Location,Status,Excitement,Date Saved,Date Applied,URL', 'teal'],
      [exportColumns.join(','), 'hearback'],
      ['Company,Title,Status,Date', 'generic'],
    ];
    for (const [line, id] of cases)
      expect([line.slice(0, 30), detectCsvFormat(headersOf(line)).id]).toEqual([line.slice(0, 30), id]);
  });
});
