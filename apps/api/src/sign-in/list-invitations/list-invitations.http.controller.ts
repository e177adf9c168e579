import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { invitationStatusAt, valuesOf } from '@ledger/domain';
import type { Clock } from '@ledger/kernel';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { AccessAdminDocs } from '../../http/api-docs';
import { CLOCK } from '../../infrastructure/tokens';
import { AccessDirectory } from '../access-directory';
import { assertAdmin } from '../session-issuer';
import { InvitationListDto } from '../sign-in.dto';

@ApiTags('sign-in')
@Controller('invitations')
export class ListInvitationsController {
  constructor(
    private readonly directory: AccessDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Invitations with their status: open, redeemed, revoked or expired (admins); never their secrets' })
  @ApiOkResponse({ type: InvitationListDto })
  @AccessAdminDocs()
  async list(@CurrentPrincipal() principal: Principal): Promise<InvitationListDto> {
    assertAdmin(principal);
    await this.directory.refresh();
    const now = this.clock.now().toISOString();
    const invitations = valuesOf(this.directory.state.invitations)
      .map(({ secretHash: _hidden, ...i }) => ({
        ...i,
        backlogs: [...i.backlogs],
        status: invitationStatusAt({ ...i, secretHash: '' }, now),
        invitedBy: this.directory.invitedBy(i.invitationId),
      }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.invitationId.localeCompare(b.invitationId));
    return { invitations };
  }
}
