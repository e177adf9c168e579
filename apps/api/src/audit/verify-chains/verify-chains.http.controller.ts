import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@ledger/event-store';
import { CurrentPrincipal } from '../../auth/auth.guard';
import { Authorization } from '../../auth/authorization';
import type { Principal } from '../../auth/principal';
import { ReadDocs } from '../../http/api-docs';
import { EVENT_STORE } from '../../infrastructure/tokens';
import { VerifyReportDto } from './verify-chains.response.dto';

@ApiTags('audit')
@Controller('audit')
export class VerifyChainsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('verify')
  @ApiOperation({
    summary: "Recompute every stream's hash chain: which chains were checked and the first broken link, if any",
  })
  @ApiOkResponse({ type: VerifyReportDto, description: 'The verification report' })
  @ReadDocs()
  verify(@CurrentPrincipal() principal: Principal): Promise<VerifyReportDto> {
    Authorization.assertAuditor(principal);
    return this.store.verify();
  }
}
