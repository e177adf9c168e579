import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../config/config';
import { problem, ProblemException } from '../http/problem';
import { APP_CONFIG } from '../infrastructure/tokens';
import { JsonLogger } from '../shared/json-logger';
import { assertMetricsToken } from './metrics-access';
import { LedgerMetrics } from './ledger-metrics';

/**
 * LEDGER_METRICS_PORT: a second listener that serves GET /metrics and nothing else, so the scrape address can be
 * kept off the public one (bound to LEDGER_METRICS_HOST, 127.0.0.1 by default). No rate limit, no JWT; the
 * metrics token is still required when LEDGER_METRICS_TOKEN is set. Started by the HTTP application only
 * (app.factory.ts), never by CLI commands that build the module.
 */
@Injectable()
export class MetricsListener implements OnApplicationShutdown {
  private server: Server | null = null;

  constructor(
    private readonly metrics: LedgerMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logger: JsonLogger,
  ) {}

  /** Listens when LEDGER_METRICS_PORT is set; resolves once bound. */
  async start(): Promise<void> {
    const listen = this.config.metrics.listen;
    if (!listen || this.server) return;
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(listen.port, listen.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.logger.info('metrics listener started', { url: this.url() });
  }

  /** Where it listens (port 0 in the configuration: the port the system chose). */
  url(): string | null {
    const address = this.server?.address() as AddressInfo | null | undefined;
    return address ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}/metrics` : null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const path = (req.url ?? '').split('?')[0];
      if (path !== '/metrics') throw new ProblemException(404, 'ROUTE.NOT_FOUND', 'this listener serves GET /metrics only');
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        throw new ProblemException(405, 'ROUTE.METHOD_NOT_ALLOWED', 'GET /metrics only');
      }
      if (this.config.metrics.token !== null) assertMetricsToken(req.headers.authorization, this.config.metrics.token);
      const { contentType, body } = await this.metrics.exposition();
      res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      const p =
        e instanceof ProblemException
          ? problem(e.getStatus(), e.code, e.message)
          : problem(500, 'INTERNAL', 'the metrics could not be collected; see the logs');
      if (!(e instanceof ProblemException)) this.logger.error('metrics collection failed', { err: e instanceof Error ? e.stack : String(e) });
      const body = JSON.stringify({ ...p, instance: req.url });
      res.writeHead(p.status, {
        'content-type': 'application/problem+json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        ...(p.status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
      });
      res.end(body);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
