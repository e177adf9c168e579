import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Role } from '@ledger/kernel';
import { CurrentPrincipal } from '../../auth/auth.guard';
import { Authorization } from '../../auth/authorization';
import type { Principal } from '../../auth/principal';
import { ReadModelDocs } from '../../http/api-docs';
import { LEDGER_INDEX } from '../../infrastructure/tokens';
import { Ranking } from '../../items/ranking';
import type { LedgerIndex } from '../../read-model/ledger-index.port';
import { BacklogListDto } from './list-backlogs.response.dto';

@ApiTags('backlogs')
@Controller('backlogs')
export class ListBacklogsController {
  constructor(
    @Inject(LEDGER_INDEX) private readonly index: LedgerIndex,
    private readonly ranking: Ranking,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The backlogs you may read (all, or the ones your token names), by name: goal, owners, item counts by status',
  })
  @ApiOkResponse({ type: BacklogListDto })
  @ReadModelDocs()
  async list(@CurrentPrincipal() principal: Principal): Promise<BacklogListDto> {
    await this.ranking.caughtUp();
    const scope = Authorization.readScope(principal);
    const rows = this.index.backlogs(scope === 'all' ? undefined : scope);
    return {
      backlogs: rows.map((b) => ({
        id: b.backlogId,
        name: b.name,
        productGoal: b.productGoal,
        createdAt: b.createdAt,
        createdBy: { id: b.createdBy, role: b.createdByRole as Role },
        owners: b.owners.map((o) => ({ id: o.actorId, role: o.role as Role, since: o.since })),
        counts: {
          ranked: b.counts.open + b.counts.inProgress,
          ...b.counts,
          total: b.counts.open + b.counts.inProgress + b.counts.delivered + b.counts.killed + b.counts.antiBacklog,
        },
        revision: b.revision,
      })),
    };
  }
}
