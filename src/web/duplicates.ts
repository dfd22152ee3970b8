import type { ApiError } from './api-error.js';

export type Duplicate = {
  readonly id: string;
  readonly jobTitle: string;
  readonly companyName: string;
  readonly reason: 'posting_url' | 'company_and_title';
};

/** The applications a DUPLICATE_APPLICATION error says you already track; empty for any other error. */
export function readDuplicates(error: ApiError): Duplicate[] {
  if (error.code !== 'DUPLICATE_APPLICATION' || !Array.isArray(error.details.duplicates)) return [];
  return error.details.duplicates.flatMap((entry: unknown): Duplicate[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const d = entry as Record<string, unknown>;
    if (typeof d.id !== 'string' || typeof d.jobTitle !== 'string' || typeof d.companyName !== 'string')
      return [];
    return [
      {
        id: d.id,
        jobTitle: d.jobTitle,
        companyName: d.companyName,
        reason: d.reason === 'posting_url' ? 'posting_url' : 'company_and_title',
      },
    ];
  });
}

/** Whether pasted text is a link to the posting (kept as its URL) or the posting itself (kept as its text). */
export function readPastedPosting(text: string): { postingUrl: string } | { descriptionText: string } | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (/^https?:\/\/\S+$/i.test(trimmed)) return { postingUrl: trimmed };
  return { descriptionText: text };
}
