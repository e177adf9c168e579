import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TracingConfig } from '../config/config';

export type SpanAttributes = Record<string, string | number | boolean | string[] | undefined>;

/** The part of a span the code that opened it may touch. */
export interface SpanHandle {
  setAttributes(attributes: SpanAttributes): void;
  updateName(name: string): void;
}

export type HookDone = (err?: Error) => void;

/**
 * Traces of this process (ADR 0028): off by default, then every method is a no-op and the OpenTelemetry SDK is
 * never loaded; on with OTEL_EXPORTER_OTLP_ENDPOINT (otel-tracing.ts). One trace per request: the HTTP server
 * span, the command, the event-store append, and the read-model projection of the events it appended.
 */
export abstract class Tracing {
  abstract readonly enabled: boolean;
  /** Runs `fn` inside a child span of the current one (no span when there is no current trace). */
  abstract inSpan<T>(name: string, attributes: SpanAttributes, fn: (span: SpanHandle) => Promise<T>): Promise<T>;
  /** The current trace id, for log lines. */
  abstract traceId(): string | undefined;
  /** Fastify hooks: the server span from onRequest to onResponse, and its context across the body read. */
  abstract onRequest(req: FastifyRequest, reply: FastifyReply, done: HookDone): void;
  abstract preValidation(req: FastifyRequest, reply: FastifyReply, done: HookDone): void;
  abstract onResponse(req: FastifyRequest, reply: FastifyReply): void;
  abstract requestTraceId(req: FastifyRequest): string | undefined;
  /** The current trace is about to append these events: the projection that applies them joins it. */
  abstract appending(eventIds: readonly string[]): void;
  /** A projection applied `events` between `startedAt` and `endedAt` (epoch ms): one span in each trace that appended some. */
  abstract projected(projection: string, events: readonly { id: string; position: number }[], startedAt: number, endedAt: number): void;
  /** Exports what is buffered. */
  abstract shutdown(): Promise<void>;
}

const NOOP_SPAN: SpanHandle = { setAttributes: () => undefined, updateName: () => undefined };

class NoTracing extends Tracing {
  readonly enabled = false;
  inSpan<T>(_name: string, _attributes: SpanAttributes, fn: (span: SpanHandle) => Promise<T>): Promise<T> {
    return fn(NOOP_SPAN);
  }
  traceId(): undefined {
    return undefined;
  }
  onRequest(_req: FastifyRequest, _reply: FastifyReply, done: HookDone): void {
    done();
  }
  preValidation(_req: FastifyRequest, _reply: FastifyReply, done: HookDone): void {
    done();
  }
  onResponse(): void {}
  requestTraceId(): undefined {
    return undefined;
  }
  appending(): void {}
  projected(): void {}
  async shutdown(): Promise<void> {}
}

export const NO_TRACING: Tracing = new NoTracing();

/** The SDK (~4 MB of modules) is required only here, only when tracing is configured. */
export async function loadTracing(config: TracingConfig | null): Promise<Tracing> {
  if (config === null) return NO_TRACING;
  const { OtelTracing } = await import('./otel-tracing');
  return new OtelTracing(config);
}
