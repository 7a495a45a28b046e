import type { FastifyError, FastifyInstance } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import type { TProblem } from '../../shared/problem';
import { AppError, problemType, type FieldError } from './app-error';
import { errorSummary } from './error-summary';
import { nulFields } from './input-guard';

const CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Every error leaves the server as RFC 9457 problem+json; internals never leak to the client. */
export function registerProblemHandlers(app: FastifyInstance): void {
  // Before schema validation, on every route: a NUL character anywhere in the path, query or body.
  app.addHook('preValidation', async (request) => {
    const errors = [...nulFields(request.params, 'path'), ...nulFields(request.query, 'query'), ...nulFields(request.body, 'body')];
    if (errors.length > 0) throw AppError.validation(errors);
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    let problem: TProblem;
    const extraHeaders: Record<string, string> = {};
    if (error instanceof AppError) {
      problem = {
        type: problemType(error.code),
        title: error.title,
        status: error.status,
        detail: error.message,
        ...(error.fieldErrors.length > 0 ? { errors: error.fieldErrors } : {}),
        ...error.extensions,
      };
      if (error.retryAfterSeconds !== undefined) extraHeaders['retry-after'] = String(error.retryAfterSeconds);
    } else if (error.code === 'FST_ERR_VALIDATION' && Array.isArray(error.validation)) {
      // Each message is worded by the schema or by humanMessage (./human-messages.ts).
      const location = locationName(error.validationContext);
      const errors: FieldError[] = error.validation.map((issue) => ({
        field: [location, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
        message: issue.message ?? 'is invalid',
      }));
      problem = {
        type: problemType('validation'),
        title: 'Invalid request',
        status: 400,
        detail: errors.map((e) => `${e.field} ${e.message}`).join('; '),
        errors,
      };
    } else if (isResponseSerializationError(error)) {
      request.log.error(
        { error: errorSummary(error), issues: error.cause.issues.map((issue) => ({ path: issue.path, code: issue.code })) },
        'response does not match its schema',
      );
      problem = internal();
    } else if (error.code?.startsWith('FST_CSRF')) {
      problem = {
        type: problemType('forbidden'),
        title: 'Not allowed',
        status: 403,
        detail: 'Missing or invalid CSRF token: send the x-csrf-token header with the csrfToken from GET /api/v1/me.',
      };
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, body too large, unsupported media type.
      problem = {
        type: 'about:blank',
        title: error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Unsupported media type' : 'Bad request',
        status: error.statusCode,
        detail: error.message,
      };
      const retryAfter = (error as { retryAfter?: number }).retryAfter;
      if (retryAfter !== undefined) extraHeaders['retry-after'] = String(retryAfter);
    } else if (raceLost(error)) {
      // Two requests wrote the same key or the same rows at once and the database decided: the
      // commands answer the races they know in their own words; this is the answer for the rest.
      request.log.info({ error: errorSummary(error) }, 'write lost a race');
      problem = {
        type: problemType('conflict'),
        title: 'Conflict',
        status: 409,
        detail: RACE_DETAIL[raceLost(error)!],
      };
    } else {
      // The summary only: a database error carries the query's parameters (hashes, record text).
      request.log.error({ error: errorSummary(error) }, 'unhandled error');
      problem = internal();
    }
    problem.instance = request.url;
    void reply.code(problem.status).headers(extraHeaders).type(CONTENT_TYPE).send(problem);
  });

  app.setNotFoundHandler((request, reply) => {
    const problem: TProblem = {
      type: problemType('not_found'),
      title: 'Not found',
      status: 404,
      detail: `No route ${request.method} ${request.url.split('?')[0]}.`,
      instance: request.url,
    };
    void reply.code(404).type(CONTENT_TYPE).send(problem);
  });
}

/** A malformed request in the router itself (a path segment over the length limit, a bad URL encoding). */
export function frameworkProblem(error: FastifyError, url: string): TProblem {
  const detail =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? `A path segment is longer than ${MAX_PARAM_LENGTH} characters: no record has such an id or code.`
      : 'The request path is not a valid URL.';
  return { type: problemType('validation'), title: 'Invalid request', status: 400, detail, errors: [{ field: 'path', message: detail }], instance: url };
}

export const PROBLEM_CONTENT_TYPE = CONTENT_TYPE;
/** Longer path parameters are refused by the router (their own schemas name shorter limits). */
export const MAX_PARAM_LENGTH = 500;

const RACE_DETAIL = {
  '23505':
    'Another request saved a record with the same key at the same moment. Nothing of this request was saved: reload, and try again if it is still needed.',
  '40001': 'Another request changed the same records at the same moment. Nothing of this request was saved: try again.',
  '40P01': 'Another request changed the same records at the same moment. Nothing of this request was saved: try again.',
} as const;

/** The SQLSTATE of a write that lost a race (unique violation, serialization failure, deadlock), on the error or its cause (Drizzle wraps the driver's). */
function raceLost(error: unknown): keyof typeof RACE_DETAIL | undefined {
  for (const candidate of [error, (error as { cause?: unknown }).cause]) {
    const code = (candidate as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string' && code in RACE_DETAIL) return code as keyof typeof RACE_DETAIL;
  }
  return undefined;
}

function internal(): TProblem {
  return {
    type: problemType('internal'),
    title: 'Internal error',
    status: 500,
    detail: 'The server could not complete the request. It has been logged.',
  };
}

function locationName(context: string | undefined): string {
  if (context === 'querystring') return 'query';
  if (context === 'params') return 'path';
  return context ?? 'request';
}
