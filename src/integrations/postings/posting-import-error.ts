import type { ErrorDetails } from '../../core/error-body.js';

/**
 * Why adding a job from a URL or a pasted page failed. The codes are meant to become AppError codes at the
 * edge (the API, the CLI), which owns the mapping to HTTP statuses; this module stays free of that.
 */
export const postingErrorCodes = [
  'POSTING_UNSUPPORTED_URL',
  'POSTING_BLOCKED_ADDRESS',
  'POSTING_FETCH_FAILED',
  'POSTING_TIMEOUT',
  'POSTING_TOO_MANY_REDIRECTS',
  'POSTING_TOO_LARGE',
  'POSTING_NOT_FOUND',
  'POSTING_UNREADABLE',
] as const;

export type PostingErrorCode = (typeof postingErrorCodes)[number];

export class PostingImportError extends Error {
  readonly code: PostingErrorCode;
  readonly details: Readonly<ErrorDetails> | undefined;

  constructor(code: PostingErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'PostingImportError';
    this.code = code;
    this.details = details;
  }
}

export function isPostingImportError(error: unknown): error is PostingImportError {
  return error instanceof PostingImportError;
}
