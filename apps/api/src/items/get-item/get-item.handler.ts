import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Clock } from '@ledger/kernel';
import { itemDecider, isRanked, type FrozenScore, type ScoreInputs } from '@ledger/domain';
import { CLOCK } from '../../infrastructure/tokens';
import { frozenOf } from '../../backlogs/list-backlog-items/ranking-at';
import { killCriteriaCheck, type KillCriteriaCheck } from '../kill-criteria-check';
import { Authorization } from '../../auth/authorization';
import { DecisionExecutor } from '../../shared/decision-executor';
import { Streams } from '../../shared/streams';
import { itemNotFound } from '../item-decisions';
import { Ranking } from '../ranking';
import { GetItemQuery } from './get-item.query';

export interface ItemView {
  id: string;
  backlogId: string;
  status: string;
  position: number | null;
  title: string;
  kind: string | null;
  hypothesis: string | null;
  objectiveId: string | null;
  estimate: number | null;
  requestedBy: string | null;
  rank: string | null;
  /** With `check`: how the self-checking criteria stand now (ADR 0034). */
  killCriteria: (Record<string, unknown> & { check: KillCriteriaCheck }) | null;
  /** The item's score inputs now (ADR 0033). */
  scoreInputs: ScoreInputs;
  /** The score its latest decision froze (with that decision's event id); null before any. */
  scoring: (FrozenScore & { eventId: string }) | null;
  kill: unknown;
  antiBacklogReason: string | null;
  escalations: unknown[];
  outcomes: unknown[];
  revision: number;
}

/** Current state of one item, folded from its own stream (always consistent with its ETag). */
@QueryHandler(GetItemQuery)
export class GetItemHandler implements IQueryHandler<GetItemQuery, ItemView> {
  constructor(
    private readonly executor: DecisionExecutor,
    private readonly ranking: Ranking,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ itemId, principal }: GetItemQuery): Promise<ItemView> {
    const { state, revision, events } = await this.executor.load(Streams.item(itemId), itemDecider);
    if (state.status === 'none' || !state.backlogId || revision === null) throw itemNotFound(itemId);
    Authorization.assertCanRead(principal, state.backlogId);
    let position: number | null = null;
    if (isRanked(state)) {
      await this.ranking.caughtUp();
      position = this.ranking.positionOf(state.backlogId, itemId);
    }
    return {
      id: itemId,
      backlogId: state.backlogId,
      status: state.status,
      position,
      title: state.title,
      kind: state.kind ?? 'story',
      hypothesis: state.hypothesis,
      objectiveId: state.objectiveId,
      estimate: state.estimate,
      requestedBy: state.requestedBy,
      rank: state.rank,
      killCriteria: state.killCriteria ? { ...state.killCriteria, check: killCriteriaCheck(events, state.killCriteria, this.clock.now()) } : null,
      scoreInputs: state.scoreInputs,
      scoring: state.lastScore ? { ...(frozenOf(state) as FrozenScore), eventId: state.lastScore.eventId } : null,
      kill: state.kill,
      antiBacklogReason: state.antiBacklogReason,
      escalations: Object.values(state.escalations),
      outcomes: state.outcomes,
      revision,
    };
  }
}
