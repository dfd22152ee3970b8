import type { ErrorDetails } from './error-body.js';

/**
 * Every expected failure in hearback has a code from this catalogue. Core and services throw AppError with
 * a code; the HTTP edge maps codes to statuses (src/server/error-status.ts) and the CLI prints the message.
 * docs/errors.md documents every code, and a test keeps the two in step.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: 'The input does not match the expected shape; details name each field and the problem.',
  INVALID_JSON: 'The request body is not valid JSON.',
  BODY_TOO_LARGE: 'The request body is larger than the documented limit.',
  UNSUPPORTED_MEDIA_TYPE: 'The request body is not sent as application/json.',
  ROUTE_NOT_FOUND: 'No API route matches the method and path.',
  INVALID_CURSOR: 'The pagination cursor is malformed or belongs to another sort order.',
  APPLICATION_NOT_FOUND: 'No application with that id.',
  COMPANY_NOT_FOUND: 'No company with that id.',
  CONTACT_NOT_FOUND: 'No contact with that id.',
  INTERVIEW_NOT_FOUND: 'No interview with that id.',
  EVENT_NOT_FOUND: 'No event with that id.',
  FOLLOW_UP_NOT_FOUND: 'No follow-up step with that id.',
  AMBIGUOUS_ID: 'An id prefix matches more than one record; type more characters.',
  DUPLICATE_APPLICATION:
    'An application with the same posting URL, or the same company and job title, already exists.',
  DUPLICATE_COMPANY: 'A company with that name already exists.',
  INVALID_STAGE_CHANGE: 'The stage change is not allowed (same stage, missing outcome, or out of order).',
  EVENT_NOT_EDITABLE:
    'Stage changes and interview entries are history; change them through their own commands.',
  COMPANY_IN_USE: 'The company still has applications; delete or move them first.',
  FOLLOW_UP_NOT_OPEN: 'The follow-up step is already done or skipped.',
  FOLLOW_UP_NOT_REOPENABLE:
    'The step cannot be opened again: the plan has moved on (a later stage, an answer from the employer).',
  STAGE_CHANGE_NOT_LATEST:
    'The move to take back is not the application’s latest: it has moved since, or it was never moved.',
  DRAFT_NOT_AVAILABLE: 'This kind of step has no message to draft (a suggestion, or a step of your own).',
  EMAIL_NOT_CONFIGURED: 'No outgoing mail server (SMTP) is set in settings.',
  EMAIL_SEND_FAILED: 'The mail server did not take the message; the details say why. Nothing was recorded.',
  CALENDAR_FEED_EXISTS:
    'A calendar feed URL is already issued; re-issue it to get a new one (the old URL stops working).',
  RESPONSE_LINK_UNAVAILABLE:
    'The employer response link needs hearback reachable from outside (HEARBACK_PUBLIC_URL is not set).',
  FOLLOW_UP_IS_PLANNED:
    'A step from the playbook cannot be deleted (it would be planned again); skip it instead.',
  POSTING_UNSUPPORTED_URL: 'Only http and https URLs without credentials can be read.',
  POSTING_BLOCKED_ADDRESS:
    'The URL points at a private or local network address, which this server does not fetch.',
  POSTING_FETCH_FAILED: 'The posting could not be fetched (the site refused or did not answer).',
  POSTING_TIMEOUT: 'The site took too long to answer.',
  POSTING_TOO_MANY_REDIRECTS: 'The URL redirected too many times (or in a loop).',
  POSTING_TOO_LARGE: 'The page is larger than hearback reads.',
  POSTING_NOT_FOUND: 'The posting is gone: the page or the ATS answered that it does not exist.',
  POSTING_UNREADABLE: 'The answer is not a page hearback can read (binary, an image, malformed data).',
  RESUME_TOO_LARGE: 'The file is over the size, page, text or unpacked-size limit.',
  RESUME_UNSUPPORTED_TYPE: 'Only PDF, DOCX and plain-text resumes can be read.',
  RESUME_UNREADABLE: 'The file is damaged, encrypted, or not what its name says.',
  RESUME_NO_TEXT: 'No text was found (a scanned or empty document).',
  RESUME_TIMEOUT: 'Reading the file took longer than allowed.',
  TAILORING_NEEDS_POSTING: 'The application has no posting text to check a resume against.',
  IMPORT_TARGET_NOT_EMPTY: 'A backup can only be restored into an empty database (or with replace).',
  INVALID_BACKUP: 'The backup file is not a hearback backup, or its records do not fit together.',
  INVALID_PATH: 'The request path is malformed: broken percent-encoding, or a NUL byte.',
  HOST_NOT_ALLOWED:
    'The Host header names a host this hearback does not answer to (a DNS-rebinding page, or a missing HEARBACK_ALLOWED_HOSTS entry).',
  CROSS_ORIGIN_REQUEST:
    'A state-changing request came from a page of another site (Origin or Sec-Fetch-Site).',
  SIGN_IN_REQUIRED:
    'Server mode: the request carries no valid session (never signed in, signed out, or the session expired).',
  EXTENSION_PAIRING_FAILED: 'The pairing code is wrong, has expired, or was used already.',
  EXTENSION_TOKEN_INVALID:
    'The browser extension sent no token, or one this hearback does not know (never paired, or revoked).',
  EXTENSION_ORIGIN_REQUIRED: 'The request did not come from the hearback browser extension (its Origin).',
  EXTENSION_TOKEN_NOT_FOUND: 'No browser extension token with that id.',
  EXTENSION_PAIRING_LIMITED: 'Too many pairing attempts from this address; wait a minute and try again.',
  ROLE_REQUIRED: 'Server mode: the route is for another role (a coach’s or an admin’s pages).',
  SHARE_NOT_FOUND: 'No share of yours with that id (it was revoked, or never made).',
  JOB_SEEKER_NOT_FOUND: 'No job seeker shares anything with you under that id.',
  INVITATION_NOT_FOUND:
    'Server mode: no invitation with that link or id (it was revoked, used already, has expired, or never existed).',
  ACCOUNTS_NOT_ENABLED: 'Local mode has no accounts: roles, shares and admin need server mode.',
  RANGE_NOT_SATISFIABLE: 'A Range header asks for bytes outside the file.',
  PRECONDITION_FAILED: 'An If-Match or If-Unmodified-Since header does not match the file.',
  INBOX_NOT_CONNECTED: 'No mailbox is connected; connect one first (hearback inbox connect).',
  INBOX_CONNECT_FAILED: 'The IMAP server could not be reached or refused the login; nothing was stored.',
  INBOX_SECRET_KEY:
    'The key that encrypts the mailbox password is missing, malformed, or not the one it was stored with.',
  INBOX_MESSAGE_NOT_FOUND: 'No message with that id waits in the review queue.',
  INTERNAL_ERROR: 'Something unexpected went wrong; the server log has the details under the request id.',
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export type FieldIssue = { readonly field: string; readonly message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<ErrorDetails> | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** A VALIDATION_FAILED error for one field, in the same shape zod failures are reported in. */
export function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `${field}: ${message}`, { issues: [{ field, message }] });
}
