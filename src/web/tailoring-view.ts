import type { PostingSection } from '../core/tailoring-check.js';
import { ApiError } from './api-error.js';

/** Where in the posting a keyword was asked for, in words for people. */
export const postingSectionLabels: Readonly<Record<PostingSection, string>> = {
  requirements: 'requirements',
  preferred: 'nice to have',
  responsibilities: 'responsibilities',
  company: 'about the company',
  benefits: 'benefits',
  legal: 'legal text',
  other: 'posting',
};

/** Plain words for a tailoring check that could not run, led by what to do about it. */
export function explainTailoringError(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : 'Something went wrong';
  switch (error.code) {
    case 'TAILORING_NEEDS_POSTING':
      return 'This application has no posting text to compare with. Add the posting’s description (Edit details, or paste the posting), then check again.';
    case 'RESUME_NO_TEXT':
      return `No text found in this file: it may be scanned (a picture of text) or empty. Paste the text instead, or upload a PDF or DOCX saved from your word processor. (${error.message})`;
    case 'RESUME_UNSUPPORTED_TYPE':
      return `hearback reads PDF, DOCX and plain-text files. ${error.message}`;
    case 'RESUME_UNREADABLE':
      return `This file could not be read: it may be damaged, password-protected, or not what its name says. (${error.message})`;
    case 'RESUME_TOO_LARGE':
      return `This file is too large to check. ${error.message}`;
    case 'RESUME_TIMEOUT':
      return `Reading this file took too long. Paste its text instead. (${error.message})`;
    case 'BODY_TOO_LARGE':
      return 'The file is too large to send: resumes of up to 10 MB can be checked.';
    default:
      return error.message;
  }
}
