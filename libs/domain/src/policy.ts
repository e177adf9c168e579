/** Per-backlog thresholds used by analytics and review (DOMAIN.md, "Metric definitions"). */
export interface BacklogPolicy {
  zombieAfterDays: number;
  staleAfterDays: number;
  reversalWindowDays: number;
  healthySprints: { min: number; max: number };
  reviewCadenceDays: number;
}

export const DEFAULT_POLICY: BacklogPolicy = {
  zombieAfterDays: 90,
  staleAfterDays: 60,
  reversalWindowDays: 30,
  healthySprints: { min: 3, max: 6 },
  reviewCadenceDays: 14,
};
