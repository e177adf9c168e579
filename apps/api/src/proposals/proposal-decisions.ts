import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, uuidV5, type Actor, type Clock, type EventToAppend, type RecordedEvent } from '@ledger/kernel';
import {
  itemDecider,
  proposalDecider,
  proposalSlotDecider,
  type ForumState,
  type ProposalCommand,
  type ProposalSlotClaimed,
  type ProposalState,
} from '@ledger/domain';
import type { AppendResult, EventStore } from '@ledger/event-store';
import { actorOf } from '../auth/principal';
import type { RequestMeta } from '../http/request-meta';
import { CLOCK, EVENT_STORE } from '../infrastructure/tokens';
import { ForumDecisions, forumNotFound } from '../forums/forum-decisions';
import { DecisionExecutor, type DecisionOutcome } from '../shared/decision-executor';
import { Streams } from '../shared/streams';

export function proposalNotFound(proposalId: string): NotFoundError {
  return new NotFoundError('PROPOSAL.NOT_FOUND', `proposal ${proposalId} does not exist`, { proposalId });
}

/** The proposal.opened event that completes a slot claim: derived from the claim alone, so writing it twice is a no-op. */
export function openedFromClaim(claim: RecordedEvent): EventToAppend {
  const data = (claim.data as ProposalSlotClaimed['data']).opened;
  return {
    id: uuidV5(`proposal-opened|${data.proposalId}`),
    type: 'proposal.opened',
    schemaVersion: 1,
    data: data as unknown as Record<string, unknown>,
    metadata: {
      actor: claim.metadata.actor,
      correlationId: claim.metadata.correlationId,
      causationId: claim.id,
      ...(typeof claim.metadata.requestId === 'string' ? { requestId: claim.metadata.requestId } : {}),
    },
  };
}

export interface OpenProposalInput {
  proposalId: string;
  forumId: string;
  itemId: string;
  reason: string;
  meta: RequestMeta;
  /** Automatic nominations: the forum's cadence (its point's index) or a kill-criteria breach (null). */
  nomination?: { reasons: string[]; cadenceIndex: number | null };
}

/**
 * Kill-proposal decisions. Opening is two appends (ADR 0013): first the item's slot claim with the slot's expected
 * revision (the commit point: one open proposal per item under concurrency), then proposal.opened derived from the
 * claim. A crash in between leaves a claim that the forum scheduler completes.
 */
@Injectable()
export class ProposalDecisions {
  constructor(
    private readonly executor: DecisionExecutor,
    private readonly forums: ForumDecisions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  load(proposalId: string) {
    return this.executor.load(Streams.proposal(proposalId), proposalDecider);
  }

  async open(input: OpenProposalInput): Promise<DecisionOutcome> {
    const { proposalId, forumId, itemId, meta } = input;
    const actor: Actor = meta.actor ?? actorOf(meta.principal);
    const slotStream = Streams.proposalSlot(itemId);
    const claimed = await this.executor.run({
      streamId: slotStream,
      decider: proposalSlotDecider,
      // If-Match names a revision of an existing stream; a new proposal has none.
      meta: { ...meta, ifMatch: undefined },
      command: async (slot) => {
        const [forum, item, proposal] = await Promise.all([
          this.forums.load(forumId),
          this.executor.load(Streams.item(itemId), itemDecider),
          this.load(proposalId),
        ]);
        if (!forum.state.exists) throw forumNotFound(forumId);
        const holderId = slot.current?.proposalId ?? null;
        const holder = holderId === null ? null : { proposalId: holderId, status: (await this.load(holderId)).state.status };
        const [opened] = proposalDecider.decide(
          {
            kind: 'OpenProposal',
            actor,
            now: this.clock.now().toISOString(),
            proposalId,
            forum: forum.state,
            item: { itemId, backlogId: item.state.backlogId, status: item.state.status },
            reason: input.reason,
            actorOwnsBacklog: item.state.backlogId !== null && meta.principal.backlogs.includes(item.state.backlogId),
            nominatedAutomatically: input.nomination !== undefined,
            nominationReasons: input.nomination?.reasons ?? [],
            cadenceIndex: input.nomination?.cadenceIndex ?? null,
          },
          proposal.state,
        );
        return { kind: 'ClaimProposalSlot', opened: opened.data as ProposalSlotClaimed['data']['opened'], holder };
      },
    });
    const claim = (await this.store.readStream(slotStream)).find((e) => e.id === claimed.eventIds[0]);
    if (!claim) throw new Error(`slot claim ${claimed.eventIds[0]} not found after append`);
    const result = await this.completeOpening(claim);
    return {
      streamId: Streams.proposal((claim.data as ProposalSlotClaimed['data']).proposalId),
      revision: result.nextRevision,
      position: result.position,
      eventIds: [claim.id, openedFromClaim(claim).id],
      replayed: claimed.replayed,
    };
  }

  /** Writes the proposal.opened a claim stands for (idempotent: its id derives from the proposal). */
  completeOpening(claim: RecordedEvent): Promise<AppendResult> {
    const opened = openedFromClaim(claim);
    return this.store.append(Streams.proposal(String((opened.data as { proposalId: string }).proposalId)), [opened], 'no-stream');
  }

  /** A decision on an existing proposal; the forum is loaded for membership and the tally. */
  decide(
    proposalId: string,
    meta: RequestMeta,
    build: (state: ProposalState, forum: ForumState, now: string) => ProposalCommand,
  ): Promise<DecisionOutcome> {
    return this.executor.run({
      streamId: Streams.proposal(proposalId),
      decider: proposalDecider,
      meta,
      authorize: (state) => {
        if (state.status === 'none') throw proposalNotFound(proposalId);
      },
      command: async (state) => {
        const forum = await this.forums.load(state.forumId ?? '');
        return build(state, forum.state, this.clock.now().toISOString());
      },
    });
  }
}
