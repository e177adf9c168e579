import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { UUID_RE, type Actor } from '@ledger/kernel';
import type { Principal } from '../auth/principal';
import { ProblemException } from './problem';

/** What every write carries besides its body: who, which request, and its preconditions. */
export interface RequestMeta {
  principal: Principal;
  requestId: string;
  correlationId: string;
  /** Client-declared cause (an event id), e.g. a decision taken because of another one. */
  causationId: string | null;
  /** Expected stream revision from If-Match. */
  ifMatch?: number;
  idempotencyKey?: string;
  /** Imports only: when the decision originally happened (ISO-8601); events are marked `imported`. */
  occurredAt?: string;
  /** Imports only: where the decision came from (file and line), kept in the event metadata. */
  importedFrom?: string;
  /** Imports only: false when the source recorded no reason (kept as `metadata.statedWhy: false`). */
  statedWhy?: false;
  /**
   * System decisions only (e.g. the forum's process manager): the actor recorded instead of the principal's.
   * Never set from a request.
   */
  actor?: Actor;
}

export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const raw = (Array.isArray(header) ? header[0] : header).trim();
  if (raw === '*') return undefined;
  const m = /^(?:W\/)?"?(\d{1,15})"?$/.exec(raw);
  if (!m) {
    throw new ProblemException(400, 'PRECONDITION.INVALID_IF_MATCH', 'If-Match must be an ETag from GET, e.g. "3"');
  }
  return Number(m[1]);
}

const KEY_RE = /^[\x21-\x7e]{1,200}$/;

export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const raw = Array.isArray(header) ? header[0] : header;
  if (!KEY_RE.test(raw)) {
    throw new ProblemException(400, 'IDEMPOTENCY.KEY_INVALID', 'Idempotency-Key must be 1-200 visible ASCII characters');
  }
  return raw;
}

function headerId(v: string | string[] | undefined): string | null {
  const s = Array.isArray(v) ? v[0] : v;
  return s && UUID_RE.test(s) ? s.toLowerCase() : null;
}

export function requestMetaOf(req: FastifyRequest & { principal?: Principal }): RequestMeta {
  if (!req.principal) throw new Error('requestMetaOf needs an authenticated request');
  const requestId = String(req.id);
  return {
    principal: req.principal,
    requestId,
    correlationId: headerId(req.headers['x-correlation-id']) ?? requestId,
    causationId: headerId(req.headers['x-causation-id']),
    ifMatch: parseIfMatch(req.headers['if-match']),
    idempotencyKey: parseIdempotencyKey(req.headers['idempotency-key']),
  };
}

/** Controller parameter: the request's metadata for a decision. */
export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta =>
  requestMetaOf(ctx.switchToHttp().getRequest()),
);
