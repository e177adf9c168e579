import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ProblemDto } from './dto';

const problem = (status: number, description: string) =>
  ApiResponse({ status, description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } } });

/** OpenAPI for a write: its preconditions and the problems it can answer with. */
export const DecisionDocs = () =>
  applyDecorators(
    ApiHeader({ name: 'If-Match', required: false, description: 'Expected revision (ETag from GET); stale → 412' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry-safe key; a retry returns the first answer' }),
    problem(400, 'Invalid request (validation, unknown field, malformed JSON)'),
    problem(401, 'Missing, expired or forged token'),
    problem(403, 'Role or backlog scope does not allow it'),
    problem(404, 'Unknown id'),
    problem(409, 'The decision is not valid in the current state, or a concurrent decision won'),
    problem(412, 'If-Match is stale'),
    problem(413, 'Body too large'),
    problem(422, 'The decision breaks a rule (e.g. trivial rationale)'),
  );

export const ReadDocs = () =>
  applyDecorators(
    problem(400, 'Invalid query'),
    problem(401, 'Missing, expired or forged token'),
    problem(403, 'Not in scope'),
    problem(404, 'Unknown id'),
  );

/** Reads served from a read model (ranking, audit index, forum index): also 503 while it is still catching up. */
export const ReadModelDocs = () =>
  applyDecorators(ReadDocs(), problem(503, 'The read model has not caught up with the event store within LEDGER_READ_WAIT_MS; retry after Retry-After seconds'));

/** Reads served from this replica's webhook outbox: 503 while it catches up, or where dispatch is off. */
export const OutboxReadDocs = () => applyDecorators(ReadDocs(), problem(503, 'The outbox is catching up, or this replica does not dispatch webhooks'));

export { ProblemDto };

/** Analytics reads: also 422 (minPosition never written) and 503 (projection still catching up). */
export const AnalyticsDocs = () =>
  applyDecorators(
    ReadDocs(),
    problem(422, 'minPosition is beyond the last written position'),
    problem(503, 'Analytics have not reached minPosition yet; retry after Retry-After seconds'),
  );

/** Public sign-in routes: invalid links and tokens (401), a foreign Origin (403), the brute-force brake (429). */
export const SignInDocs = () =>
  applyDecorators(
    problem(400, 'Invalid request body'),
    problem(401, 'SIGN_IN.LINK_INVALID (unknown, used or revoked), SIGN_IN.LINK_EXPIRED, or the provider token is invalid'),
    problem(403, 'AUTH.CROSS_ORIGIN (the request came from another site), or AUTH.NO_ROLE (the provider gives no ledger role)'),
    problem(409, 'This sign-in method is not enabled here'),
    problem(413, 'Body too large'),
    problem(429, 'SIGN_IN.TOO_MANY_ATTEMPTS: too many failed attempts from this address; retry after Retry-After seconds'),
    problem(503, 'The identity provider or the event store cannot be reached; retry'),
  );

/** Admin routes of the access directory (invitations, sessions). */
export const AccessAdminDocs = () =>
  applyDecorators(
    problem(400, 'Invalid request (validation, unknown field, malformed JSON)'),
    problem(401, 'Missing, expired, revoked or forged session or token'),
    problem(403, 'Only admins manage invitations and sessions'),
    problem(404, 'Unknown invitation, session or backlog'),
    problem(409, 'Not valid in the current state (already redeemed, revoked, expired, ended), or invitations are off (OIDC)'),
    problem(413, 'Body too large'),
    problem(422, 'A rule is broken (e.g. trivial reason)'),
  );
