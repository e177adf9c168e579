import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '@ledger/kernel';
import { Public, sessionCookie } from '../../auth/auth.guard';
import { SignInDocs } from '../../http/api-docs';
import { CLOCK } from '../../infrastructure/tokens';
import { AccessDirectory } from '../access-directory';
import { clearSessionCookie } from '../session-cookie';
import { SessionAuth } from '../session-auth';
import { endSession } from '../session-issuer';
import { SessionTokens } from '../session-tokens';

@ApiTags('sign-in')
@Controller('auth')
export class SignOutController {
  constructor(
    private readonly auth: SessionAuth,
    private readonly directory: AccessDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('sign-out')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Sign out: ends the session of the ledger_session cookie (recorded as session.signed-out) and clears the cookie. Always 204, also ' +
      'without a session or with one that already ended (so a stale tab can always sign out).',
    security: [],
  })
  @ApiNoContentResponse({ description: 'Signed out. Set-Cookie: ledger_session=; Max-Age=0' })
  @SignInDocs()
  async signOut(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const auth = req.headers.authorization;
    const token = auth === undefined ? sessionCookie(req.headers.cookie) : /^Bearer\s+(\S+)$/.exec(auth.trim())?.[1];
    if (token !== undefined && SessionTokens.isSession(token)) await endSession(this.auth, this.directory, this.clock, token, req);
    clearSessionCookie(req, reply);
  }
}
