import type { LoggerService } from '@nestjs/common';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 } as const;
export type LogLevel = keyof typeof LEVELS;
const NEST_BOOT_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** Structured JSON lines on stdout; one object per line, always with time and level. */
export class JsonLogger implements LoggerService {
  /** With tracing on: the current trace id, added to every line written inside a traced request. */
  private currentTraceId: () => string | undefined = () => undefined;

  constructor(
    private readonly level: LogLevel = 'info',
    private readonly out: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  ) {}

  /** Whether lines of this level are written (to skip building fields that would be dropped). */
  enabled(level: Exclude<LogLevel, 'silent'>): boolean {
    return LEVELS[level] >= LEVELS[this.level];
  }

  /** Tracing (ADR 0028) tells the logger how to find the current trace id. */
  traceIdsFrom(current: () => string | undefined): void {
    this.currentTraceId = current;
  }

  private write(level: Exclude<LogLevel, 'silent'>, msg: string, fields: Record<string, unknown> = {}): void {
    if (LEVELS[level] < LEVELS[this.level]) return;
    const traceId = this.currentTraceId();
    this.out(JSON.stringify({ time: new Date().toISOString(), level, msg, ...(traceId ? { traceId } : {}), ...fields }));
  }

  debug(msg: unknown, fields?: Record<string, unknown> | string): void {
    this.write('debug', String(msg), ctx(fields));
  }
  info(msg: string, fields?: Record<string, unknown>): void {
    this.write('info', msg, fields);
  }
  log(msg: unknown, fields?: Record<string, unknown> | string): void {
    // Nest's own start-up chatter (modules loaded, routes mapped) is debug-level here.
    const quiet = typeof fields === 'string' && NEST_BOOT_CONTEXTS.has(fields);
    this.write(quiet ? 'debug' : 'info', String(msg), ctx(fields));
  }
  warn(msg: unknown, fields?: Record<string, unknown> | string): void {
    this.write('warn', String(msg), ctx(fields));
  }
  error(msg: unknown, fields?: Record<string, unknown> | string): void {
    this.write('error', String(msg), ctx(fields));
  }
  verbose(msg: unknown, fields?: Record<string, unknown> | string): void {
    this.write('debug', String(msg), ctx(fields));
  }
}

function ctx(fields?: Record<string, unknown> | string): Record<string, unknown> {
  if (fields === undefined) return {};
  return typeof fields === 'string' ? { context: fields } : fields;
}
