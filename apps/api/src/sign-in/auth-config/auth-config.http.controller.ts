import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/auth.guard';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../infrastructure/tokens';
import { FirstAdminLink } from '../first-admin-link';

/** Where the web app's OpenID provider sends the browser back (register it at the provider). */
export const OIDC_REDIRECT_PATH = '/app/auth/callback';

export class OidcClientConfigDto {
  @ApiProperty({ description: 'The provider\'s issuer URL (oidc-client-ts `authority`)', example: 'https://id.example.com/realms/acme' }) issuer: string;
  @ApiProperty({ description: 'The web app\'s public client id (oidc-client-ts `client_id`)' }) clientId: string;
  @ApiProperty({ description: 'Space-separated scopes to request', example: 'openid profile email' }) scopes: string;
  @ApiProperty({ description: 'Path of the redirect URI on this origin (oidc-client-ts `redirect_uri` = origin + path)', example: OIDC_REDIRECT_PATH })
  redirectPath: string;
}

export class AuthConfigResponseDto {
  @ApiProperty({ enum: ['embedded', 'oidc'], description: 'embedded: sign-in links (first-admin link, invitations); oidc: Authorization Code + PKCE with the provider' })
  mode: string;
  @ApiProperty({ description: 'embedded: the first-admin link printed at start is still waiting (nobody has signed in as admin yet)' })
  firstAdminPending: boolean;
  @ApiProperty({ description: 'How long a web session lasts' }) sessionTtlMinutes: number;
  @ApiProperty({ type: OidcClientConfigDto, nullable: true, description: 'Set in oidc mode' }) oidc: OidcClientConfigDto | null;
}

@ApiTags('sign-in')
@Controller('auth')
export class AuthConfigController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly firstAdmin: FirstAdminLink,
  ) {}

  @Get('config')
  @Public()
  @ApiOperation({ summary: 'How the web app signs people in (no session needed)', security: [] })
  @ApiOkResponse({ type: AuthConfigResponseDto })
  config_(): AuthConfigResponseDto {
    const oidc = this.config.oidc;
    return {
      mode: oidc ? 'oidc' : 'embedded',
      firstAdminPending: this.firstAdmin.pending,
      sessionTtlMinutes: Math.round(this.config.sessions.ttlMs / 60_000),
      oidc: oidc ? { issuer: oidc.issuer, clientId: oidc.clientId, scopes: oidc.scopes, redirectPath: OIDC_REDIRECT_PATH } : null,
    };
  }
}
