import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getIn, linkRefused } from '@ledger/domain';
import type { Clock, IdGenerator } from '@ledger/kernel';
import { Public } from '../../auth/auth.guard';
import type { AppConfig } from '../../config/config';
import { SignInDocs } from '../../http/api-docs';
import { APP_CONFIG, CLOCK, ID_GENERATOR } from '../../infrastructure/tokens';
import { AccessDirectory, type AccessOutcome } from '../access-directory';
import { FIRST_ADMIN_PREFIX, FirstAdminLink, INVITATION_PREFIX, sha256Hex } from '../first-admin-link';
import { SessionIssuer, accessMetaOf } from '../session-issuer';
import { MeResponseDto, SignInRequestDto } from '../sign-in.dto';

@ApiTags('sign-in')
@Controller('auth')
export class SignInLinkController {
  constructor(
    private readonly directory: AccessDirectory,
    private readonly firstAdmin: FirstAdminLink,
    private readonly issuer: SessionIssuer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Redeem a sign-in link (the first-admin link printed at start, or an invitation): the web app POSTs the token from the link\'s URL ' +
      'fragment and gets the session as the HttpOnly cookie ledger_session. A link works once; unknown, used and revoked links all answer ' +
      'SIGN_IN.LINK_INVALID. 10 failures from one address within 15 minutes → 429 until the oldest leaves the window.',
    security: [],
  })
  @ApiOkResponse({
    type: MeResponseDto,
    description: 'Signed in. Set-Cookie: ledger_session=…; Path=/; HttpOnly; SameSite=Strict; Max-Age=<session TTL>[; Secure]',
  })
  @SignInDocs()
  async signIn(@Body() body: SignInRequestDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<MeResponseDto> {
    const outcome = await this.issuer.attempt(req, () => this.redeem(body.token, req));
    return this.issuer.issue(outcome, req, reply);
  }

  private async redeem(token: string, req: FastifyRequest): Promise<AccessOutcome> {
    const sessionId = this.ids.next();
    const now = this.clock.now().toISOString();
    const sessionTtlMs = this.config.sessions.ttlMs;
    if (token.startsWith(FIRST_ADMIN_PREFIX)) {
      this.firstAdmin.check(token);
      const outcome = await this.directory.decide(() => ({ kind: 'RedeemBootstrapLink', sessionId, now, sessionTtlMs }), accessMetaOf(req));
      this.firstAdmin.redeemed();
      return outcome;
    }
    if (token.startsWith(INVITATION_PREFIX)) {
      const secretHash = sha256Hex(token);
      // Created on another replica a moment ago? Catch up once before calling the link invalid.
      if (getIn(this.directory.state.bySecretHash, secretHash) === undefined) await this.directory.refresh();
      return this.directory.decide(() => ({ kind: 'RedeemInvitation', secretHash, sessionId, now, sessionTtlMs }), accessMetaOf(req));
    }
    throw linkRefused(false);
  }
}
