import { RationaleField } from '../../http/dto';

export class RemoveWebhookRequestDto {
  @RationaleField('Why deliveries to this endpoint stop (kept in the audit trail).')
  rationale: string;
}
