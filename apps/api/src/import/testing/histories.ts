import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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
