import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LedgerError, type Clock, type IdGenerator } from '@ledger/kernel';
import { getIn } from '@ledger/domain';
import { CurrentPrincipal } from '../../auth/auth.guard';
import { actorOf, type Principal } from '../../auth/principal';
import type { AppConfig } from '../../config/config';
import { AccessAdminDocs } from '../../http/api-docs';
import { SecretInAnswer } from '../../http/idempotency';
import { APP_CONFIG, CLOCK, ID_GENERATOR } from '../../infrastructure/tokens';
import { Backlogs } from '../../items/backlog-context';
import { AccessDirectory } from '../access-directory';
import { INVITATION_PREFIX, newLinkToken, sha256Hex, signInLink } from '../first-admin-link';
import { originOf } from '../session-cookie';
import { accessMetaOf, assertAdmin } from '../session-issuer';
import { CreateInvitationRequestDto } from './create-invitation.request.dto';

export class CreatedInvitationResponseDto {
  @ApiProperty({ format: 'uuid' }) invitationId: string;
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty() role: string;
  @ApiProperty({ type: [String] }) backlogs: string[];
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'The single-use sign-in link to send to the person. Shown only in this answer (only its hash is kept).', example: 'http://localhost:3000/app/sign-in#token=inv_…' })
  link: string;
  @ApiProperty({ description: 'The link\'s token alone (what the web app POSTs to /auth/sign-in)' }) token: string;
  @ApiProperty() position: number;
  @ApiProperty({ type: [String] }) eventIds: string[];
}

/** "Lena Novak" → "lena-novak"; null when nothing usable is left. */
export function userIdFromName(name: string): string | null {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return slug === '' ? null : slug;
}

@ApiTags('sign-in')
@Controller('invitations')
export class CreateInvitationController {
  constructor(
    private readonly directory: AccessDirectory,
    private readonly backlogs: Backlogs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post()
  @SecretInAnswer()
  @ApiOperation({
    summary:
      'Invite a person (admins): a single-use sign-in link with a role, backlogs and an expiry, recorded as invitation.created. The link ' +
      'is in this answer only; Idempotency-Key is refused here (the answer holds a secret that is never stored): if it is lost, revoke and invite again.',
  })
  @ApiCreatedResponse({ type: CreatedInvitationResponseDto })
  @AccessAdminDocs()
  async create(
    @Body() body: CreateInvitationRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreatedInvitationResponseDto> {
    assertAdmin(principal);
    if (this.config.oidc) {
      throw new LedgerError('SIGN_IN.INVITATIONS_DISABLED', 'invariant', 'people sign in through the identity provider here (LEDGER_OIDC_ISSUER); invitations are for the embedded sign-in');
    }
    const backlogs = [...new Set((body.backlogs ?? []).map((b) => b.toLowerCase()))];
    for (const id of backlogs) await this.backlogs.context(id);
    const invitationId = this.ids.next();
    const userId = body.userId ?? userIdFromName(body.name) ?? `person-${invitationId.slice(0, 8)}`;
    const token = newLinkToken(INVITATION_PREFIX);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + (body.expiresInHours ?? 72) * 3600_000).toISOString();
    const outcome = await this.directory.decide(
      () => ({
        kind: 'CreateInvitation',
        actor: actorOf(principal),
        invitationId,
        userId,
        name: body.name,
        role: body.role,
        backlogs,
        secretHash: sha256Hex(token),
        now: now.toISOString(),
        expiresAt,
      }),
      accessMetaOf(req, principal),
    );
    const created = getIn(this.directory.state.invitations, invitationId)!;
    reply.header('Cache-Control', 'no-store');
    return {
      invitationId,
      userId,
      name: created.name,
      role: created.role,
      backlogs: created.backlogs,
      expiresAt: created.expiresAt,
      link: signInLink(originOf(req, `http://${this.config.host}:${this.config.port}`), token),
      token,
      position: outcome.position,
      eventIds: outcome.events.map((e) => e.id),
    };
  }
}
