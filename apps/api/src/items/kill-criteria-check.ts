import { uuidV5, type RecordedEvent } from '@ledger/kernel';
import { killCriteriaBreach, type CheckedOutcome, type KillCriteriaBreach, type KillThreshold } from '@ledger/domain';

/** The kill proposal a breach of one criteria set opens: derived from the criteria's event, so it opens once (ADR 0034). */
export function criteriaProposalId(criteriaEventId: string): string {
  return uuidV5(`kill-criteria|${criteriaEventId}`);
}

const occurredAt = (e: RecordedEvent): string => (typeof e.metadata.occurredAt === 'string' ? e.metadata.occurredAt : e.recordedAt);

/** The outcomes recorded on the item after `criteriaEventId`, in stream order (the evidence a check may use). */
export function outcomesAfter(events: readonly RecordedEvent[], criteriaEventId: string): CheckedOutcome[] {
  const start = events.findIndex((e) => e.id === criteriaEventId);
  if (start < 0) return [];
  return events
    .slice(start + 1)
    .filter((e) => e.type === 'item.outcome-recorded')
    .map((e) => {
      const d = e.data as { objectiveId?: unknown; observedValue?: unknown };
      return { eventId: e.id, objectiveId: String(d.objectiveId ?? ''), observedValue: String(d.observedValue ?? ''), at: occurredAt(e) };
    });
}

export interface KillCriteriaCheck {
  /** `manual`: plain-text criteria, reviewed at the forum's cadence; `watching`: a threshold not breached (yet); `breached`. */
  status: 'manual' | 'watching' | 'breached';
  breach: KillCriteriaBreach | null;
  /** The proposal a breach opens (it exists once the forum scheduler has run; null when not breached). */
  proposalId: string | null;
}

/** The check of the item's current kill criteria as of `now` (pure: the item's stream in, the answer out). */
export function killCriteriaCheck(
  events: readonly RecordedEvent[],
  criteria: { exitCondition: string; reviewBy: string; threshold: KillThreshold | null; eventId: string },
  now: Date,
): KillCriteriaCheck {
  if (!criteria.threshold) return { status: 'manual', breach: null, proposalId: null };
  const breach = killCriteriaBreach({ ...criteria, threshold: criteria.threshold }, outcomesAfter(events, criteria.eventId), now.toISOString());
  return breach ? { status: 'breached', breach, proposalId: criteriaProposalId(criteria.eventId) } : { status: 'watching', breach: null, proposalId: null };
}
