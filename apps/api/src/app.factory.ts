import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UUID_RE } from '@ledger/kernel';
import type { AppConfig } from './config/config';
import { AppModule } from './app.module';
import type { AdapterOverrides } from './infrastructure/adapters.module';
import { JsonLogger } from './shared/json-logger';
import { ProblemFilter, sendProblem } from './http/problem.filter';
import { ProblemException, problem, validationProblem } from './http/problem';
import { createValidationPipe } from './http/validation';
import { Drain } from './http/drain';
import { ProblemDto } from './http/dto';
import { registerWebApp } from './web/web-app';
import { assertSameOrigin, securityHeaders } from './http/security-headers';
import { registerRateLimits } from './http/rate-limit';
import { isOperationalRoute } from './http/operational-routes';
import { SessionAuth } from './sign-in/session-auth';
import { LedgerMetrics, UNMATCHED_ROUTE } from './metrics/ledger-metrics';
import { MetricsListener } from './metrics/metrics-listener';
import { loadTracing } from './tracing/tracing';

export async function createApp(config: AppConfig, overrides: AdapterOverrides = {}): Promise<NestFastifyApplication> {
  const logger = overrides.logger ?? new JsonLogger(config.logLevel);
  const tracing = overrides.tracing ?? (await loadTracing(config.tracing));
  if (tracing.enabled) logger.traceIdsFrom(() => tracing.traceId());
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && UUID_RE.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Errors Fastify raises before routing (e.g. a malformed URL encoding) still leave as problems.
    frameworkErrors: (err: Error, req: FastifyRequest, reply: FastifyReply) => sendProblem(err, req, reply, logger),
    // Requests Node's HTTP parser refuses (bad header bytes, oversized headers) never reach Fastify: problems too.
    clientErrorHandler: clientErrorProblem,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config, { ...overrides, logger, tracing }), adapter, {
    logger,
    bufferLogs: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(LedgerMetrics);

  if (tracing.enabled) {
    // First hooks of every request: the server span covers everything after them.
    fastify.addHook('onRequest', (req, reply, done) => tracing.onRequest(req, reply, done));
    fastify.addHook('preValidation', (req, reply, done) => tracing.preValidation(req, reply, done));
  }

  // Errors Fastify raises while reading the body (too large, malformed JSON) reach ProblemFilter through
  // the error handler Nest installs on init.
  const secure = securityHeaders(config);
  fastify.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    reply.header('X-Request-Id', req.id);
    secure(req, reply);
    assertSameOrigin(req);
    // Bodies are JSON only: anything else is refused before it is parsed.
    const hasBody = req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0';
    if (hasBody || req.headers['transfer-encoding'] !== undefined) {
      const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type !== 'application/json' && !/^application\/[a-z.+-]+\+json$/.test(type)) {
        throw new ProblemException(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json');
      }
    }
  });
  // class-transformer recurses over the whole body: refuse absurd nesting before the pipes see it.
  fastify.addHook('preValidation', async (req: FastifyRequest) => {
    const field = tooDeep(req.body, MAX_BODY_DEPTH);
    if (field !== null) {
      throw validationProblem([{ field, code: 'maxDepth', message: `the body nests deeper than ${MAX_BODY_DEPTH} levels` }]);
    }
  });
  const drain = app.get(Drain);
  fastify.addHook('onSend', async (_req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (drain.draining) reply.header('Connection', 'close');
    return payload;
  });
  fastify.addHook('onResponse', async (req: FastifyRequest, reply: FastifyReply) => {
    const principal = (req as { principal?: { sub: string } }).principal;
    // Route pattern, not the raw URL: one label value per route (ids would make the series unbounded).
    metrics.observeRequest(req.method, req.routeOptions.url ?? UNMATCHED_ROUTE, reply.statusCode, reply.elapsedTime / 1000);
    tracing.onResponse(req, reply);
    logger.info('request', {
      requestId: req.id,
      traceId: tracing.requestTraceId(req),
      method: req.method,
      url: req.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      actor: principal?.sub,
    });
  });
  await registerRateLimits(app, config.rateLimit, app.get(SessionAuth), metrics);

  app.useGlobalFilters(new ProblemFilter(logger));
  app.useGlobalPipes(createValidationPipe());
  await registerWebApp(app, config.webDir);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Backlog Ledger')
      .setDescription(
        'Every backlog decision as an immutable event with who, when and why. Errors are application/problem+json with a stable `code`.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .addCookieAuth('ledger_session', { type: 'apiKey', in: 'cookie', name: 'ledger_session', description: 'The web session (HttpOnly; set by /auth/sign-in or /auth/oidc/session)' }, 'session')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'LEDGER_METRICS_TOKEN (GET /metrics only)' }, 'metricsToken')
      .addSecurityRequirements('bearer')
      .addSecurityRequirements('session')
      .build(),
    // Error responses reference ProblemDto by $ref (http/api-docs.ts); register it so the $ref resolves.
    { extraModels: [ProblemDto] },
  );
  tightenDocument(document);
  documentRateLimits(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', useGlobalPrefix: false });
  await app.init();
  await app.get(MetricsListener).start();
  return app;
}

