import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { SIGN_IN_METHODS } from '@ledger/domain';
import { ASSIGNABLE_ROLES } from '../auth/principal';
import { RationaleField } from '../http/dto';

export const SIGNED_IN_WITH = [...SIGN_IN_METHODS, 'api-token'] as const;

export class MeResponseDto {
  @ApiProperty({ description: 'Who the session or token says you are (the actor id of your decisions)', example: 'lena-novak' }) sub: string;
  @ApiProperty({ description: 'Display name (the invitation\'s name, the provider\'s name claim, else the sub)' }) name: string;
  @ApiProperty({ enum: ASSIGNABLE_ROLES }) role: string;
  @ApiProperty({ type: [String], description: 'Backlogs your role is limited to (product owners decide on these; empty: none named)' }) backlogs: string[];
  @ApiProperty({ enum: SIGNED_IN_WITH, description: 'bootstrap-link, invitation or oidc: a web session; api-token: an Authorization bearer token' })
  signedInWith: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The web session (null for API tokens)' }) sessionId: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the session (or token) stops working' }) expiresAt: string;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) invitationId: string;
  @ApiProperty({ description: 'The sub the invitee acts as' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ASSIGNABLE_ROLES }) role: string;
  @ApiProperty({ type: [String] }) backlogs: string[];
  @ApiProperty({ enum: ['open', 'redeemed', 'revoked', 'expired'] }) status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'The admin who sent it' }) invitedBy: string | null;
  @ApiProperty({ format: 'date-time', description: 'The link stops working at this instant' }) expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) redeemedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The session the redemption started' }) sessionId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) revokeReason: string | null;
}

export class InvitationListDto {
  @ApiProperty({ type: [InvitationDto], description: 'Newest first; the secrets are never shown again' }) invitations: InvitationDto[];
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ASSIGNABLE_ROLES }) role: string;
  @ApiProperty({ type: [String] }) backlogs: string[];
  @ApiProperty({ enum: SIGN_IN_METHODS }) method: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class SessionListDto {
  @ApiProperty({ type: [SessionDto], description: 'Sessions that let someone in right now, newest first' }) sessions: SessionDto[];
}

export class AccessDecisionResponseDto {
  @ApiProperty({ format: 'uuid', description: 'The invitation or session decided on' }) id: string;
  @ApiProperty({ description: 'Global position of the last event written' }) position: number;
  @ApiProperty({ type: [String] }) eventIds: string[];
}

export class ReasonRequestDto {
  @RationaleField('Why (kept in the audit trail; at least 10 meaningful characters)')
  reason: string;
}

export class SignInRequestDto {
  @ApiProperty({ description: 'The token from the sign-in link\'s URL fragment (#token=…)', maxLength: 200, example: 'inv_3q2-7wEvj0pO1dqf3bMhbE6bX2m6vmV5p1oPp6v0fQk' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;
}

export class OidcSessionRequestDto {
  @ApiProperty({ description: 'The access token the identity provider issued to the web app (a JWT for this API\'s audience)', maxLength: 16384 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(16384)
  accessToken: string;
}
