import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { meOf } from '../session-issuer';
import { MeResponseDto } from '../sign-in.dto';

@ApiTags('sign-in')
@Controller('me')
export class MeController {
  @Get()
  @ApiOperation({ summary: 'Who the session (ledger_session cookie) or bearer token says you are: role, backlogs, how you signed in, until when' })
  @ApiOkResponse({ type: MeResponseDto })
  @ApiResponse({
    status: 401,
    description: 'Not signed in, or the session was revoked, signed out or expired (AUTH.SESSION_REVOKED, AUTH.SESSION_SIGNED_OUT, AUTH.SESSION_EXPIRED, AUTH.TOKEN_*)',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } },
  })
  me(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): MeResponseDto {
    reply.header('Cache-Control', 'no-store');
    return meOf(principal);
  }
}
