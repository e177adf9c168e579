import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uuidV5 } from '@ledger/kernel';

/** Import histories for the import tests. */

export const R = 'Because the data from the last quarter says so.';
export const PO = { id: 'olga', role: 'product-owner' };
export const LEADER = { id: 'lena', role: 'product-leader' };
export const SAM = { id: 'sam', role: 'stakeholder' };

/** The example of docs/import-format.md, so the documentation stays true. */
export function docExample(): string[] {
  const doc = readFileSync(join(__dirname, '../../../../../docs/import-format.md'), 'utf8');
  const block = doc.slice(doc.indexOf('### A small file'));
  const body = block.slice(block.indexOf('```\n') + 4, block.indexOf('\n```', block.indexOf('```\n') + 4));
  return body.split('\n').filter((l) => l.trim());
}

/** Every decision the API takes, after the doc example (backlog "checkout", items PAY-1 / PAY-2). */
export function fullHistory(): string[] {
  const l = (at: string, actor: object, decision: string, fields: Record<string, unknown>, id?: string) =>
    JSON.stringify({ ...(id ? { id } : {}), at, actor, decision, ...fields });
  return [
    ...docExample(),
    l('2025-01-10T09:00:00Z', LEADER, 'backlog.change-product-goal', { backlog: 'checkout', productGoal: 'Every customer pays on the first attempt', rationale: R }),
    l('2025-01-10T09:05:00Z', PO, 'backlog.record-velocity', { backlog: 'checkout', sprint: 'Sprint 1', endedOn: '2025-01-10', points: 21, rationale: R }),
    l('2025-01-10T09:10:00Z', PO, 'backlog.change-policy', { backlog: 'checkout', policy: { zombieAfterDays: 120 }, rationale: R }),
    l('2025-01-10T09:15:00Z', PO, 'backlog.add-objective', { backlog: 'checkout', objective: 'failures', title: 'Payment failures', metric: 'Failed attempts per 1000', rationale: R }),
    l('2025-01-10T10:00:00Z', PO, 'item.add', { backlog: 'checkout', item: 'PAY-3', title: 'PayPal', kind: 'story', before: 'PAY-1', rationale: R }),
    l('2025-01-10T10:10:00Z', PO, 'item.add', { backlog: 'checkout', item: 'PAY-4', title: 'Blockchain receipts', kind: 'initiative', rationale: R }),
    l('2025-01-11T10:00:00Z', PO, 'item.estimate', { item: 'PAY-1', estimate: 5, rationale: R }),
    l('2025-01-11T10:05:00Z', PO, 'item.link-objective', { item: 'PAY-3', objective: 'failures', rationale: R }),
    l('2025-01-11T10:10:00Z', PO, 'item.set-kill-criteria', { item: 'PAY-4', exitCondition: 'Kill it if no customer asks by March.', reviewBy: '2025-03-31', rationale: R }),
    l('2025-01-12T10:00:00Z', PO, 'item.start', { item: 'PAY-1', rationale: R }),
    l('2025-01-20T10:00:00Z', PO, 'item.deliver', { item: 'PAY-1', rationale: R }),
    l('2025-02-20T10:00:00Z', PO, 'item.record-outcome', { item: 'PAY-1', objective: 'conversion', observedValue: '+2pp', moved: true, rationale: R }),
    l('2025-02-21T10:00:00Z', PO, 'item.kill', { item: 'PAY-4', reason: 'No customer asked for it in six weeks.' }, 'kill-pay-4'),
    l('2025-02-22T10:00:00Z', SAM, 'item.escalate', { item: 'PAY-4', escalation: 'esc-2', against: 'kill-pay-4', wanted: 'Keep it alive please', reason: 'A prospect mentioned it once.' }),
    l('2025-02-23T10:00:00Z', LEADER, 'item.resolve-escalation', { item: 'PAY-4', escalation: 'esc-2', outcome: 'upheld', rationale: R }),
    l('2025-03-01T10:00:00Z', PO, 'item.revive', { item: 'PAY-4', toPosition: 1, rationale: R }),
    l('2025-03-02T10:00:00Z', PO, 'item.move-to-anti-backlog', { item: 'PAY-4', reason: 'Outside the product goal after all.' }),
    l('2025-03-03T10:00:00Z', PO, 'backlog.retire-objective', { backlog: 'checkout', objective: 'failures', rationale: R }),
  ];
}


/**
 * The lines with refused ones slipped in, each refused by a different rule and each leaving the state as it was:
 * after every 5th kill the same kill again (ITEM.ALREADY_KILLED), after every 20th move to a position the same
 * move (ITEM.NO_CHANGE), after every 50th new item its key again (IMPORT.DUPLICATE_KEY), and every 97 lines a
 * reference to an item no line defined (IMPORT.UNKNOWN_REF). A refused line keeps the time of the line before it.
 */
export function withRefusals(lines: string[]): string[] {
  const out: string[] = [];
  const seen: Record<string, number> = {};
  lines.forEach((text, i) => {
    out.push(text);
    const line = JSON.parse(text) as Record<string, unknown>;
    const n = (seen[String(line.decision)] = (seen[String(line.decision)] ?? 0) + 1);
    const again = (changes: Record<string, unknown>) => JSON.stringify({ ...line, id: `${String(line.id ?? i)}-refused`, ...changes });
    if (line.decision === 'item.kill' && n % 5 === 0) out.push(again({ reason: 'Killing it once more, to be sure.' }));
    if (line.decision === 'item.reprioritize' && typeof line.toPosition === 'number' && n % 20 === 0) out.push(again({}));
    if (line.decision === 'item.add' && n % 50 === 0) out.push(again({ title: 'The same key again' }));
    if (i % 97 === 96) {
      out.push(JSON.stringify({ id: `refused-${i}`, at: line.at, actor: line.actor, decision: 'item.estimate', item: `NO-SUCH-${i}`, estimate: 3, rationale: R }));
    }
  });
  return out;
}

