import { AsOfLink } from '../../shared/AsOfLink';
import { Time } from '../../shared/Time';
import type { KillCriteria } from './queries';

const OPERATOR: Record<string, string> = { '<': 'below', '<=': 'at most', '>': 'above', '>=': 'at least' };

/**
 * The state of self-checking kill criteria, in the words the screen uses (ADR 0034): met (breached: the item was, or
 * will be, nominated to its forum), unmet (a threshold watched, not breached by the review date yet), pending (plain
 * text criteria: the forum reviews them at its cadence).
 */
export function checkState(c: KillCriteria): { key: 'met' | 'unmet' | 'pending'; label: string } {
  if (c.check.status === 'breached') return { key: 'met', label: 'met — the exit condition holds' };
  if (c.check.status === 'watching') return { key: 'unmet', label: 'unmet — checked against every outcome until the review date' };
  return { key: 'pending', label: 'pending — reviewed by the forum at its cadence' };
}

/** The item's kill criteria with their check state, the evidence of a breach, and the proposal it nominated. */
export function KillCriteriaSection({ itemId, criteria: c, objectiveTitle }: { itemId: string; criteria: KillCriteria; objectiveTitle: (id: string) => string }) {
  const state = checkState(c);
  const breach = c.check.breach;
  return (
    <section aria-labelledby="kill-criteria-title" className="kill-criteria" data-check={state.key}>
      <h2 id="kill-criteria-title">Kill criteria</h2>
      <p className="entry-why">{c.exitCondition}</p>
      <dl className="score-facts">
        <div>
          <dt>Check</dt>
          <dd data-figure="check">
            <span className={`badge badge-criteria-${state.key}`}>{state.key}</span> <span className="sub">{state.label}</span>
          </dd>
        </div>
        {c.threshold && (
          <div>
            <dt>Threshold</dt>
            <dd data-figure="threshold">
              kill if the observed value of “{objectiveTitle(c.threshold.objectiveId)}” is {OPERATOR[c.threshold.operator] ?? c.threshold.operator} {c.threshold.value}
            </dd>
          </div>
        )}
        <div>
          <dt>{c.threshold ? 'Checked by' : 'Review by'}</dt>
          <dd>
            <Time iso={c.reviewBy} dateOnly />
          </dd>
        </div>
        {breach && (
          <div>
            <dt>Evidence</dt>
            <dd data-figure="evidence">
              {breach.kind === 'outcome-met' ? (
                <>
                  outcome recorded <Time iso={breach.outcome.at} /> observed “{breach.outcome.observedValue}” ({breach.outcome.observed}) —{' '}
                  <AsOfLink to={`/items/${itemId}#event-${breach.outcome.eventId}`}>on the timeline</AsOfLink>
                </>
              ) : (
                <>
                  the check date <Time iso={breach.reviewBy} dateOnly /> passed with no outcome on the objective
                </>
              )}
            </dd>
          </div>
        )}
        {c.check.status === 'breached' && (
          <div>
            <dt>Nominated</dt>
            <dd data-figure="proposal">
              {c.check.proposalId ? (
                <AsOfLink to={`/proposals/${c.check.proposalId}`}>the kill proposal it opened</AsOfLink>
              ) : (
                'not yet: the forum’s next pass nominates it (or no forum reviews this backlog)'
              )}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
