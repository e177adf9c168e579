import type { RequestMeta } from '../../http/request-meta';

export class RemoveWebhookCommand {
  constructor(
    readonly webhookId: string,
    readonly rationale: string,
    readonly meta: RequestMeta,
  ) {}
}
