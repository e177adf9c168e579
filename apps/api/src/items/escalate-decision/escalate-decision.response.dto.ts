import { ApiProperty } from '@nestjs/swagger';
import { DecisionResponseDto } from '../../http/dto';

export class EscalationResponseDto extends DecisionResponseDto {
  @ApiProperty({ format: 'uuid', description: 'Id of the new escalation (use it to resolve it)' })
  escalationId: string;
}
