import { DomainError, type Actor } from '@ledger/kernel';
import { requireRole, requireText, type Decider } from '@ledger/domain';

/**
 * Webhook registrations are facts in the event store (`webhook-<id>` streams), so every API replica and the
 * audit trail see the same subscribers (ADR 0015). The signing secret is never in an event.
 */
export const WEBHOOK_EVENT_TYPES = ['proposal.opened', 'proposal.closed', 'item.killed', 'item.escalated', 'item.escalation-resolved'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface WebhookRegistered {
  type: 'webhook.registered';
  schemaVersion: 1;
  data: {
    webhookId: string;
    url: string;
    events: WebhookEventType[];
    forumId: string | null;
    backlogIds: string[];
    /** Last 4 characters of the secret, so an operator can tell which secret a receiver holds. */
    secretHint: string;
    rationale: string;
  };
}

export interface WebhookRemoved {
  type: 'webhook.removed';
  schemaVersion: 1;
  data: { webhookId: string; rationale: string };
}

export type WebhookEvent = WebhookRegistered | WebhookRemoved;

export interface RegisterWebhook {
  kind: 'RegisterWebhook';
  actor: Actor;
  webhookId: string;
  /** Already checked by webhook-url.ts (the HTTP layer knows the deployment's insecure-URL setting). */
  url: string;
  events: string[];
  forumId: string | null;
  backlogIds: string[];
  secretHint: string;
  rationale: string;
}

export interface RemoveWebhook {
  kind: 'RemoveWebhook';
  actor: Actor;
  webhookId: string;
  rationale: string;
}

export type WebhookCommand = RegisterWebhook | RemoveWebhook;

export interface WebhookState {
  status: 'none' | 'active' | 'removed';
  webhookId: string | null;
  url: string;
  events: WebhookEventType[];
  forumId: string | null;
  backlogIds: string[];
  secretHint: string;
}

export const initialWebhookState: WebhookState = {
  status: 'none', webhookId: null, url: '', events: [], forumId: null, backlogIds: [], secretHint: '',
};

const MANAGER_ROLES = ['admin', 'product-leader'] as const;

export const webhookDecider: Decider<WebhookCommand, WebhookState, WebhookEvent> = {
  initialState: initialWebhookState,

  decide(command, state) {
    switch (command.kind) {
      case 'RegisterWebhook': {
        requireRole(command.actor, MANAGER_ROLES, 'register webhooks');
        if (state.status !== 'none') {
          throw new DomainError('WEBHOOK.ALREADY_REGISTERED', `webhook ${command.webhookId} is already registered`, { webhookId: command.webhookId });
        }
        const events = [...new Set(command.events)];
        const unknown = events.filter((e) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(e));
        if (events.length === 0 || unknown.length > 0) {
          throw new DomainError(
            'WEBHOOK.UNKNOWN_EVENT_TYPE',
            `events must name at least one of ${WEBHOOK_EVENT_TYPES.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`,
            { field: 'events' },
            'validation',
          );
        }
        const rationale = requireText(command.rationale, 'rationale', 'DECISION.RATIONALE_REQUIRED');
        return [{
          type: 'webhook.registered',
          schemaVersion: 1,
          data: {
            webhookId: command.webhookId,
            url: command.url,
            events: events.sort() as WebhookEventType[],
            forumId: command.forumId,
            backlogIds: [...new Set(command.backlogIds)].sort(),
            secretHint: command.secretHint,
            rationale,
          },
        }];
      }
      case 'RemoveWebhook': {
        requireRole(command.actor, MANAGER_ROLES, 'remove webhooks');
        if (state.status === 'none') throw new DomainError('WEBHOOK.NOT_FOUND', `webhook ${command.webhookId} does not exist`, { webhookId: command.webhookId }, 'not-found');
        if (state.status === 'removed') throw new DomainError('WEBHOOK.ALREADY_REMOVED', `webhook ${command.webhookId} was already removed`, { webhookId: command.webhookId });
        const rationale = requireText(command.rationale, 'rationale', 'DECISION.RATIONALE_REQUIRED');
        return [{ type: 'webhook.removed', schemaVersion: 1, data: { webhookId: command.webhookId, rationale } }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'webhook.registered':
        return { status: 'active', ...event.data, events: [...event.data.events], backlogIds: [...event.data.backlogIds] };
      case 'webhook.removed':
        return { ...state, status: 'removed' };
      default:
        return state;
    }
  },
};
