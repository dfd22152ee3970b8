import { type ApplicationDuplicate, applicationDuplicateSchema } from '../core/application.js';
import type { ApiError } from './api-error.js';

export type Duplicate = ApplicationDuplicate;

const duplicatesSchema = applicationDuplicateSchema.array();

/**
 * The applications a DUPLICATE_APPLICATION error says you already track; empty for any other error. Error
 * details differ by code, so this one is read with the core schema of what the server puts there.
 */
export function readDuplicates(error: ApiError): Duplicate[] {
  if (error.code !== 'DUPLICATE_APPLICATION') return [];
  const parsed = duplicatesSchema.safeParse(error.details.duplicates);
  return parsed.success ? parsed.data : [];
}

/** Whether pasted text is a link to the posting (kept as its URL) or the posting itself (kept as its text). */
export function readPastedPosting(text: string): { postingUrl: string } | { descriptionText: string } | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (/^https?:\/\/\S+$/i.test(trimmed)) return { postingUrl: trimmed };
  return { descriptionText: text };
}
