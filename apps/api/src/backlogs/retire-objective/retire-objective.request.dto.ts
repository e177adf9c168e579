import { RationaleField } from '../../http/dto';

export class RetireObjectiveRequestDto {
  @RationaleField()
  rationale: string;
}
