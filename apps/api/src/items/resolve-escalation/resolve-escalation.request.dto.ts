import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { RationaleField } from '../../http/dto';
import { PlacementFields } from '../reprioritize-item/reprioritize-item.request.dto';

export const ESCALATION_OUTCOMES = ['upheld', 'overturned'] as const;
export type EscalationOutcomeKind = (typeof ESCALATION_OUTCOMES)[number];

/**
 * `upheld`: the decision stands (no placement). `overturned`: the decision changes; the placement says where
 * the item goes. Without one, an overturned reprioritization returns the item to where it was before it,
 * and an overturned kill / anti-backlog move brings it back at the bottom.
 */
export class ResolveEscalationRequestDto extends PlacementFields {
  @ApiProperty({ enum: ESCALATION_OUTCOMES })
  @IsIn(ESCALATION_OUTCOMES)
  outcome: EscalationOutcomeKind;

  @RationaleField()
  rationale: string;
}
