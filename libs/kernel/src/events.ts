/**
 * The envelope every decision travels in. Event `type` strings are stable wire names
 * (never derived from class names); `schemaVersion` lets readers upcast old shapes.
 */
export type Role =
  | 'admin'
  | 'product-owner'
  | 'product-leader'
  | 'stakeholder'
  | 'forum-member'
  | 'auditor'
  | 'system';

export const ROLES: readonly Role[] = [
  'admin',
  'product-owner',
  'product-leader',
  'stakeholder',
  'forum-member',
  'auditor',
  'system',
];

export interface Actor {
  id: string;
  role: Role;
}

/** What a decider emits: a fact, no ids, no clock. */
export interface DomainEvent<T extends string = string, D = Record<string, unknown>> {
  type: T;
  schemaVersion: number;
  data: D;
}

/** Stored next to every event; an auditor follows correlation/causation to rebuild a chain. */
export interface EventMetadata {
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  /** Request that produced the event (log correlation). */
  requestId?: string;
  /** When the decision actually happened, if different from when it was recorded (imports). */
  occurredAt?: string;
  /** Free-form additions (imported-from, client, …); never used for decisions. */
  [key: string]: unknown;
}

/** An event about to be appended: ids come from the application layer (injected generator). */
export interface EventToAppend {
  id: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

/** An event as the store returns it. */
export interface RecordedEvent extends EventToAppend {
  streamId: string;
  /** 0-based revision within the stream (EventStoreDB semantics). */
  revision: number;
  /** Global, strictly increasing position across all streams (gap-free in the SQLite adapter). */
  position: number;
  /** ISO-8601 UTC, assigned by the store at commit; non-decreasing with position. */
  recordedAt: string;
  /** sha256 hex of this event chained to `prevHash` (see libs/event-store hash-chain). */
  hash: string;
  prevHash: string;
}
