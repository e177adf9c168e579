import { RationaleField } from '../../http/dto';

export class RevokeDelegationRequestDto {
  @RationaleField('Why the delegation ends early')
  rationale: string;
}
