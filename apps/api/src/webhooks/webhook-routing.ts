import type { RecordedEvent } from '@ledger/kernel';
import { WEBHOOK_EVENT_TYPES } from './webhook.decider';

export interface Subscriber {
  webhookId: string;
  events: readonly string[];
  forumId: string | null;
  backlogIds: readonly string[];
}

export function isDeliverable(type: string): boolean {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);
}

/**
 * Whether `event` goes to `sub` (pure). The event type must be subscribed; a forum-scoped subscriber receives
 * that forum's proposal events and the item events of backlogs in the forum's scope (as it stood when the event
 * was recorded: `forumBacklogs` answers from the forum events seen so far); a backlog filter keeps only events
 * of those backlogs. Both filters apply when both are set.
 */
export function matches(sub: Subscriber, event: Pick<RecordedEvent, 'type' | 'data'>, forumBacklogs: (forumId: string) => readonly string[] | null): boolean {
  if (!sub.events.includes(event.type)) return false;
  const d = event.data as Record<string, unknown>;
  const backlogId = typeof d.backlogId === 'string' ? d.backlogId : null;
  if (sub.forumId) {
    if (event.type.startsWith('proposal.')) {
      if (d.forumId !== sub.forumId) return false;
    } else {
      const scope = forumBacklogs(sub.forumId);
      if (!scope || !backlogId || !scope.includes(backlogId)) return false;
    }
  }
  if (sub.backlogIds.length > 0 && (!backlogId || !sub.backlogIds.includes(backlogId))) return false;
  return true;
}

/** The JSON body of a delivery: the event as recorded (the same for every attempt, so retries sign the same bytes). */
export function deliveryBody(deliveryId: string, webhookId: string, e: RecordedEvent): string {
  return JSON.stringify({
    deliveryId,
    webhookId,
    event: {
      id: e.id,
      type: e.type,
      schemaVersion: e.schemaVersion,
      streamId: e.streamId,
      revision: e.revision,
      position: e.position,
      recordedAt: e.recordedAt,
      occurredAt: typeof e.metadata.occurredAt === 'string' ? e.metadata.occurredAt : e.recordedAt,
      actor: e.metadata.actor,
      correlationId: e.metadata.correlationId,
      causationId: e.metadata.causationId,
      data: e.data,
    },
  });
}
