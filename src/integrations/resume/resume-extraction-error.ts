import type { ErrorDetails } from '../../core/error-body.js';

/**
 * Why reading text out of an uploaded resume (or cover letter) failed. The codes are meant to become
 * AppError codes at the edge (the API, the CLI), which owns the mapping to HTTP statuses; this module stays
 * free of that.
 */
export const resumeErrorCodes = [
  /** Over a limit: file size, page count, uncompressed DOCX size or ratio (a zip bomb), extracted text. */
  'RESUME_TOO_LARGE',
  /** Not a PDF, DOCX or UTF-8 text file (a legacy .doc, an image, an OpenDocument file, binary data). */
  'RESUME_UNSUPPORTED_TYPE',
  /** Claims to be a supported type but is damaged, encrypted or inconsistent. */
  'RESUME_UNREADABLE',
  /** Parsed fine but holds no text layer (a scanned page, an empty document). */
  'RESUME_NO_TEXT',
  /** Took longer than the time budget. */
  'RESUME_TIMEOUT',
] as const;

export type ResumeErrorCode = (typeof resumeErrorCodes)[number];

export class ResumeExtractionError extends Error {
  readonly code: ResumeErrorCode;
  readonly details: Readonly<ErrorDetails> | undefined;

  constructor(code: ResumeErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'ResumeExtractionError';
    this.code = code;
    this.details = details;
  }
}

export function isResumeExtractionError(error: unknown): error is ResumeExtractionError {
  return error instanceof ResumeExtractionError;
}
