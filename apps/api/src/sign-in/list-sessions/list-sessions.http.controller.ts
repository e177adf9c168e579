import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { sessionIsLive, valuesOf } from '@ledger/domain';
import type { Clock } from '@ledger/kernel';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { AccessAdminDocs } from '../../http/api-docs';
import { CLOCK } from '../../infrastructure/tokens';
import { AccessDirectory } from '../access-directory';
import { assertAdmin } from '../session-issuer';
import { SessionListDto } from '../sign-in.dto';

@ApiTags('sign-in')
@Controller('sessions')
export class ListSessionsController {
  constructor(
    private readonly directory: AccessDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Web sessions that let someone in right now (admins), to revoke one' })
  @ApiOkResponse({ type: SessionListDto })
  @AccessAdminDocs()
  async list(@CurrentPrincipal() principal: Principal): Promise<SessionListDto> {
    assertAdmin(principal);
    await this.directory.refresh();
    const now = this.clock.now().toISOString();
    const sessions = valuesOf(this.directory.state.sessions)
      .filter((s) => sessionIsLive(s, now))
      .map((s) => ({
        sessionId: s.sessionId,
        userId: s.userId,
        name: s.name,
        role: s.role,
        backlogs: [...s.backlogs],
        method: s.method,
        startedAt: s.startedAt,
        expiresAt: s.expiresAt,
      }))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.sessionId.localeCompare(b.sessionId));
    return { sessions };
  }
}
