import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { findDecision, ItemEventType, isRanked, scoredAfter, type ItemState, type Placement } from '@ledger/domain';
import { actorOf } from '../../auth/principal';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { Backlogs } from '../backlog-context';
import { ItemDecisions } from '../item-decisions';
import { Ranking, type PlacementRequest } from '../ranking';
import { ResolveEscalationCommand } from './resolve-escalation.command';

/** Stands for "a placement was given" where its value cannot matter (the decider rejects any). */
const NO_PLACE: Placement = { above: null, below: null, position: 0 };

@CommandHandler(ResolveEscalationCommand)
export class ResolveEscalationHandler implements ICommandHandler<ResolveEscalationCommand, DecisionOutcome> {
  constructor(
    private readonly items: ItemDecisions,
    private readonly ranking: Ranking,
    private readonly backlogs: Backlogs,
  ) {}

  execute(c: ResolveEscalationCommand): Promise<DecisionOutcome> {
    return this.items.decide(c.itemId, c.meta, async (state) => {
      const ranked = isRanked(state);
      const placeable = ranked || state.status === 'killed' || state.status === 'anti-backlog';
      const escalation = Object.prototype.hasOwnProperty.call(state.escalations, c.escalationId)
        ? state.escalations[c.escalationId]
        : undefined;
      // Consult the ranking only when the decision can go through; otherwise the decider's answer comes first.
      const live = escalation?.status === 'open' && c.outcome === 'overturned' && placeable;
      if (ranked || live) await this.ranking.caughtUp();
      let placement: Placement | undefined;
      if (c.outcome === 'upheld' || !live) {
        placement = c.target ? NO_PLACE : undefined;
      } else {
        const target = c.target ?? this.defaultTarget(state, c.itemId, escalation!.againstEventId);
        placement = target === null ? undefined : this.ranking.placement(state.backlogId, c.itemId, target);
      }
      const fromPosition = ranked ? (this.ranking.positionOf(state.backlogId, c.itemId) ?? 0) : null;
      const scoring = await this.backlogs.scoring(state.backlogId);
      const judged = live && ranked && scoredAfter(scoring, state.scoreInputs, undefined);
      return {
        kind: 'ResolveEscalation',
        actor: actorOf(c.meta.principal),
        scoring,
        escalationId: c.escalationId,
        outcome: c.outcome,
        placement,
        fromPosition,
        passing: judged && placement && fromPosition !== null ? this.ranking.passing(state.backlogId, fromPosition, placement.position) : [],
        rationale: c.rationale,
      };
    });
  }

  /**
   * Where an overturn puts the item when the body does not say: back to the contested move's starting position
   * (clamped to the current ranking), or the bottom when it comes back from a kill / the anti-backlog;
   * null leaves it to the decider (ESCALATION.CHANGE_REQUIRED).
   */
  private defaultTarget(
    state: ItemState & { backlogId: string },
    itemId: string,
    againstEventId: string,
  ): PlacementRequest | undefined | null {
    const contested = findDecision(state, againstEventId);
    if (contested?.type === ItemEventType.Reprioritized && typeof contested.fromPosition === 'number') {
      // The bottom slot is the highest position the item can take (ranked count, +1 when not ranked yet).
      const last = this.ranking.placement(state.backlogId, itemId, undefined).position;
      return { toPosition: Math.min(Math.max(1, Math.trunc(contested.fromPosition)), last) };
    }
    if (state.status === 'killed' || state.status === 'anti-backlog') return undefined; // bottom
    return null;
  }
}
