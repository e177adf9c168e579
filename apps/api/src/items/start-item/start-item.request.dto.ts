import { RationaleField } from '../../http/dto';

export class StartItemRequestDto {
  @RationaleField()
  rationale: string;
}
