import type { ScoringModel } from './scoring';

/** Per-backlog thresholds used by analytics and review (DOMAIN.md, "Metric definitions" and "Decision quality"). */
export interface BacklogPolicy {
  zombieAfterDays: number;
  staleAfterDays: number;
  reversalWindowDays: number;
  healthySprints: { min: number; max: number };
  reviewCadenceDays: number;
  /** The scoring model item decisions freeze scores with (`none`: items have no score). */
  scoringModel: ScoringModel;
  /** "Against the score": a passed-over item's score exceeds the moved item's by more than this share (0.2 = 20 %). */
  scoreMargin: number;
  /** A delivered item without an outcome is overdue this many days after its delivery. */
  outcomeDueDays: number;
}

export const DEFAULT_POLICY: BacklogPolicy = {
  zombieAfterDays: 90,
  staleAfterDays: 60,
  reversalWindowDays: 30,
  healthySprints: { min: 3, max: 6 },
  reviewCadenceDays: 14,
  scoringModel: 'none',
  scoreMargin: 0.2,
  outcomeDueDays: 90,
};
