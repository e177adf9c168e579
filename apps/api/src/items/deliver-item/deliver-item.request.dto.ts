import { RationaleField } from '../../http/dto';

export class DeliverItemRequestDto {
  @RationaleField()
  rationale: string;
}
