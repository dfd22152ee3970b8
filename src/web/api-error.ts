import type { ErrorCode, FieldIssue } from '../core/errors.js';

/** The server's codes, plus the two ways a request fails before the server can answer in its own words. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

/**
 * A failed API call, read from the server's `{ error: { code, message, details } }` body. `issues` names each
 * field the server refused, so forms can show every message beside its own input.
 */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;
  readonly issues: readonly FieldIssue[];
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: ClientErrorCode,
    message: string,
    status: number,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
    this.issues = readIssues(details.issues);
  }

  /** True when the route does not exist on this server yet (a feature still being built). */
  get isMissingRoute(): boolean {
    return this.code === 'ROUTE_NOT_FOUND';
  }
}

/** Builds the error for a response that was not ok, whatever its body holds. */
export async function readApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  const body = parseJson(text);
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string') {
    return new ApiError(
      'UNEXPECTED_RESPONSE',
      `The server answered ${response.status} ${response.statusText || ''}`.trim(),
      response.status,
    );
  }
  const details = isRecord(error.details) ? error.details : {};
  return new ApiError(error.code as ClientErrorCode, error.message, response.status, details);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A message for people, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}

function readIssues(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((issue) =>
    isRecord(issue) && typeof issue.field === 'string' && typeof issue.message === 'string'
      ? [{ field: issue.field, message: issue.message }]
      : [],
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
