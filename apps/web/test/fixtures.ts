import type { Ledger } from '../../../test/support/ledger';

const DAY = 86_400_000;
export const WHY = 'Agreed in the weekly product review with the team.';

export interface Seeded {
  backlogId: string;
  /** Item ids by title. */
  items: Record<string, string>;
  /** ISO instants of the scripted history. */
  instants: { added: string; now: string };
  leader: string;
}

export const TITLES = ['One-tap payment', 'Saved cards', 'Guest checkout', 'Address autocomplete', 'Receipt emails', 'Gift wrapping'] as const;

/**
 * A backlog with history, written through the API: six items added on day 0 (ranked in TITLES order), 100 days
 * later one estimated (progress), one killed, one moved to the anti-backlog; the others are zombies by then.
 * Waits until the analytics include all of it, so every screen shows it on first load.
 */
export async function seedCheckout(ledger: Ledger): Promise<Seeded> {
  const leader = await ledger.token('product-leader', 'lena');
  const post = async (path: string, body: unknown) => {
    const res = await ledger.request('POST', path, { token: leader, body });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text}`);
    return res.body as { id: string; position: number };
  };
  const backlogId = (await post('/backlogs', { name: 'Checkout', productGoal: 'Returning customers pay in one tap' })).id;
  const items: Record<string, string> = {};
  for (const title of TITLES) items[title] = (await post(`/backlogs/${backlogId}/items`, { title, kind: 'story', rationale: WHY })).id;
  const added = ledger.clock.now().toISOString();
  ledger.clock.advance(100 * DAY);
  await post(`/items/${items['Saved cards']}/estimate`, { estimate: 5, rationale: WHY });
  await post(`/items/${items['Receipt emails']}/kill`, { reason: 'Email receipts are sent by the payment provider already.' });
  const last = await post(`/items/${items['Gift wrapping']}/anti-backlog`, { reason: 'Not in line with the product goal of paying fast.' });
  await analyticsReached(ledger, leader, last.position);
  return { backlogId, items, instants: { added, now: ledger.clock.now().toISOString() }, leader };
}

/** Waits until the analytics have projected `position` (the API's minPosition). */
export async function analyticsReached(ledger: Ledger, token: string, position: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const res = await ledger.request('GET', `/analytics/portfolio?minPosition=${position}`, { token });
    if (res.status === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`analytics did not reach position ${position}`);
}

export interface SeededForum {
  forumId: string;
  /** The members' subjects (forum-member role). */
  members: string[];
}

/**
 * A review forum over the seeded backlog, set up by the leader through the API: `members` join it; the rule is
 * quorum 2, kill at 50 % of kill + keep, 7-day vote (ADR 0013). Open proposals with `openProposal`.
 */
export async function seedForum(ledger: Ledger, seeded: Seeded, members: string[] = ['mia', 'max', 'nora']): Promise<SeededForum> {
  const post = async (path: string, body: unknown) => {
    const res = await ledger.request('POST', path, { token: seeded.leader, body });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text}`);
    return res.body as { id: string };
  };
  const forumId = (
    await post('/forums', {
      name: 'Checkout kill review',
      backlogIds: [seeded.backlogId],
      rule: { quorum: 2, killThreshold: 0.5, votingPeriodDays: 7, reviewCadenceDays: 90, onNoQuorum: 'return-to-owner' },
      rationale: WHY,
    })
  ).id;
  for (const m of members) await post(`/forums/${forumId}/members`, { memberId: m, rationale: `${m} reviews checkout work every week.` });
  return { forumId, members };
}

/** Opens a kill proposal on `itemId` in the forum (as the leader unless `token` says who); its id. */
export async function openProposal(ledger: Ledger, token: string, forumId: string, itemId: string, reason: string): Promise<string> {
  const res = await ledger.request('POST', `/forums/${forumId}/proposals`, { token, body: { itemId, reason } });
  if (res.status !== 201) throw new Error(`open proposal: ${res.status} ${res.text}`);
  return res.body.id as string;
}
