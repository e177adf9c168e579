import { AsyncResource } from 'node:async_hooks';
import {
  context as otelContext,
  defaultTextMapGetter,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TracingConfig } from '../config/config';
import { isOperationalRoute } from '../http/operational-routes';
import { Tracing, type HookDone, type SpanAttributes, type SpanHandle } from './tracing';

const SPAN = Symbol('ledger.span');
const SCOPE = Symbol('ledger.traceScope');
type TracedRequest = FastifyRequest & { [SPAN]?: Span; [SCOPE]?: AsyncResource };

/** Appends whose projection has not been seen yet; the oldest are forgotten past this many. */
const MAX_PENDING = 10_000;

let contextManagerInstalled = false;

/**
 * OpenTelemetry over OTLP/HTTP (JSON to <endpoint>/v1/traces), spans batched (BatchSpanProcessor defaults:
 * every 5 s or 512 spans). The provider is this app's own, not registered globally; only the context manager
 * (AsyncLocalStorage) is process-wide, as OpenTelemetry's API requires.
 */
export class OtelTracing extends Tracing {
  readonly enabled = true;
  private readonly provider: BasicTracerProvider;
  private readonly tracer: Tracer;
  private readonly propagator = new W3CTraceContextPropagator();
  /** event id → the context of the request that appended it. */
  private readonly pending = new Map<string, Context>();

  constructor(config: TracingConfig) {
    super();
    if (!contextManagerInstalled) {
      otelContext.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
      contextManagerInstalled = true;
    }
    this.provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': config.serviceName }),
      spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${config.endpoint}/v1/traces` }))],
    });
    this.tracer = this.provider.getTracer('backlog-ledger');
  }

  async inSpan<T>(name: string, attributes: SpanAttributes, fn: (span: SpanHandle) => Promise<T>): Promise<T> {
    const parent = otelContext.active();
    const span = this.tracer.startSpan(name, { kind: SpanKind.INTERNAL, attributes: defined(attributes) }, parent);
    const handle: SpanHandle = {
      setAttributes: (a) => span.setAttributes(defined(a)),
      updateName: (n) => span.updateName(n),
    };
    try {
      return await otelContext.with(trace.setSpan(parent, span), () => fn(handle));
    } catch (e) {
      span.recordException(e instanceof Error ? e : String(e));
      span.setStatus({ code: SpanStatusCode.ERROR, message: e instanceof Error ? e.message : String(e) });
      throw e;
    } finally {
      span.end();
    }
  }

  traceId(): string | undefined {
    return trace.getSpan(otelContext.active())?.spanContext().traceId;
  }

  onRequest(req: FastifyRequest, _reply: FastifyReply, done: HookDone): void {
    const route = req.routeOptions.url;
    if (isOperationalRoute(route)) return done(); // probes and scrapes every few seconds: not worth a trace each
    const parent = this.propagator.extract(ROOT_CONTEXT, req.headers, defaultTextMapGetter);
    const span = this.tracer.startSpan(
      route ? `${req.method} ${route}` : req.method,
      {
        kind: SpanKind.SERVER,
        attributes: defined({ 'http.request.method': req.method, 'url.path': req.url.split('?')[0], 'http.route': route, 'ledger.request_id': String(req.id) }),
      },
      parent,
    );
    const traced = req as TracedRequest;
    traced[SPAN] = span;
    // The rest of the request runs in the span's context. Reading the body leaves it (the socket's events run in
    // the context they were created in), so the context is kept in an AsyncResource and re-entered afterwards.
    otelContext.with(trace.setSpan(parent, span), () => {
      traced[SCOPE] = new AsyncResource('ledger.request');
      done();
    });
  }

  preValidation(req: FastifyRequest, _reply: FastifyReply, done: HookDone): void {
    const scope = (req as TracedRequest)[SCOPE];
    if (scope) scope.runInAsyncScope(done);
    else done();
  }

  onResponse(req: FastifyRequest, reply: FastifyReply): void {
    const span = (req as TracedRequest)[SPAN];
    if (!span) return;
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
    (req as TracedRequest)[SCOPE]?.emitDestroy();
  }

  requestTraceId(req: FastifyRequest): string | undefined {
    return (req as TracedRequest)[SPAN]?.spanContext().traceId;
  }

  appending(eventIds: readonly string[]): void {
    const active = otelContext.active();
    if (!trace.getSpan(active)) return;
    for (const id of eventIds) this.pending.set(id, active);
    while (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
  }

  projected(projection: string, events: readonly { id: string; position: number }[], startedAt: number, endedAt: number): void {
    if (this.pending.size === 0) return;
    const seen = new Set<Context>();
    for (const e of events) {
      const ctx = this.pending.get(e.id);
      if (ctx === undefined) continue;
      this.pending.delete(e.id);
      if (seen.has(ctx)) continue;
      seen.add(ctx);
      this.tracer
        .startSpan(
          `project ${projection}`,
          { kind: SpanKind.CONSUMER, startTime: startedAt, attributes: { 'ledger.projection': projection, 'ledger.position': e.position, 'ledger.batch_events': events.length } },
          ctx,
        )
        .end(endedAt);
    }
  }

  async shutdown(): Promise<void> {
    await this.provider.shutdown();
  }
}

function defined(attributes: SpanAttributes): Record<string, string | number | boolean | string[]> {
  const out: Record<string, string | number | boolean | string[]> = {};
  for (const [k, v] of Object.entries(attributes)) if (v !== undefined) out[k] = v;
  return out;
}
