import type { ProposalAction } from '../../app/roles';
import type { FieldSpec } from '../../shared/DecisionDialog';
import { amendReason, extendDeadline, withdraw, type ProposalView } from './queries';

/** The dialog of one governance decision on a proposal: its fields, its "why", the call (with If-Match). */
export interface ProposalActionSpec {
  label: string;
  title: string;
  fields: FieldSpec[];
  rationale: { name: string; label: string; hint?: string };
  initial?: Record<string, string>;
  danger?: boolean;
  send: (ifMatch: string, body: Record<string, unknown>) => Promise<unknown>;
}

const HINT = 'At least 10 characters; recorded with the decision for the members and the auditors.';

export function proposalActionSpecs(p: ProposalView, itemTitle: string): Record<ProposalAction, ProposalActionSpec> {
  return {
    'amend-reason': {
      label: 'Amend the reason',
      title: `Amend the reason to kill “${itemTitle}”`,
      fields: [],
      rationale: { name: 'reason', label: 'The new reason', hint: 'Possible only until the first vote is cast. ' + HINT },
      initial: { reason: p.reason },
      send: (m, body) => amendReason(p.id, m, body),
    },
    extend: {
      label: 'Extend the deadline',
      title: `Extend the vote on “${itemTitle}”`,
      fields: [{ name: 'days', label: 'Extend by (days)', type: 'number', required: true, min: 1, max: 365, hint: 'A deadline moves once, and only later.' }],
      rationale: { name: 'reason', label: 'Why does the deadline move?', hint: HINT },
      initial: { days: '7' },
      send: (m, body) => extendDeadline(p.id, m, body),
    },
    withdraw: {
      label: 'Withdraw',
      title: `Withdraw the proposal to kill “${itemTitle}”`,
      fields: [],
      rationale: { name: 'reason', label: 'Why is it withdrawn?', hint: HINT },
      danger: true,
      send: (m, body) => withdraw(p.id, m, body),
    },
  };
}
