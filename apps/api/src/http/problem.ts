import { HttpException, HttpStatus } from '@nestjs/common';
import { LedgerError, type ErrorKind } from '@ledger/kernel';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** RFC 9457 problem details, plus a stable machine-readable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  validation: HttpStatus.UNPROCESSABLE_ENTITY,
  invariant: HttpStatus.CONFLICT,
  'not-found': HttpStatus.NOT_FOUND,
  forbidden: HttpStatus.FORBIDDEN,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  concurrency: HttpStatus.CONFLICT,
  precondition: HttpStatus.PRECONDITION_FAILED,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const RESERVED = new Set(['type', 'title', 'status', 'code', 'detail', 'instance', 'requestId']);

export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  // Extension members never override the standard ones; colliding details go under `context`.
  const extensions: Record<string, unknown> = {};
  const context: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(extra)) (RESERVED.has(k) ? context : extensions)[k] = v;
  if (Object.keys(context).length) extensions.context = context;
  return {
    ...extensions,
    type: `urn:backlog-ledger:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
  };
}

/** An error raised by the HTTP layer itself (bad header, bad query) with a stable code. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail, status);
  }
}

export function validationProblem(errors: FieldError[]): ProblemException {
  const fields = [...new Set(errors.map((e) => e.field))].join(', ');
  return new ProblemException(400, 'VALIDATION.FAILED', `the request is invalid: ${fields}`, { errors });
}

/** The one mapping from any error to a problem. */
export function toProblem(err: unknown): { problem: Problem; internal: boolean } {
  if (err instanceof LedgerError) {
    const status = STATUS_BY_KIND[err.kind];
    const { field, ...rest } = err.details as { field?: unknown };
    const errors = typeof field === 'string' ? [{ field, code: err.code, message: err.message }] : undefined;
    return { problem: problem(status, err.code, err.message, { ...rest, ...(errors ? { errors } : {}) }), internal: false };
  }
  if (err instanceof ProblemException) {
    return { problem: problem(err.getStatus(), err.code, err.message, err.extra), internal: false };
  }
  if (err instanceof HttpException) {
    // Raised by Nest/Fastify themselves: unknown routes and body-reading failures.
    const status = err.getStatus();
    const known: Record<number, [string, string]> = {
      400: ['REQUEST.MALFORMED_JSON', 'the body is not valid JSON'],
      404: ['ROUTE.NOT_FOUND', 'no such route'],
      405: ['ROUTE.METHOD_NOT_ALLOWED', 'method not allowed on this route'],
      413: ['REQUEST.TOO_LARGE', 'the request body is larger than the limit'],
      415: ['REQUEST.UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json'],
    };
    // Nest re-wraps Fastify's body errors without their FST_ code; the empty-body case keeps its message.
    if (status === 400 && /body cannot be empty/i.test(err.message)) {
      return { problem: problem(400, 'REQUEST.EMPTY_BODY', 'the JSON body is empty'), internal: false };
    }
    const [code, detail] = known[status] ?? [`HTTP.${status}`, err.message];
    return { problem: problem(status, code, detail), internal: false };
  }
  const fst = err as { code?: string; statusCode?: number; message?: string };
  if (typeof fst?.code === 'string' && fst.code.startsWith('FST_')) {
    switch (fst.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return { problem: problem(413, 'REQUEST.TOO_LARGE', 'the request body is larger than the limit'), internal: false };
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return {
          problem: problem(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json'),
          internal: false,
        };
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return { problem: problem(400, 'REQUEST.EMPTY_BODY', 'the JSON body is empty'), internal: false };
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return { problem: problem(400, 'REQUEST.MALFORMED_JSON', 'the body is not valid JSON'), internal: false };
      default:
        if (fst.statusCode && fst.statusCode < 500) {
          return { problem: problem(fst.statusCode, 'REQUEST.INVALID', fst.message ?? 'invalid request'), internal: false };
        }
    }
  }
  if (err instanceof SyntaxError && (err as { statusCode?: number }).statusCode === 400) {
    return { problem: problem(400, 'REQUEST.MALFORMED_JSON', 'the body is not valid JSON'), internal: false };
  }
  if (typeof fst?.statusCode === 'number' && fst.statusCode >= 400 && fst.statusCode < 500) {
    return { problem: problem(fst.statusCode, 'REQUEST.INVALID', fst.message ?? 'invalid request'), internal: false };
  }
  return { problem: problem(500, 'INTERNAL', 'an unexpected error occurred; the request id is in the logs'), internal: true };
}
