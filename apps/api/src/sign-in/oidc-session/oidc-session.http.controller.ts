import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LedgerError, type Clock, type IdGenerator } from '@ledger/kernel';
import { Public } from '../../auth/auth.guard';
import { TokenVerifier } from '../../auth/token-verifier';
import type { AppConfig } from '../../config/config';
import { SignInDocs } from '../../http/api-docs';
import { APP_CONFIG, CLOCK, ID_GENERATOR } from '../../infrastructure/tokens';
import { AccessDirectory } from '../access-directory';
import { SessionIssuer, accessMetaOf } from '../session-issuer';
import { MeResponseDto, OidcSessionRequestDto } from '../sign-in.dto';
import { SessionTokens } from '../session-tokens';

@ApiTags('sign-in')
@Controller('auth/oidc')
export class OidcSessionController {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly directory: AccessDirectory,
    private readonly issuer: SessionIssuer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post('session')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'OIDC mode: exchange the access token the web app got from the identity provider (Authorization Code + PKCE) for the same ' +
      'HttpOnly session cookie an invitation gives (ADR 0024). The token is verified through the provider\'s JWKS (issuer, audience, ' +
      'expiry) and its role claim mapped; the web app can then forget the provider\'s tokens.',
    security: [],
  })
  @ApiOkResponse({ type: MeResponseDto, description: 'Signed in. Set-Cookie: ledger_session=…; Path=/; HttpOnly; SameSite=Strict; Max-Age=<session TTL>[; Secure]' })
  @SignInDocs()
  async exchange(@Body() body: OidcSessionRequestDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<MeResponseDto> {
    const oidc = this.config.oidc;
    if (!oidc) {
      throw new LedgerError('SIGN_IN.OIDC_NOT_CONFIGURED', 'invariant', 'this ledger signs people in with links, not an identity provider (GET /auth/config)');
    }
    const principal = await this.issuer.attempt(req, async () => {
      if (SessionTokens.isSession(body.accessToken)) throw new LedgerError('AUTH.TOKEN_INVALID', 'unauthenticated', 'send the identity provider\'s access token');
      return this.verifier.verify(`Bearer ${body.accessToken}`);
    });
    const now = this.clock.now().toISOString();
    const sessionId = this.ids.next();
    const outcome = await this.directory.decide(
      () => ({
        kind: 'StartOidcSession',
        sessionId,
        userId: principal.sub,
        name: principal.name ?? principal.sub,
        role: principal.role,
        backlogs: principal.backlogs,
        issuer: oidc.issuer,
        now,
        sessionTtlMs: this.config.sessions.ttlMs,
      }),
      accessMetaOf(req, principal),
    );
    return this.issuer.issue(outcome, req, reply);
  }
}
