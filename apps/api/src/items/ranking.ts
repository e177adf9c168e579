import { Inject, Injectable } from '@nestjs/common';
import { LedgerError, DomainError } from '@ledger/kernel';
import type { PassedCandidate, Placement } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import type { AppConfig } from '../config/config';
import { APP_CONFIG, EVENT_STORE, LEDGER_INDEX } from '../infrastructure/tokens';
import type { RankingIndex } from '../read-model/ledger-index.port';

/** Where the request wants the item: one of these, or none (bottom). */
export interface PlacementRequest {
  toPosition?: number;
  before?: string;
  after?: string;
}

export class ReadModelBehindError extends LedgerError {
  constructor(position: number) {
    super('READ_MODEL.BEHIND', 'unavailable', `the ranked view has not caught up with position ${position} yet; retry`, { position });
  }
}

/**
 * Resolves "toPosition / before / after" into the neighbours' rank keys, from a ranked view that has
 * caught up with every committed decision.
 */
@Injectable()
export class Ranking {
  constructor(
    @Inject(LEDGER_INDEX) private readonly index: RankingIndex,
    @Inject(EVENT_STORE) private readonly store: Pick<EventStore, 'headPosition'>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Wait until the read model reflects every decision committed so far (read-your-writes). */
  async caughtUp(minPosition?: number): Promise<void> {
    const target = Math.max(minPosition ?? 0, await this.store.headPosition());
    if (!(await this.index.waitFor(target, this.config.readYourWritesTimeoutMs))) throw new ReadModelBehindError(target);
  }

  positionOf(backlogId: string, itemId: string): number | null {
    return this.index.positionOf(backlogId, itemId);
  }

  /**
   * The open items a move of `itemId` from `fromPosition` to `placement.position` puts it above that it was not above
   * right before (ADR 0033): moving up from p to q < p, the items now at q..p−1; moving down, none. Read from the same
   * in-memory rank order the placement came from, with each item's inputs as its last decision froze them.
   */
  passing(backlogId: string, fromPosition: number, toPosition: number): PassedCandidate[] {
    if (!(toPosition < fromPosition)) return [];
    return this.index.rankedBetween(backlogId, toPosition, fromPosition - 1).map((r) => ({ itemId: r.itemId, inputs: r.scoring?.inputs ?? {} }));
  }

  placement(backlogId: string, itemId: string, request: PlacementRequest | undefined): Placement {
    if (request?.before !== undefined || request?.after !== undefined) {
      const side = request.before !== undefined ? 'before' : 'after';
      const anchor = (request.before ?? request.after) as string;
      const n = this.index.neighboursOf(backlogId, anchor, side, itemId);
      if (n.position < 0) {
        throw new DomainError(
          'RANK.ANCHOR_NOT_RANKED',
          `item ${anchor} is not a ranked item of this backlog (or is the item itself)`,
          { field: side },
          'validation',
        );
      }
      return { above: n.above, below: n.below, position: n.position };
    }
    const others = this.index.rankedCount(backlogId) - (this.index.positionOf(backlogId, itemId) === null ? 0 : 1);
    const position = request?.toPosition ?? others + 1;
    if (!Number.isInteger(position) || position < 1 || position > others + 1) {
      throw new DomainError(
        'RANK.POSITION_OUT_OF_RANGE',
        `toPosition must be between 1 and ${others + 1}`,
        { field: 'toPosition', max: others + 1 },
        'validation',
      );
    }
    const n = this.index.neighboursAt(backlogId, position, itemId);
    return { above: n.above, below: n.below, position };
  }
}
