import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.guard';
import type { AppConfig } from '../config/config';
import { ProblemException } from '../http/problem';
import { APP_CONFIG } from '../infrastructure/tokens';
import { assertMetricsToken } from './metrics-access';
import { LedgerMetrics } from './ledger-metrics';

const problem = (status: number, description: string) =>
  ApiResponse({ status, description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } } });

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: LedgerMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Prometheus metrics (text exposition format), for a scraper holding LEDGER_METRICS_TOKEN',
    description:
      'Served on the API port only when LEDGER_METRICS_TOKEN is set, to `Authorization: Bearer <that token>` (not a user JWT). ' +
      'With LEDGER_METRICS_PORT the metrics are also served on that separate address. Names and labels: docs/operations.md.',
    security: [{ metricsToken: [] }],
  })
  @ApiOkResponse({
    description: 'Prometheus text exposition format 0.0.4',
    content: { 'text/plain': { schema: { type: 'string', example: '# HELP ledger_decisions_appended_total …\n' } } },
  })
  @problem(401, 'Missing or wrong metrics token (METRICS.TOKEN_MISSING, METRICS.TOKEN_INVALID)')
  @problem(404, 'Metrics are not served on this port (METRICS.NOT_ENABLED): LEDGER_METRICS_TOKEN is not set')
  async scrape(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { token, listen } = this.config.metrics;
    if (token === null) {
      throw new ProblemException(
        404,
        'METRICS.NOT_ENABLED',
        listen
          ? `metrics are served on the metrics listener (${listen.host}:${listen.port}), not on the API port; set LEDGER_METRICS_TOKEN to serve them here too`
          : 'metrics are not served: set LEDGER_METRICS_TOKEN (scrape with it as a bearer token) or LEDGER_METRICS_PORT (a separate listener)',
      );
    }
    assertMetricsToken(authorization, token);
    const { contentType, body } = await this.metrics.exposition();
    reply.type(contentType);
    return body;
  }
}
