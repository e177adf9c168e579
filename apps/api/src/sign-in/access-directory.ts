import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Actor, EventToAppend, IdGenerator, RecordedEvent } from '@ledger/kernel';
import { accessDecider, initialAccessState, type AccessCommand, type AccessEvent, type AccessState } from '@ledger/domain';
import { WrongExpectedRevisionError, type EventStore, type Subscription } from '@ledger/event-store';
import { EVENT_STORE, ID_GENERATOR } from '../infrastructure/tokens';
import { ConcurrencyConflictError } from '../shared/decision-executor';
import { JsonLogger } from '../shared/json-logger';

/** The one stream of the access directory: invitations, sign-ins, sign-outs, revocations (ADR 0023). */
export const ACCESS_STREAM = 'access-directory';

export interface AccessMeta {
  /** Who decided; default: the command's actor, or for a sign-in the person who signed in (from session.started). */
  actor?: Actor;
  requestId: string;
  correlationId: string;
}

export interface AccessOutcome {
  events: (AccessEvent & { id: string })[];
  /** Global position of the last event written (0 when the decision wrote nothing). */
  position: number;
}

const MAX_ATTEMPTS = 5;

/**
 * The access directory's state, in memory: folded from its stream at start (one stream, so a start reads only
 * its own events), then kept current by following the store, so replicas see each other's sign-ins and
 * revocations. Every request that carries a session is checked against it (sign-in/session-auth.ts).
 * Decisions are taken on this state and appended with its revision as the expected revision; a conflict means
 * another replica wrote first: read what it wrote and decide again.
 */
@Injectable()
export class AccessDirectory implements OnApplicationBootstrap, OnApplicationShutdown {
  private current: AccessState = initialAccessState;
  /** Revision of the last applied event of ACCESS_STREAM (null: none yet). */
  private revision: number | null = null;
  private followed = 0;
  private subscription?: Subscription;
  private refreshing: Promise<void> | null = null;
  /** Decisions of this process run one at a time (they would only conflict with each other). */
  private queue: Promise<unknown> = Promise.resolve();
  private stopping = false;
  /** Who created each invitation (the event's actor: metadata, so not in the decider's state). */
  private readonly inviters = new Map<string, string>();
  readonly loaded: Promise<void>;
  private markLoaded!: () => void;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly logger: JsonLogger,
  ) {
    this.loaded = new Promise((resolve) => (this.markLoaded = resolve));
  }

  get state(): AccessState {
    return this.current;
  }

  /** The admin who created the invitation. */
  invitedBy(invitationId: string): string | null {
    return this.inviters.get(invitationId) ?? null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const started = Date.now();
    this.followed = await this.store.headPosition();
    await this.refresh();
    this.follow();
    this.markLoaded();
    this.logger.info('access directory loaded', { events: this.revision === null ? 0 : this.revision + 1, ms: Date.now() - started });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.subscription?.close();
  }

  /** Reads the stream's events this process has not applied yet (another replica's decisions). */
  refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        const events = await this.store.readStream(ACCESS_STREAM, { fromRevision: this.revision === null ? 0 : this.revision + 1 });
        for (const e of events) this.apply(e);
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  /** Load the directory's state → decide → append with its revision; on a conflict, catch up and decide again. */
  decide(command: (state: AccessState) => AccessCommand, meta: AccessMeta): Promise<AccessOutcome> {
    const run = this.queue.then(() => this.decideNow(command, meta));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async decideNow(command: (state: AccessState) => AccessCommand, meta: AccessMeta): Promise<AccessOutcome> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const state = this.current;
      const expected = this.revision;
      const cmd = command(state);
      const decided = accessDecider.decide(cmd, state);
      if (decided.length === 0) return { events: [], position: 0 };
      const envelopes: EventToAppend[] = [];
      for (const d of decided) {
        envelopes.push({
          id: this.ids.next(),
          type: d.type,
          schemaVersion: d.schemaVersion,
          data: d.data as unknown as Record<string, unknown>,
          metadata: {
            actor: meta.actor ?? ('actor' in cmd ? cmd.actor : actorOfSignIn(decided)),
            correlationId: meta.correlationId,
            causationId: envelopes.length > 0 ? envelopes[envelopes.length - 1].id : null,
            requestId: meta.requestId,
          },
        });
      }
      try {
        const result = await this.store.append(ACCESS_STREAM, envelopes, expected === null ? 'no-stream' : expected);
        const first = result.nextRevision - envelopes.length + 1;
        envelopes.forEach((e, i) => this.apply({ ...e, revision: first + i } as RecordedEvent));
        return { events: envelopes.map((e) => ({ ...(e as unknown as AccessEvent), id: e.id })), position: result.position };
      } catch (e) {
        if (!(e instanceof WrongExpectedRevisionError)) throw e;
        await this.refresh();
      }
    }
    throw new ConcurrencyConflictError(ACCESS_STREAM, MAX_ATTEMPTS);
  }

  /** Applies the stream's next event; anything already applied is skipped, a gap is filled from the store. */
  private apply(e: Pick<RecordedEvent, 'id' | 'type' | 'schemaVersion' | 'data' | 'revision' | 'metadata'>): void {
    const next = this.revision === null ? 0 : this.revision + 1;
    if (e.revision < next) return;
    if (e.revision > next) {
      this.refresh().catch((err) => this.logger.error('access directory could not catch up with the store', { err: String(err) }));
      return;
    }
    this.current = accessDecider.evolve(this.current, { id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data } as AccessEvent & { id: string });
    if (e.type === 'invitation.created') this.inviters.set(String(e.data.invitationId), e.metadata.actor.id);
    this.revision = e.revision;
  }

  private follow(): void {
    if (this.stopping) return;
    this.subscription = this.store.subscribeAll(
      this.followed,
      (e) => {
        this.followed = e.position;
        if (e.streamId === ACCESS_STREAM) this.apply(e);
      },
      {
        onError: (err) => {
          if (this.stopping) return;
          this.logger.error('access directory stopped following the store; resubscribing in 1 s', { err: String(err), position: this.followed });
          setTimeout(() => this.follow(), 1000).unref();
        },
      },
    );
  }
}

/** A sign-in's actor is the person who signed in. */
function actorOfSignIn(decided: { type: string; data: unknown }[]): Actor {
  const start = decided.find((d) => d.type === 'session.started');
  if (!start) throw new Error('an access decision without an actor must start a session');
  const d = start.data as { userId: string; role: Actor['role'] };
  return { id: d.userId, role: d.role };
}
