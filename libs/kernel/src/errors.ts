/**
 * Domain and application errors carry a stable machine-readable `code` (e.g. ITEM.ALREADY_KILLED)
 * and a `kind` that the single HTTP exception filter maps to a status. Nothing else maps errors.
 */
export type ErrorKind =
  | 'validation' // 400/422: the request itself is wrong
  | 'invariant' // 409: the decision is not valid in the current state
  | 'not-found' // 404
  | 'forbidden' // 403
  | 'unauthenticated' // 401
  | 'concurrency' // 409: someone else decided first and the decision no longer holds
  | 'precondition' // 412: If-Match did not match
  | 'unavailable'; // 503

export class LedgerError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}

/** Raised by deciders when a command violates an invariant or a rule of the domain. */
export class DomainError extends LedgerError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}, kind: ErrorKind = 'invariant') {
    super(code, kind, message, details);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends LedgerError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, 'not-found', message, details);
    this.name = 'NotFoundError';
  }
}

export class ForbiddenError extends LedgerError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, 'forbidden', message, details);
    this.name = 'ForbiddenError';
  }
}
