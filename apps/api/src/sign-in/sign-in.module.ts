import { Global, Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { AccessDirectory } from './access-directory';
import { FirstAdminLink } from './first-admin-link';
import { SessionAuth } from './session-auth';
import { SessionIssuer } from './session-issuer';
import { AuthConfigController } from './auth-config/auth-config.http.controller';
import { SignInLinkController } from './sign-in-link/sign-in-link.http.controller';
import { OidcSessionController } from './oidc-session/oidc-session.http.controller';
import { SignOutController } from './sign-out/sign-out.http.controller';
import { MeController } from './me/me.http.controller';
import { CreateInvitationController } from './create-invitation/create-invitation.http.controller';
import { ListInvitationsController } from './list-invitations/list-invitations.http.controller';
import { RevokeInvitationController } from './revoke-invitation/revoke-invitation.http.controller';
import { ListSessionsController } from './list-sessions/list-sessions.http.controller';
import { RevokeSessionController } from './revoke-session/revoke-session.http.controller';

/**
 * Sign-in (issue 11, ADRs 0023 and 0024): the access directory (invitations and sessions as events, in memory),
 * the first-admin link, sign-in links and the OIDC exchange into the HttpOnly session cookie, GET /me.
 * Global: the app-wide AuthGuard authenticates every request through SessionAuth.
 */
@Global()
@Module({
  imports: [ItemsModule],
  controllers: [
    AuthConfigController,
    SignInLinkController,
    OidcSessionController,
    SignOutController,
    MeController,
    CreateInvitationController,
    ListInvitationsController,
    RevokeInvitationController,
    ListSessionsController,
    RevokeSessionController,
  ],
  providers: [AccessDirectory, FirstAdminLink, SessionAuth, SessionIssuer],
  exports: [AccessDirectory, FirstAdminLink, SessionAuth],
})
export class SignInModule {}
