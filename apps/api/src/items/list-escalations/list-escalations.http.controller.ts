import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Role } from '@ledger/kernel';
import { CurrentPrincipal } from '../../auth/auth.guard';
import { Authorization } from '../../auth/authorization';
import type { Principal } from '../../auth/principal';
import { ReadModelDocs } from '../../http/api-docs';
import { LEDGER_INDEX } from '../../infrastructure/tokens';
import type { EscalationRow, LedgerIndex } from '../../read-model/ledger-index.port';
import { decisionName } from '../item-history/item-history.projection';
import { backlogNotFound } from '../backlog-context';
import { Ranking } from '../ranking';
import { ListEscalationsQueryDto } from './list-escalations.request.dto';
import { EscalationDto, EscalationPageDto } from './list-escalations.response.dto';

@ApiTags('items')
@Controller('escalations')
export class ListEscalationsController {
  constructor(
    @Inject(LEDGER_INDEX) private readonly index: LedgerIndex,
    private readonly ranking: Ranking,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Escalations, newest first, with the decision each challenges, who raised it, what they want and why, and how it was resolved ' +
      '(by whom, when, and the decision an overturn caused). Stakeholders see the ones they raised; everyone else those of the backlogs they may read.',
  })
  @ApiOkResponse({ type: EscalationPageDto })
  @ReadModelDocs()
  async list(@Query() q: ListEscalationsQueryDto, @CurrentPrincipal() principal: Principal): Promise<EscalationPageDto> {
    const raisedBy = q.raisedBy ?? (principal.role === 'stakeholder' ? principal.sub : undefined);
    if (raisedBy !== undefined) Authorization.assertCanReadEscalationsOf(principal, raisedBy);
    await this.ranking.caughtUp();
    if (q.backlogId !== undefined) {
      if (this.index.backlogs([q.backlogId]).length === 0) throw backlogNotFound(q.backlogId);
      Authorization.assertCanRead(principal, q.backlogId);
    }
    const scope = Authorization.readScope(principal);
    const limit = q.limit ?? 50;
    const rows = this.index.escalations({
      scope: scope === 'all' ? undefined : scope,
      backlogId: q.backlogId,
      raisedBy,
      status: q.status,
      before: q.cursor === undefined ? undefined : Number(q.cursor),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      escalations: page.map(toDto),
      nextCursor: rows.length > limit ? String(page[page.length - 1].position) : null,
      limit,
    };
  }
}

function toDto(r: EscalationRow): EscalationDto {
  const actor = (id: string, role: string) => ({ id, role: role as Role });
  return {
    escalationId: r.escalationId,
    status: r.status,
    itemId: r.itemId,
    itemTitle: r.itemTitle ?? '',
    backlogId: r.backlogId,
    backlogName: r.backlogName ?? '',
    eventId: r.eventId,
    raisedBy: actor(r.raisedBy, r.raisedByRole),
    raisedAt: r.raisedAt,
    against: {
      eventId: r.against.eventId,
      type: r.against.type,
      decision: decisionName(r.against.type),
      actor: r.against.actorId === null ? null : actor(r.against.actorId, r.against.actorRole ?? ''),
      at: r.against.at,
      fromPosition: r.against.fromPosition,
      toPosition: r.against.toPosition,
    },
    wanted: r.wanted,
    reason: r.reason,
    addressedTo: r.addressedTo,
    resolution:
      r.resolution === null
        ? null
        : {
            outcome: r.resolution.outcome,
            eventId: r.resolution.eventId,
            by: actor(r.resolution.by, r.resolution.byRole),
            at: r.resolution.at,
            rationale: r.resolution.rationale,
            change:
              r.resolution.change === null ? null : { ...r.resolution.change, decision: decisionName(r.resolution.change.type) },
          },
  };
}
