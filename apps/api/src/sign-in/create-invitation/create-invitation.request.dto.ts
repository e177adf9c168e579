import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { ASSIGNABLE_ROLES } from '../../auth/principal';

export class CreateInvitationRequestDto {
  @ApiProperty({ description: 'The person\'s display name', maxLength: 120, example: 'Lena Novak' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @ApiProperty({ enum: ASSIGNABLE_ROLES })
  @IsIn(ASSIGNABLE_ROLES)
  role: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 50, description: 'Backlogs the role is limited to (required for a product owner)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID(undefined, { each: true })
  backlogs?: string[];

  @ApiPropertyOptional({
    description: 'The id the person acts as (the actor of their decisions); default: from the name, e.g. "lena-novak". Re-inviting the same id is the same person.',
    maxLength: 100,
    pattern: '^[A-Za-z0-9][A-Za-z0-9._@+-]*$',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._@+-]*$/)
  userId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 720, default: 72, description: 'How long the link works' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  expiresInHours?: number;
}