/** Every operation but the probes and /metrics may answer 429 (http/rate-limit.ts); say so in the contract. */
function documentRateLimits(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    if (isOperationalRoute(path)) continue;
    for (const op of Object.values(item) as { responses?: Record<string, unknown> }[]) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      op.responses['429'] = {
        description: 'Too many requests from this principal (or, without a valid token, this client address): RATE_LIMIT.EXCEEDED; retry after Retry-After seconds',
        headers: { 'Retry-After': { description: 'Seconds until the window resets', schema: { type: 'integer', minimum: 1 } } },
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } },
      };
    }
  }
}

const MAX_BODY_DEPTH = 32;

/** Iterative depth check; returns the path of the first value nested deeper than `max`, or null. */
export function tooDeep(body: unknown, max: number): string | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: body, depth: 0, path: '' }];
  while (stack.length) {
    const { value, depth, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= max) return path || '(body)';
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      stack.push({ value: v, depth: depth + 1, path: path ? `${path}.${k}` : k });
    }
  }
  return null;
}

/**
 * The contract the pipes enforce, stated in the OpenAPI document: every path parameter goes through
 * ParseIdPipe (a UUID), and the ValidationPipe (forbidNonWhitelisted) refuses properties a body DTO does not declare.
 * Success responses are closed the same way: their DTOs list every member the handlers return (the contract
 * e2e test and schemathesis' response_schema_conformance hold them to it); members meant to be free-form say so
 * with their own `additionalProperties`.
 */
function tightenDocument(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Record<string, unknown>>;
  const closed = new Set<string>();
  const close = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') {
      const name = ref.replace('#/components/schemas/', '');
      if (closed.has(name) || !schemas[name]) return;
      closed.add(name);
      if (schemas[name].type === 'object' && schemas[name].additionalProperties === undefined) schemas[name].additionalProperties = false;
      close(schemas[name]);
      return;
    }
    for (const v of Object.values(node)) close(v);
  };
  for (const path of Object.values(document.paths)) {
    type Operation = {
      parameters?: { in: string; schema?: Record<string, unknown> }[];
      requestBody?: unknown;
      responses?: Record<string, { content?: Record<string, unknown> }>;
    };
    for (const op of Object.values(path) as Operation[]) {
      if (!op || typeof op !== 'object') continue;
      for (const p of op.parameters ?? []) {
        if (p.in === 'path' && p.schema?.type === 'string' && !p.schema.format) p.schema.format = 'uuid';
      }
      close(op.requestBody);
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (status.startsWith('2')) close(response.content?.['application/json']);
      }
    }
  }
}

/** Fastify's clientErrorHandler, answering application/problem+json instead of Fastify's plain JSON. */
function clientErrorProblem(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'REQUEST.HEADERS_TOO_LARGE']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST.TIMEOUT']
        : [400, 'REQUEST.MALFORMED'];
  const body = JSON.stringify({ ...problem(status, code, `the HTTP request could not be read (${err.code ?? 'client error'})`), title: STATUS_CODES[status] });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