/** The server id an import gives the objective a line defines under `key` (the add-objective handler's derivation). */
export function importedObjectiveId(actorId: string, key: string): string {
  return uuidV5(`objective|${actorId}|import:objective:${key}`);
}

/**
 * Decision quality on import lines (ADR 0033, 0034): a backlog scored by value/effort, items with score inputs,
 * moves over items with higher scores (judged against the score) and one that brings new inputs, the model changed
 * to RICE and an item re-scored under it, a move off the ranking's scores (unscored item), kill criteria with a
 * threshold met by an outcome and kill criteria whose check date passes with no outcome (both nominate once a
 * forum covers the backlog), and plain-text criteria (reviewed at the cadence only).
 */
export function scoredHistory(): string[] {
  const l = (at: string, actor: object, decision: string, fields: Record<string, unknown>) => JSON.stringify({ at, actor, decision, ...fields });
  const activation = importedObjectiveId(LEADER.id, 'activation');
  return [
    l('2025-03-01T09:00:00Z', LEADER, 'backlog.create', {
      backlog: 'growth',
      name: 'Growth',
      productGoal: 'New users reach value in their first week',
      policy: { scoringModel: 'value-effort', scoreMargin: 0.2, outcomeDueDays: 30 },
    }),
    l('2025-03-01T09:05:00Z', LEADER, 'backlog.add-objective', { backlog: 'growth', objective: 'activation', title: 'Activation', metric: 'Share of sign-ups active on day 7 (%)', rationale: R }),
    l('2025-03-01T10:00:00Z', PO, 'item.add', { backlog: 'growth', item: 'referrals', title: 'Referrals', kind: 'initiative', scoreInputs: { value: 40, effort: 2 }, rationale: R }),
    l('2025-03-01T10:01:00Z', PO, 'item.add', { backlog: 'growth', item: 'onboarding', title: 'Onboarding', kind: 'initiative', scoreInputs: { value: 30, effort: 3 }, rationale: R }),
    l('2025-03-01T10:02:00Z', PO, 'item.add', { backlog: 'growth', item: 'pricing', title: 'Pricing page', kind: 'story', scoreInputs: { value: 12, effort: 1 }, rationale: R }),
    l('2025-03-01T10:03:00Z', PO, 'item.add', { backlog: 'growth', item: 'pet', title: 'Pet feature', kind: 'story', scoreInputs: { value: 9, effort: 1 }, rationale: R }),
    l('2025-03-01T10:04:00Z', PO, 'item.add', { backlog: 'growth', item: 'unscored', title: 'Unscored chore', kind: 'tech', rationale: R }),
    // pet (9) to the top over referrals (20), onboarding (10), pricing (12): against the score for 20 and 12.
    l('2025-03-02T10:00:00Z', PO, 'item.reprioritize', { item: 'pet', toPosition: 1, trigger: 'stakeholder-request', rationale: R }),
    // New evidence lifts pricing to 30 with the move.
    l('2025-03-03T10:00:00Z', PO, 'item.reprioritize', { item: 'pricing', toPosition: 2, trigger: 'new-evidence', scoreInputs: { value: 30 }, rationale: R }),
    l('2025-03-03T11:00:00Z', PO, 'item.reprioritize', { item: 'unscored', toPosition: 1, rationale: R }),
    l('2025-03-04T10:00:00Z', LEADER, 'backlog.change-policy', { backlog: 'growth', policy: { scoringModel: 'rice' }, rationale: R }),
    l('2025-03-04T11:00:00Z', PO, 'item.estimate', { item: 'onboarding', scoreInputs: { reach: 500, impact: 2, confidence: 0.5, effort: 5 }, rationale: R }),
    l('2025-03-04T12:00:00Z', PO, 'item.reprioritize', { item: 'onboarding', before: 'pet', rationale: R }),
    l('2025-03-05T10:00:00Z', PO, 'item.set-kill-criteria', {
      item: 'referrals',
      exitCondition: 'Kill it if activation stays under 5 %.',
      reviewBy: '2025-06-30',
      threshold: { objectiveId: activation, operator: '<', value: 5 },
      rationale: R,
    }),
    l('2025-03-05T10:05:00Z', PO, 'item.set-kill-criteria', {
      item: 'pricing',
      exitCondition: 'Kill it unless activation reaches 20 % by April.',
      reviewBy: '2025-04-01',
      threshold: { objectiveId: activation, operator: '>=', value: 20 },
      rationale: R,
    }),
    l('2025-03-05T10:10:00Z', PO, 'item.set-kill-criteria', { item: 'pet', exitCondition: 'Kill it if no customer asks by summer.', reviewBy: '2025-07-01', rationale: R }),
    l('2025-03-06T10:00:00Z', PO, 'item.start', { item: 'referrals', rationale: R }),
    l('2025-04-10T10:00:00Z', PO, 'item.record-outcome', { item: 'referrals', objective: 'activation', observedValue: '3.5', moved: false, rationale: R }),
    l('2025-04-10T11:00:00Z', PO, 'item.start', { item: 'onboarding', rationale: R }),
    l('2025-04-11T10:00:00Z', PO, 'item.record-outcome', { item: 'onboarding', objective: 'activation', observedValue: '12', moved: true, rationale: R }),
  ];
}
