import type { RequestMeta } from '../../http/request-meta';
import type { RegisterWebhookRequestDto } from './register-webhook.request.dto';

export class RegisterWebhookCommand {
  constructor(
    readonly body: RegisterWebhookRequestDto,
    readonly meta: RequestMeta,
  ) {}
}
