import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Clock } from '@ledger/kernel';
import { CurrentPrincipal } from '../../auth/auth.guard';
import { actorOf, type Principal } from '../../auth/principal';
import { AccessAdminDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { CLOCK } from '../../infrastructure/tokens';
import { AccessDirectory } from '../access-directory';
import { accessMetaOf, assertAdmin } from '../session-issuer';
import { AccessDecisionResponseDto, ReasonRequestDto } from '../sign-in.dto';

@ApiTags('sign-in')
@Controller('invitations')
export class RevokeInvitationController {
  constructor(
    private readonly directory: AccessDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':invitationId/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an open invitation (admins): its link stops working at once (invitation.revoked)' })
  @ApiOkResponse({ type: AccessDecisionResponseDto })
  @AccessAdminDocs()
  async revoke(
    @Param('invitationId', ParseIdPipe) invitationId: string,
    @Body() body: ReasonRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: FastifyRequest,
  ): Promise<AccessDecisionResponseDto> {
    assertAdmin(principal);
    await this.directory.refresh();
    const outcome = await this.directory.decide(
      () => ({ kind: 'RevokeInvitation', actor: actorOf(principal), invitationId, reason: body.reason, now: this.clock.now().toISOString() }),
      accessMetaOf(req, principal),
    );
    return { id: invitationId, position: outcome.position, eventIds: outcome.events.map((e) => e.id) };
  }
}
