import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './problem';
import { JsonLogger } from '../shared/json-logger';

/** Every error leaves as application/problem+json with a stable code. The only error mapping there is. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(err: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    sendProblem(err, ctx.getRequest<FastifyRequest>(), ctx.getResponse<FastifyReply>(), this.logger);
  }
}

export function sendProblem(err: unknown, req: FastifyRequest, reply: FastifyReply, logger: JsonLogger): void {
  const { problem, internal } = toProblem(err);
  if (internal) {
    logger.error('unhandled error', { requestId: req.id, err: err instanceof Error ? err.stack : String(err) });
  }
  problem.instance = req.url;
  problem.requestId = String(req.id);
  if (reply.sent) return;
  if (problem.status === 401) reply.header('WWW-Authenticate', 'Bearer');
  if (problem.status === 503) reply.header('Retry-After', '1');
  if (problem.status === 429 && typeof problem.retryAfter === 'number') reply.header('Retry-After', String(problem.retryAfter));
  reply.status(problem.status).type('application/problem+json').send(problem);
}
