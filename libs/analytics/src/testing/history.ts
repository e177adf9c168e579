import { randomUUID } from 'node:crypto';
import type { RecordedEvent, Role } from '@ledger/kernel';
import {
  DEFAULT_POLICY,
  type BacklogPolicy,
  type FrozenScore,
  type ItemEvent,
  type BacklogEvent,
  type ReprioritizationMove,
  type ScoreCheck,
} from '@ledger/domain';

/** Decision-quality additions of schema-2 item events (ADR 0033): a frozen score, and for moves the judgement. */
export interface Scored {
  scoring?: FrozenScore;
  scoreCheck?: ScoreCheck | null;
}

/** Schema 2 when the event carries a frozen score (as the decider writes it since ADR 0033), else schema 1. */
function scored<E extends ItemEvent>(e: E, s: Scored | undefined): E {
  if (!s?.scoring) return e;
  const data = { ...e.data, scoring: s.scoring, ...(e.type === 'item.reprioritized' ? { scoreCheck: s.scoreCheck ?? null } : {}) };
  return { ...e, schemaVersion: 2, data } as E;
}

const DAY = 86_400_000;

/**
 * Builds realistic event histories for golden scenarios and property tests: events shaped exactly as
 * the deciders emit them, with global positions, times and actors. Time is in days from `start`.
 */
export class History {
  readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, number>();
  private readonly positions = new Map<string, number>(); // itemId → current position (1-based), for convenience
  /** False: the next events are imported from a tracker with no stated why (metadata.statedWhy = false). */
  statedWhy = true;

  constructor(
    readonly backlogId: string = randomUUID(),
    readonly start: Date = new Date('2026-01-01T00:00:00.000Z'),
  ) {}

  /** ISO instant `days` after start (fractions allowed). */
  at(days: number): string {
    return new Date(this.start.getTime() + days * DAY).toISOString();
  }

  private push(
    streamId: string,
    e: ItemEvent | BacklogEvent,
    day: number,
    actor: { id: string; role: Role },
    extra: { id?: string; causationId?: string | null } = {},
  ): RecordedEvent {
    const revision = (this.revisions.get(streamId) ?? -1) + 1;
    this.revisions.set(streamId, revision);
    const recorded: RecordedEvent = {
      id: extra.id ?? randomUUID(),
      streamId,
      revision,
      position: this.events.length + 1,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data as unknown as Record<string, unknown>,
      metadata: {
        actor,
        correlationId: randomUUID(),
        causationId: extra.causationId ?? null,
        occurredAt: this.at(day),
        ...(this.statedWhy ? {} : { imported: true, statedWhy: false }),
      },
      recordedAt: this.at(day),
      hash: '0'.repeat(64),
      prevHash: '0'.repeat(64),
    };
    this.events.push(recorded);
    return recorded;
  }

  static owner = { id: 'olga', role: 'product-owner' as Role };

  created(day: number, policy: Partial<BacklogPolicy> = {}): RecordedEvent {
    return this.push(`backlog-${this.backlogId}`, {
      type: 'backlog.created',
      schemaVersion: 1,
      data: { backlogId: this.backlogId, name: 'B', productGoal: 'A goal worth pursuing', policy: { ...DEFAULT_POLICY, ...policy }, rationale: 'A goal worth pursuing' },
    }, day, History.owner);
  }

  policy(day: number, policy: Partial<BacklogPolicy>): RecordedEvent {
    return this.push(`backlog-${this.backlogId}`, {
      type: 'backlog.policy-changed',
      schemaVersion: 1,
      data: { backlogId: this.backlogId, policy: { ...DEFAULT_POLICY, ...policy }, previousPolicy: DEFAULT_POLICY, rationale: 'Policy tuned after review' },
    }, day, History.owner);
  }

  velocity(day: number, sprint: string, points: number): RecordedEvent {
    return this.push(`backlog-${this.backlogId}`, {
      type: 'backlog.sprint-velocity-recorded',
      schemaVersion: 1,
      data: { backlogId: this.backlogId, sprint, endedOn: this.at(day).slice(0, 10), points, rationale: 'End of sprint review' },
    }, day, History.owner);
  }

