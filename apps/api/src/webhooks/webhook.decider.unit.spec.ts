import { deciderSpec } from '../../../../libs/domain/src/testing/decider-spec';
import { webhookDecider, type RegisterWebhook, type WebhookEvent } from './webhook.decider';

const { given } = deciderSpec(webhookDecider);
const admin = { id: 'ada', role: 'admin' as const };
const register = (over: Partial<RegisterWebhook> = {}): RegisterWebhook => ({
  kind: 'RegisterWebhook', actor: admin, webhookId: 'w-1', url: 'https://hooks.example.com/ledger',
  events: ['item.killed', 'proposal.closed', 'item.killed'], forumId: null, backlogIds: ['b-2', 'b-1'], secretHint: 'abcd',
  rationale: 'Slack hears about every kill', ...over,
});
const registered: WebhookEvent = {
  type: 'webhook.registered', schemaVersion: 1,
  data: { webhookId: 'w-1', url: 'https://hooks.example.com/ledger', events: ['item.killed'], forumId: null, backlogIds: [], secretHint: 'abcd', rationale: 'Slack hears about every kill' },
};

describe('webhook decider', () => {
  it('registers with the event types and backlogs deduplicated and sorted', () => {
    given([]).when(register()).then([{
      type: 'webhook.registered', schemaVersion: 1,
      data: { webhookId: 'w-1', url: 'https://hooks.example.com/ledger', events: ['item.killed', 'proposal.closed'], forumId: null, backlogIds: ['b-1', 'b-2'], secretHint: 'abcd', rationale: 'Slack hears about every kill' },
    }]);
  });

  it('refuses unknown event types, an empty list, a trivial rationale and roles other than admin / product leader', () => {
    given([]).when(register({ events: ['item.killed', 'item.added'] })).thenError('WEBHOOK.UNKNOWN_EVENT_TYPE', 'validation');
    given([]).when(register({ events: [] })).thenError('WEBHOOK.UNKNOWN_EVENT_TYPE', 'validation');
    given([]).when(register({ rationale: 'aaaaaaaaaaaa' })).thenError('DECISION.RATIONALE_REQUIRED', 'validation');
    given([]).when(register({ actor: { id: 'olga', role: 'product-owner' } })).thenError('DECISION.NOT_ALLOWED_FOR_ROLE', 'forbidden');
    given([]).when(register({ actor: { id: 'lena', role: 'product-leader' } })).events();
  });

  it('registers a webhook id once', () => {
    given([registered]).when(register()).thenError('WEBHOOK.ALREADY_REGISTERED', 'invariant');
  });

  it('removes an active webhook once, with a rationale', () => {
    const remove = { kind: 'RemoveWebhook' as const, actor: admin, webhookId: 'w-1', rationale: 'The channel was archived' };
    given([registered]).when(remove).then([{ type: 'webhook.removed', schemaVersion: 1, data: { webhookId: 'w-1', rationale: 'The channel was archived' } }]);
    const removed: WebhookEvent = { type: 'webhook.removed', schemaVersion: 1, data: { webhookId: 'w-1', rationale: 'The channel was archived' } };
    given([registered, removed]).when(remove).thenError('WEBHOOK.ALREADY_REMOVED', 'invariant');
    given([]).when(remove).thenError('WEBHOOK.NOT_FOUND', 'not-found');
    given([registered]).when({ ...remove, rationale: '' }).thenError('DECISION.RATIONALE_REQUIRED', 'validation');
    expect(given([registered, removed]).state.status).toBe('removed');
  });
});
