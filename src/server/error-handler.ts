import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorResponse } from '../core/error-body.js';
import { AppError, type FieldIssue } from '../core/errors.js';
import { errorStatus } from './error-status.js';

type ErrorBody = ErrorResponse;

/**
 * Every failure leaves the server as `{ error: { code, message, details } }`. Expected failures carry their
 * code; request validation becomes VALIDATION_FAILED with one issue per field; anything unexpected is
 * logged once with the request id and answered as INTERNAL_ERROR without internals.
 */
export function installErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body =
      staticFileErrorBody(error, request) ??
      toErrorBody(error, error.validationContext, routeBodyLimit(request, bodyLimit));
    const status = errorStatus[body.error.code];
    if (status >= 500) request.log.error({ err: error }, 'unexpected error');
    return reply.status(status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(routeNotFound(request));
  });
}

/** The limit that refused the body: the route's own when it sets one, else the server's. */
function routeBodyLimit(request: FastifyRequest, serverLimit: number): number {
  return request.routeOptions.bodyLimit ?? serverLimit;
}

/** `2 MiB (2,097,152 bytes)`: the unit people read, and the exact number a program can check. */
export function describeBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} bytes`;
  for (const [unit, size] of [
    ['MiB', 1024 * 1024],
    ['KiB', 1024],
  ] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit} (${exact})`;
  }
  return exact;
}

function routeNotFound(request: FastifyRequest): ErrorBody {
  return {
    error: { code: 'ROUTE_NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` },
  };
}

/**
 * @fastify/static (the web app's files, Swagger UI's) refuses a path that leaves its folder or names a hidden
 * file with a 403 error, and a NUL byte with a 400: the first is the same 404 as any unknown path (it does not
 * say whether the file exists), the second a malformed path. A Range beyond the file (416) and a failed
 * If-Match or If-Unmodified-Since (412) keep their status. None is a failure of ours.
 */
function staticFileErrorBody(error: FastifyError, request: FastifyRequest): ErrorBody | null {
  if (error instanceof AppError || !request.routeOptions.url?.endsWith('*')) return null;
  if (error.statusCode === 403 || error.statusCode === 404) return routeNotFound(request);
  if (error.statusCode === 400 && !(error instanceof SyntaxError)) return invalidPath(request.url);
  if (error.statusCode === 416) {
    return {
      error: {
        code: 'RANGE_NOT_SATISFIABLE',
        message: 'range: outside the file; ask without a Range header',
      },
    };
  }
  if (error.statusCode === 412) {
    return {
      error: {
        code: 'PRECONDITION_FAILED',
        message: 'The file changed since the version named by If-Match or If-Unmodified-Since',
      },
    };
  }
  return null;
}

function invalidPath(url: string): ErrorBody {
  return {
    error: {
      code: 'INVALID_PATH',
      message: `The path ${JSON.stringify(url.split('?')[0]!.slice(0, 200))} is malformed (broken percent-encoding or a NUL byte)`,
    },
  };
}

/**
 * Fastify's own answer to a path it cannot decode (`/%`, `/%E0%A4%A`), in the same envelope as every other
 * error: pass it as the `frameworkErrors` option of Fastify().
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  if (error.code === 'FST_ERR_BAD_URL') {
    reply.status(400).send(invalidPath(request.url));
    return;
  }
  request.log.error({ err: error }, 'unexpected error');
  reply.status(500).send({
    error: { code: 'INTERNAL_ERROR', message: 'Something went wrong; the server log has the details' },
  } satisfies ErrorBody);
}

function toErrorBody(error: FastifyError, context: string | undefined, bodyLimit: number): ErrorBody {
  if (error instanceof AppError) {
    return {
      error: { code: error.code, message: error.message, ...(error.details && { details: error.details }) },
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.flatMap((v) => toFieldIssues(v, context));
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    return {
      error: {
        code: 'VALIDATION_FAILED',
        message: first ? `${first.field}: ${first.message}${more}` : 'The request is not valid',
        details: { issues },
      },
    };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { error: { code: 'INVALID_JSON', message: `body: ${error.message}` } };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        error: {
          code: 'BODY_TOO_LARGE',
          message: `body: larger than this route's limit of ${describeBytes(bodyLimit)}`,
          details: { limit: bodyLimit },
        },
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'body: send it as application/json' } };
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return { error: { code: 'INVALID_JSON', message: `body: ${error.message}` } };
  }
  return {
    error: { code: 'INTERNAL_ERROR', message: 'Something went wrong; the server log has the details' },
  };
}

type ValidationEntry = {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
};

function toFieldIssues(entry: ValidationEntry, context: string | undefined): FieldIssue[] {
  const path = entry.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  const where = path || context || 'body';
  if (entry.keyword === 'unrecognized_keys' && Array.isArray(entry.params.keys)) {
    return entry.params.keys.map((key) => ({
      field: path ? `${path}.${String(key)}` : String(key),
      message: 'is not a known field',
    }));
  }
  const message = entry.message ?? 'is not valid';
  const isMissing = entry.keyword === 'invalid_type' && /received undefined$/.test(message);
  return [{ field: where, message: isMissing ? 'is required' : message }];
}