  objective(day: number, objectiveId: string = randomUUID()): string {
    this.push(`backlog-${this.backlogId}`, {
      type: 'backlog.objective-added',
      schemaVersion: 1,
      data: { backlogId: this.backlogId, objectiveId, title: 'Objective', metric: 'metric', target: null, rationale: 'Quarterly planning' },
    }, day, History.owner);
    return objectiveId;
  }

  add(day: number, opts: { itemId?: string; title?: string; kind?: 'story' | 'initiative' | 'bug' | 'tech' | 'hypothesis'; estimate?: number; objectiveId?: string; position?: number; requestedBy?: string; actor?: { id: string; role: Role } } & Scored = {}): string {
    const itemId = opts.itemId ?? randomUUID();
    const position = opts.position ?? this.positions.size + 1;
    this.positions.set(itemId, position);
    this.push(`item-${itemId}`, scored<ItemEvent>({
      type: 'item.added',
      schemaVersion: 1,
      data: {
        itemId, backlogId: this.backlogId, title: opts.title ?? `item ${this.positions.size}`, kind: opts.kind ?? 'initiative',
        hypothesis: null, objectiveId: opts.objectiveId ?? null, estimate: opts.estimate ?? null,
        requestedBy: opts.requestedBy ?? null, rank: 'i', position, rationale: 'Worth a try',
      },
    }, opts), day, opts.actor ?? History.owner);
    return itemId;
  }

  /** A reprioritization from → to (positions); returns the event id. */
  move(day: number, itemId: string, from: number, to: number, opts: { trigger?: 'routine' | 'stakeholder-request' | 'escalation' | 'review' | 'new-evidence'; escalationId?: string; actor?: { id: string; role: Role }; causationId?: string } & Scored = {}): string {
    this.positions.set(itemId, to);
    return this.push(`item-${itemId}`, scored<ItemEvent>({
      type: 'item.reprioritized',
      schemaVersion: 1,
      data: { itemId, backlogId: this.backlogId, fromRank: 'i', toRank: 'i', fromPosition: from, toPosition: to, trigger: opts.trigger ?? 'routine', escalationId: opts.escalationId ?? null, rationale: 'Priorities shifted' },
    }, opts), day, opts.actor ?? History.owner, { causationId: opts.causationId }).id;
  }

  /**
   * A reprioritization off the ranking (ADR 0025): a priority change by levels, or a direction-only move; the
   * ranking stays as it is. Returns the event id.
   */
  moveOff(day: number, itemId: string, move: Partial<ReprioritizationMove> & Pick<ReprioritizationMove, 'scale' | 'direction'>, opts: { actor?: { id: string; role: Role } } & Scored = {}): string {
    const position = this.positions.get(itemId) ?? 1;
    const full: ReprioritizationMove = { approximate: move.fromLevel === undefined, fromLevel: null, toLevel: null, from: null, to: null, ...move };
    return this.push(`item-${itemId}`, scored<ItemEvent>({
      type: 'item.reprioritized',
      schemaVersion: 1,
      data: { itemId, backlogId: this.backlogId, fromRank: 'i', toRank: 'i', fromPosition: position, toPosition: position, trigger: 'routine', escalationId: null, rationale: 'Jira change imported', move: full },
    }, opts), day, opts.actor ?? History.owner).id;
  }

  /** A delivered item back in the ranking (ADR 0025). */
  reopen(day: number, itemId: string, position = 1): string {
    this.positions.set(itemId, position);
    return this.push(`item-${itemId}`, {
      type: 'item.reopened',
      schemaVersion: 1,
      data: { itemId, backlogId: this.backlogId, rank: 'i', position, rationale: 'The fix did not hold' },
    }, day, History.owner).id;
  }

  escalate(day: number, itemId: string, againstEventId: string, by: string, againstEventType = 'item.reprioritized'): { escalationId: string; eventId: string } {
    const escalationId = randomUUID();
    const e = this.push(`item-${itemId}`, {
      type: 'item.escalated',
      schemaVersion: 1,
      data: { itemId, backlogId: this.backlogId, escalationId, againstEventId, againstEventType, wanted: 'Put it back where it was', reason: 'Customers are waiting for this', addressedTo: null },
    }, day, { id: by, role: 'stakeholder' });
    return { escalationId, eventId: e.id };
  }

