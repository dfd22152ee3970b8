import type { ApplicationCreate } from '../../core/application.js';
import { limits } from '../../core/field-limits.js';
import type { ExtractedPosting } from './extracted-posting.js';
import { describePostingSite } from './posting-site.js';

const trackerNames = { greenhouse: 'Greenhouse', lever: 'Lever', ashby: 'Ashby' } as const;

/**
 * The application to create from an extracted posting. A missing title or company becomes an empty string
 * on purpose: `applicationCreateSchema` then refuses it with VALIDATION_FAILED naming that field, which is
 * the error the user should see ("add the company"), rather than a posting error.
 */
export function toApplicationCreate(extracted: ExtractedPosting): ApplicationCreate {
  return {
    companyName: extracted.companyName ?? '',
    jobTitle: extracted.jobTitle ?? '',
    postingUrl: extracted.postingUrl,
    posting: extracted.posting,
    source: describeSource(extracted),
  };
}

function describeSource(extracted: ExtractedPosting): NonNullable<ApplicationCreate['source']> {
  if (extracted.source === 'greenhouse' || extracted.source === 'lever' || extracted.source === 'ashby') {
    return { kind: 'company_site', detail: trackerNames[extracted.source] };
  }
  const site = describePostingSite(extracted.postingUrl);
  if (site === null) return { kind: 'other', detail: 'pasted posting' };
  return { kind: site.kind, detail: site.name.slice(0, limits.name) };
}
