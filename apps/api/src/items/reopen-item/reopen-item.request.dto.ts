import { RationaleField } from '../../http/dto';
import { PlacementFields } from '../reprioritize-item/reprioritize-item.request.dto';

/** Where the reopened item goes: one of toPosition / before / after, or none (bottom). */
export class ReopenItemRequestDto extends PlacementFields {
  @RationaleField()
  rationale: string;
}
