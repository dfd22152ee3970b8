import type { ErrorDetails } from '../core/error-body.js';
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
  readonly details: Readonly<ErrorDetails>;

  constructor(
    code: ClientErrorCode,
    message: string,
    status: number,
    details: Readonly<ErrorDetails> = {},
    issues: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
    this.issues = issues;
  }

  /** True when the route does not exist on this server yet (a feature still being built). */
  get isMissingRoute(): boolean {
    return this.code === 'ROUTE_NOT_FOUND';
  }
}

/**
 * Builds the error for a response that was not ok, whatever its body holds: a proxy or a crashed server may
 * answer in its own words, so the body is checked against the API's one error shape before it is trusted.
 */
export async function readApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  // Loaded on the first failure only: the schema needs zod, which the first page's script does without.
  const { errorResponseSchema } = await import('../core/error-body.js');
  const parsed = errorResponseSchema.safeParse(parseJson(text));
  if (!parsed.success) {
    return new ApiError(
      'UNEXPECTED_RESPONSE',
      `The server answered ${response.status} ${response.statusText || ''}`.trim(),
      response.status,
    );
  }
  const { code, message, details } = parsed.data.error;
  // The per-field messages of a VALIDATION_FAILED (or other) error; none when the details hold none.
  return new ApiError(code, message, response.status, details ?? {}, details?.issues ?? []);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * Whether the same request may go through if sent again: the server was not reached, or failed on its side.
 * A refusal in the server's own words (a 4xx: not found, not open any more) would only be refused again.
 */
export function isWorthRetrying(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.code === 'NETWORK_ERROR' || error.code === 'UNEXPECTED_RESPONSE' || error.status >= 500;
}

/** A message for people, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
