import { ApiProperty } from '@nestjs/swagger';
import { DecisionResponseDto } from '../../http/dto';

export class DelegationResponseDto extends DecisionResponseDto {
  @ApiProperty({ format: 'uuid', description: 'The delegation (revoke it with POST /forums/{forumId}/delegations/{delegationId}/revoke)' })
  delegationId: string;
}
