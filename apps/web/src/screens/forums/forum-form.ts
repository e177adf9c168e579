import type { FieldSpec, FormValues } from '../../shared/DecisionDialog';

/**
 * The fields of a forum's rule and scope in a decision dialog (setting up a forum, changing its rule), and the body
 * the API takes (pure; unit-tested). The kill threshold is asked as a percentage (people think "60 %"), sent as a
 * share (0.6). The bounds are the forum decider's (RULE_BOUNDS in libs/domain/src/forum/forum.decider.ts).
 */
export interface RuleValues {
  quorum: number;
  killThreshold: number;
  votingPeriodDays: number;
  reviewCadenceDays: number;
  onNoQuorum: 'reopen-next-cadence' | 'return-to-owner';
}

export const DEFAULT_RULE: RuleValues = { quorum: 3, killThreshold: 0.5, votingPeriodDays: 7, reviewCadenceDays: 14, onNoQuorum: 'reopen-next-cadence' };

export const RULE_FIELDS: readonly FieldSpec[] = [
  { name: 'quorum', label: 'Quorum (votes needed)', type: 'number', required: true, min: 1, max: 1000, hint: 'Kill, keep and abstain all count.' },
  { name: 'killThresholdPct', label: 'Kill threshold (% of kill + keep)', type: 'number', required: true, min: 1, max: 100, hint: 'Kill when at least this share of kill + keep votes say kill.' },
  { name: 'votingPeriodDays', label: 'Voting period (days)', type: 'number', required: true, min: 1, max: 365 },
  { name: 'reviewCadenceDays', label: 'Review cadence (days)', type: 'number', required: true, min: 1, max: 365, hint: 'Zombies and items due for review are nominated this often.' },
  {
    name: 'onNoQuorum',
    label: 'Without quorum',
    type: 'select',
    required: true,
    options: [
      { value: 'reopen-next-cadence', label: 'Nominate again at the next cadence' },
      { value: 'return-to-owner', label: 'Hand back to the owner' },
    ],
  },
];

/** API field names → these fields (validation names the nested rule fields). */
export const RULE_ALIASES: Record<string, string> = {
  'rule.quorum': 'quorum',
  'rule.killThreshold': 'killThresholdPct',
  'rule.votingPeriodDays': 'votingPeriodDays',
  'rule.reviewCadenceDays': 'reviewCadenceDays',
  'rule.onNoQuorum': 'onNoQuorum',
};

const BACKLOG_PREFIX = 'backlog:';

/** One checkbox per backlog (the forum's scope). */
export function scopeFields(backlogs: readonly { id: string; name: string }[]): FieldSpec[] {
  return backlogs.map((b) => ({ name: `${BACKLOG_PREFIX}${b.id}`, label: `Reviews “${b.name}”`, type: 'checkbox' }));
}

export function ruleInitial(rule: RuleValues, backlogIds: readonly string[] = []): FormValues {
  const values: FormValues = {
    quorum: String(rule.quorum),
    killThresholdPct: String(Math.round(rule.killThreshold * 1000) / 10),
    votingPeriodDays: String(rule.votingPeriodDays),
    reviewCadenceDays: String(rule.reviewCadenceDays),
    onNoQuorum: rule.onNoQuorum,
  };
  for (const id of backlogIds) values[`${BACKLOG_PREFIX}${id}`] = true;
  return values;
}

/** The dialog's body (numbers already numbers) → `rule` and `backlogIds` as the API takes them. */
export function ruleBody(body: Record<string, unknown>): { rule: RuleValues; backlogIds: string[]; rest: Record<string, unknown> } {
  const rest: Record<string, unknown> = {};
  const backlogIds: string[] = [];
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith(BACKLOG_PREFIX)) {
      if (v === true) backlogIds.push(k.slice(BACKLOG_PREFIX.length));
    } else if (!['quorum', 'killThresholdPct', 'votingPeriodDays', 'reviewCadenceDays', 'onNoQuorum'].includes(k)) {
      rest[k] = v;
    }
  }
  const rule: RuleValues = {
    quorum: Number(body.quorum),
    // One decimal of a percentage: 60 → 0.6, 62.5 → 0.625 (kill when kill ≥ share × (kill + keep)).
    killThreshold: Math.round(Number(body.killThresholdPct) * 10) / 1000,
    votingPeriodDays: Number(body.votingPeriodDays),
    reviewCadenceDays: Number(body.reviewCadenceDays),
    onNoQuorum: body.onNoQuorum === 'return-to-owner' ? 'return-to-owner' : 'reopen-next-cadence',
  };
  return { rule, backlogIds, rest };
}

/** "quorum 3 · kill at 50 % of kill + keep · 7-day vote · nominations every 14 days". */
export function ruleSummary(rule: RuleValues): string {
  return `quorum ${rule.quorum} · kill at ${Math.round(rule.killThreshold * 1000) / 10} % of kill + keep · ${rule.votingPeriodDays}-day vote · nominations every ${rule.reviewCadenceDays} days`;
}
