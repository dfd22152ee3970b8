import type { ApplicationDuplicate } from '../core/application.js';
import type { ApiError } from './api-error.js';

export type Duplicate = ApplicationDuplicate;

/**
 * The applications a DUPLICATE_APPLICATION error says you already track; empty for any other error. Error
 * details were read with the core schema of what the server puts there (core/error-body.ts).
 */
export function readDuplicates(error: ApiError): Duplicate[] {
  if (error.code !== 'DUPLICATE_APPLICATION') return [];
  return [...(error.details.duplicates ?? [])];
}

/** Whether pasted text is a link to the posting (kept as its URL) or the posting itself (kept as its text). */
export function readPastedPosting(text: string): { postingUrl: string } | { descriptionText: string } | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (/^https?:\/\/\S+$/i.test(trimmed)) return { postingUrl: trimmed };
  return { descriptionText: text };
}
