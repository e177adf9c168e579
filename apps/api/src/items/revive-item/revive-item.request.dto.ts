import { RationaleField } from '../../http/dto';
import { PlacementFields } from '../reprioritize-item/reprioritize-item.request.dto';

/** Where the revived item goes: one of toPosition / before / after, or none (bottom). */
export class ReviveItemRequestDto extends PlacementFields {
  @RationaleField()
  rationale: string;
}
