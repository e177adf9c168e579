import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentPrincipal } from '../../auth/auth.guard';
import { Authorization } from '../../auth/authorization';
import type { Principal } from '../../auth/principal';
import { ReadModelDocs } from '../../http/api-docs';
import { ProblemException, validationProblem } from '../../http/problem';
import { parseInstant } from '../../http/instant';
import { LEDGER_INDEX } from '../../infrastructure/tokens';
import type { AuditFilter, LedgerIndex } from '../../read-model/ledger-index.port';
import { Ranking } from '../../items/ranking';
import { CSV_COLUMNS, csvRow, ndjsonRow } from './export-format';
import { ExportEventsQueryDto } from './export-events.request.dto';
import { AuditEventDto } from './export-events.response.dto';

const CHUNK = 500;

/** Content negotiation: CSV when asked for, NDJSON otherwise; anything else explicit is a 406. */
export function negotiate(accept: string | undefined): 'csv' | 'ndjson' {
  if (!accept) return 'ndjson';
  const types = accept.split(',').map((t) => t.split(';')[0].trim().toLowerCase());
  for (const t of types) {
    if (t === 'text/csv') return 'csv';
    if (['application/x-ndjson', 'application/ndjson', 'application/json', '*/*', 'application/*', 'text/*'].includes(t)) {
      return t === 'text/*' ? 'csv' : 'ndjson';
    }
  }
  throw new ProblemException(406, 'AUDIT.NOT_ACCEPTABLE', 'the audit export is available as application/x-ndjson or text/csv');
}

@ApiTags('audit')
@ApiExtraModels(AuditEventDto)
@Controller('audit')
export class ExportEventsController {
  constructor(
    @Inject(LEDGER_INDEX) private readonly index: LedgerIndex,
    private readonly ranking: Ranking,
  ) {}

  @Get('events')
  @ApiOperation({
    summary: 'Export the decision log, filtered, in global order; streamed NDJSON or CSV (Accept), paged by position',
    description: 'Next page: `after=` the value of the `X-Next-After` header (absent on the last page).',
  })
  @ApiOkResponse({
    description: 'One event per line, in global order',
    headers: {
      'X-Next-After': { description: 'Cursor for the next page (`after=`); absent on the last page', schema: { type: 'integer' } },
    },
    content: {
      'application/x-ndjson': {
        schema: { type: 'string', description: `Newline-delimited JSON: one ${getSchemaPath(AuditEventDto)} per line` },
      },
      'text/csv': {
        schema: { type: 'string', description: `RFC 4180 with a header line: ${CSV_COLUMNS.join(',')}; \`data\` is the event data as JSON` },
      },
    },
  })
  @ReadModelDocs()
  async export(
    @Query() q: ExportEventsQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    Authorization.assertAuditor(principal);
    const format = negotiate(accept);
    const filter: AuditFilter = {
      backlogId: q.backlogId,
      itemId: q.itemId,
      type: q.type,
      actor: q.actor,
      from: q.from ? parseInstant(q.from, 'from').toISOString() : undefined,
      to: q.to ? parseInstant(q.to, 'to').toISOString() : undefined,
      after: q.after ?? 0,
      limit: q.limit ?? 1000,
    };
    if (filter.from && filter.to && filter.from > filter.to) {
      throw validationProblem([{ field: 'from', code: 'range', message: 'from must not be after to' }]);
    }
    await this.ranking.caughtUp();
    const pageEnd = this.index.auditPageEnd(filter);
    if (pageEnd !== null) reply.header('X-Next-After', String(pageEnd));
    reply.header('Cache-Control', 'no-store');
    reply.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    const index = this.index;
    async function* lines() {
      if (format === 'csv') yield CSV_COLUMNS.join(',') + '\r\n';
      let cursor = filter.after;
      let remaining = filter.limit;
      while (remaining > 0) {
        const page = index.audit({ ...filter, after: cursor, limit: Math.min(CHUNK, remaining) });
        if (page.length === 0) return;
        yield page.map(format === 'csv' ? csvRow : ndjsonRow).join('');
        cursor = page[page.length - 1].position;
        remaining -= page.length;
        if (page.length < CHUNK) return;
      }
    }
    return reply.send(Readable.from(lines()));
  }
}