  resolve(day: number, itemId: string, esc: { escalationId: string; eventId: string }, againstEventId: string, outcome: 'upheld' | 'overturned'): string {
    return this.push(`item-${itemId}`, {
      type: 'item.escalation-resolved',
      schemaVersion: 1,
      data: { itemId, backlogId: this.backlogId, escalationId: esc.escalationId, againstEventId, outcome, rationale: 'Heard both sides' },
    }, day, History.owner, { causationId: esc.eventId }).id;
  }

  kill(day: number, itemId: string, opts: { via?: 'owner' | 'forum'; fromPosition?: number } = {}): string {
    return this.push(`item-${itemId}`, {
      type: 'item.killed',
      schemaVersion: 1,
      data: { itemId, backlogId: this.backlogId, reason: 'No longer worth it', decidedBy: 'olga', via: opts.via ?? 'owner', proposalId: opts.via === 'forum' ? randomUUID() : null, fromPosition: opts.fromPosition ?? this.positions.get(itemId) ?? 1 },
    }, day, History.owner).id;
  }

  revive(day: number, itemId: string, opts: { position?: number; trigger?: 'decision' | 'escalation'; escalationId?: string; causationId?: string } = {}): string {
    const position = opts.position ?? 1;
    this.positions.set(itemId, position);
    return this.push(`item-${itemId}`, {
      type: 'item.revived',
      schemaVersion: 1,
      data: { itemId, backlogId: this.backlogId, rank: 'i', position, trigger: opts.trigger ?? 'decision', escalationId: opts.escalationId ?? null, rationale: 'Back on the table' },
    }, day, History.owner, { causationId: opts.causationId }).id;
  }

  antiBacklog(day: number, itemId: string): string {
    return this.push(`item-${itemId}`, {
      type: 'item.moved-to-anti-backlog',
      schemaVersion: 1,
      data: { itemId, backlogId: this.backlogId, reason: 'Explicitly not pursued', fromPosition: this.positions.get(itemId) ?? 1 },
    }, day, History.owner).id;
  }

  killCriteria(day: number, itemId: string, reviewBy: string): string {
    return this.push(`item-${itemId}`, {
      type: 'item.kill-criteria-set',
      schemaVersion: 1,
      data: { itemId, backlogId: this.backlogId, exitCondition: 'No signal after two sprints', reviewBy, rationale: 'Make the exit explicit' },
    }, day, History.owner).id;
  }

  estimate(day: number, itemId: string, estimate: number, previous: number | null = null): string {
    return this.push(`item-${itemId}`, {
      type: 'item.estimated',
      schemaVersion: 1,
      data: { itemId, backlogId: this.backlogId, estimate, previousEstimate: previous, rationale: 'Refinement session' },
    }, day, History.owner).id;
  }

  link(day: number, itemId: string, objectiveId: string): string {
    return this.push(`item-${itemId}`, {
      type: 'item.linked-to-objective',
      schemaVersion: 1,
      data: { itemId, backlogId: this.backlogId, objectiveId, previousObjectiveId: null, rationale: 'Serves the objective' },
    }, day, History.owner).id;
  }

  startWork(day: number, itemId: string, opts: { actor?: { id: string; role: Role } } = {}): string {
    return this.push(`item-${itemId}`, {
      type: 'item.started',
      schemaVersion: 1,
      data: { itemId, backlogId: this.backlogId, rationale: 'Pulled into the sprint' },
    }, day, opts.actor ?? History.owner).id;
  }

  deliver(day: number, itemId: string, opts: { actor?: { id: string; role: Role } } = {}): string {
    return this.push(`item-${itemId}`, {
      type: 'item.delivered',
      schemaVersion: 1,
      data: { itemId, backlogId: this.backlogId, fromPosition: this.positions.get(itemId) ?? 1, rationale: 'Shipped' },
    }, day, opts.actor ?? History.owner).id;
  }

  outcome(day: number, itemId: string, objectiveId: string, moved: boolean, opts: { observedValue?: string } = {}): string {
    return this.push(`item-${itemId}`, {
      type: 'item.outcome-recorded',
      schemaVersion: 1,
      data: { itemId, backlogId: this.backlogId, objectiveId, observedValue: opts.observedValue ?? (moved ? 'improved' : 'flat'), moved, rationale: 'Measured after a month' },
    }, day, History.owner).id;
  }
}
