import type { Ledger } from '../../../test/support/ledger';
import { analyticsReached, WHY } from './fixtures';

const DAY = 86_400_000;

export interface SeededScores {
  backlogId: string;
  /** A backlog with no decision at all (the empty states). */
  emptyBacklogId: string;
  objectiveId: string;
  /** Item ids by title. */
  items: Record<string, string>;
  /** Events the screens link to. */
  events: { againstMove: string; scoreChange: string };
  instants: { start: string; beforeScoreChange: string; now: string };
  leader: string;
}

/**
 * A RICE-scored backlog (margin 20 %, outcomes due 30 days after delivery) with decisions against the score and
 * deliveries with and without outcomes, written through the API on the ledger's clock:
 * - day 0: lena adds Referral program (RICE 1000), Onboarding checklist (500), Pricing page (100), Unscored idea (no inputs), in that order;
 * - day 10: lena moves Pricing page to the top on a stakeholder request — above 1000 and 500: against the score;
 * - day 17: otto (product owner) moves Referral program back to the top — above 100 only: judged, not against;
 * - day 24: lena moves Unscored idea to position 2 — not judged (no score);
 * - day 30: otto re-estimates Pricing page (reach 100 → 400): its score becomes 400 (frozen from then on);
 * - day 31: Referral program and Onboarding checklist (both on the objective) and Pricing page (none) are started and delivered;
 * - day 35: an outcome on Referral program says the objective moved; Onboarding checklist gets none (overdue from day 61);
 * - day 70: now.
 */
export async function seedScores(ledger: Ledger): Promise<SeededScores> {
  const lena = await ledger.token('product-leader', 'lena');
  const call = async (token: string, path: string, body: unknown) => {
    const res = await ledger.request('POST', path, { token, body });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text}`);
    return res.body as { id: string; objectiveId: string; eventIds: string[]; position: number };
  };
  const start = ledger.clock.now().getTime();
  const at = (day: number) => ledger.clock.set(new Date(start + day * DAY));
  const emptyBacklogId = (await call(lena, '/backlogs', { name: 'Billing', productGoal: 'Invoices that nobody has to correct by hand' })).id;
  const backlogId = (
    await call(lena, '/backlogs', { name: 'Growth', productGoal: 'New teams reach their first value in a day', policy: { scoringModel: 'rice', scoreMargin: 0.2, outcomeDueDays: 30 } })
  ).id;
  const otto = await ledger.token('product-owner', 'otto', [backlogId]);
  const objectiveId = (await call(lena, `/backlogs/${backlogId}/objectives`, { title: 'Activation', metric: 'teams active on day 1', rationale: WHY })).objectiveId;
  const items: Record<string, string> = {};
  const add = async (title: string, scoreInputs: Record<string, number> | undefined, objective: boolean) =>
    (items[title] = (await call(lena, `/backlogs/${backlogId}/items`, { title, kind: 'story', rationale: WHY, ...(scoreInputs ? { scoreInputs } : {}), ...(objective ? { objectiveId } : {}) })).id);
  await add('Referral program', { reach: 1000, impact: 2, confidence: 1, effort: 2 }, true);
  await add('Onboarding checklist', { reach: 500, impact: 2, confidence: 1, effort: 2 }, true);
  await add('Pricing page', { reach: 100, impact: 1, confidence: 1, effort: 1 }, false);
  await add('Unscored idea', undefined, false);

  at(10);
  const againstMove = (
    await call(lena, `/items/${items['Pricing page']}/reprioritize`, { toPosition: 1, trigger: 'stakeholder-request', rationale: 'The sales lead asked for it before the trade fair.' })
  ).eventIds[0];
  at(17);
  await call(otto, `/items/${items['Referral program']}/reprioritize`, { toPosition: 1, trigger: 'routine', rationale: 'Back to the order the scores give.' });
  at(24);
  await call(lena, `/items/${items['Unscored idea']}/reprioritize`, { toPosition: 2, trigger: 'review', rationale: 'The review wants it looked at soon.' });
  at(30);
  const scoreChange = (await call(otto, `/items/${items['Pricing page']}/estimate`, { scoreInputs: { reach: 400 }, rationale: 'Traffic data: four times the visitors we assumed.' })).eventIds[0];
  at(31);
  for (const title of ['Referral program', 'Onboarding checklist', 'Pricing page']) {
    await call(otto, `/items/${items[title]}/start`, { rationale: WHY });
    await call(otto, `/items/${items[title]}/deliver`, { rationale: WHY });
  }
  at(35);
  await call(otto, `/items/${items['Referral program']}/outcomes`, { objectiveId, observedValue: '41 % of new teams active on day 1', moved: true, rationale: 'Measured over the two weeks since launch.' });
  at(70);
  const last = await call(otto, `/items/${items['Unscored idea']}/estimate`, { estimate: 3, rationale: 'Sized in refinement today.' });
  await analyticsReached(ledger, lena, last.position);
  return {
    backlogId,
    emptyBacklogId,
    objectiveId,
    items,
    events: { againstMove, scoreChange },
    instants: { start: new Date(start).toISOString(), beforeScoreChange: new Date(start + 20 * DAY).toISOString(), now: ledger.clock.now().toISOString() },
    leader: lena,
  };
}
