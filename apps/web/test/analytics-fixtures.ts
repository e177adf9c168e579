import type { Locator, Page } from 'playwright-core';
import type { Ledger } from '../../../test/support/ledger';
import { analyticsReached, WHY } from './fixtures';

const DAY = 86_400_000;

export interface SeededAnalytics {
  backlogId: string;
  /** A backlog with no item (the empty states). */
  emptyBacklogId: string;
  forumId: string;
  /** Item ids by title. */
  items: Record<string, string>;
  /** Event ids of decisions the tests follow. */
  events: { killE: string; reviveE: string };
  /** Instants: day 0 (items added), day 60 (mid-history), now (day 120). */
  instants: { start: string; mid: string; now: string };
  leader: string;
}

export const ONBOARDING = ['Welcome tour', 'Email verification', 'Profile photo', 'Team invites', 'Dark mode', 'Import contacts', 'Tutorial videos', 'Referral bonus', 'Gamification'] as const;

/**
 * A backlog with 120 days of history written through the API under the test clock, so that each analytics screen
 * has something to show: zombies with every kind of reason, reversals of each rule (a flip-flopping item, a revival
 * after a kill, overturned escalations), escalations by two stakeholders (one with enough resolved escalations for a
 * win rate, one without), velocities, a delivery with an outcome, an anti-backlog item, and a review forum with a
 * member (its automatic nominations a year away, so that every proposal is one a test opens). Plus an empty backlog. Waits until the analytics include all of it.
 */
export async function seedOnboarding(ledger: Ledger): Promise<SeededAnalytics> {
  const start = ledger.clock.now().getTime();
  const day = (d: number) => ledger.clock.set(new Date(start + d * DAY));
  const lena = await ledger.token('product-leader', 'lena');
  const tokens: Record<string, string> = { lena, sam: await ledger.token('stakeholder', 'sam'), sofia: await ledger.token('stakeholder', 'sofia') };
  let lastPosition = 0;
  const post = async (path: string, body: unknown, who = 'lena') => {
    const res = await ledger.request('POST', path, { token: tokens[who], body });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text}`);
    lastPosition = Math.max(lastPosition, res.body.position as number);
    return res.body as { id: string; position: number; eventIds: string[]; escalationId?: string };
  };
  const positionOf = async (itemId: string) => (await ledger.request('GET', `/items/${itemId}`, { token: lena })).body.position as number;

  const backlogId = (await post('/backlogs', { name: 'Onboarding', productGoal: 'New teams get value in their first week' })).id;
  const emptyBacklogId = (await post('/backlogs', { name: 'Billing', productGoal: 'Invoices nobody has to chase' })).id;
  await post(`/backlogs/${backlogId}/objectives`, { title: 'Week-1 activation', metric: 'Teams active in week 1', target: '40%', rationale: WHY });
  const objectiveId = (await ledger.request('GET', `/backlogs/${backlogId}`, { token: lena })).body.objectives[0].objectiveId as string;
  const items: Record<string, string> = {};
  for (const title of ONBOARDING) items[title] = (await post(`/backlogs/${backlogId}/items`, { title, kind: 'story', rationale: WHY })).id;
  const forumId = (await post('/forums', { name: 'Onboarding review', backlogIds: [backlogId], rule: { reviewCadenceDays: 365 }, rationale: 'Kill proposals on onboarding need a second opinion.' })).id;
  await post(`/forums/${forumId}/members`, { memberId: 'maria', rationale: 'Maria runs customer onboarding calls.' });

  const move = async (title: string, toPosition: number, trigger = 'routine') =>
    (await post(`/items/${items[title]}/reprioritize`, { toPosition, trigger, rationale: WHY })).eventIds[0];
  /** A stakeholder challenges a move; the leader resolves it (or not) a day later. */
  const escalation = async (d: number, who: string, title: string, toPosition: number, outcome: 'upheld' | 'overturned' | null) => {
    day(d);
    if ((await positionOf(items[title])) === toPosition) toPosition = toPosition === 1 ? 2 : toPosition - 1;
    const against = await move(title, toPosition);
    day(d + 0.5);
    const esc = await post(`/items/${items[title]}/escalations`, { againstEventId: against, wanted: 'Keep it where it was before.', reason: 'Our customers asked for it in every call.' }, who);
    if (outcome) {
      day(d + 1);
      await post(`/items/${items[title]}/escalations/${esc.escalationId}/resolve`, { outcome, rationale: outcome === 'upheld' ? 'The move stands; capacity is elsewhere.' : 'Sam is right; it goes back.' });
    }
  };

  // Progress, velocities and kill criteria.
  day(14);
  await post(`/backlogs/${backlogId}/velocities`, { sprint: 'S1', endedOn: new Date(start + 14 * DAY).toISOString().slice(0, 10), points: 10, rationale: WHY });
  day(20);
  await post(`/items/${items['Welcome tour']}/estimate`, { estimate: 5, rationale: WHY });
  await post(`/items/${items['Email verification']}/estimate`, { estimate: 8, rationale: WHY });
  await post(`/items/${items['Profile photo']}/estimate`, { estimate: 3, rationale: WHY });
  day(28);
  await post(`/backlogs/${backlogId}/velocities`, { sprint: 'S2', endedOn: new Date(start + 28 * DAY).toISOString().slice(0, 10), points: 12, rationale: WHY });
  day(30);
  await post(`/items/${items['Import contacts']}/kill-criteria`, { exitCondition: 'Fewer than 5 % of teams import in the pilot.', reviewBy: new Date(start + 60 * DAY).toISOString().slice(0, 10), rationale: WHY });
  // A flip-flop: "Team invites" down, back up, down, back up again (two reversals, deferred twice).
  await move('Team invites', 8);
  day(35);
  await move('Team invites', 4, 'review');
  day(40);
  await move('Team invites', 8);
  await post(`/items/${items['Tutorial videos']}/start`, { rationale: WHY });
  day(42);
  await move('Team invites', 3, 'new-evidence');
  await post(`/backlogs/${backlogId}/velocities`, { sprint: 'S3', endedOn: new Date(start + 42 * DAY).toISOString().slice(0, 10), points: 8, rationale: WHY });
  // Killed, then revived: a reversal of the kill.
  day(45);
  const killE = (await post(`/items/${items['Dark mode']}/kill`, { reason: 'Nobody asked for it in the interviews.' })).eventIds[0];
  day(50);
  const reviveE = (await post(`/items/${items['Dark mode']}/revive`, { rationale: 'Three enterprise customers asked for it this week.' })).eventIds[0];
  // Sam: six escalations, four overturned, two upheld (enough for a win rate); Sofia: one upheld, one open.
  await escalation(52, 'sam', 'Import contacts', 8, 'overturned');
  await escalation(56, 'sam', 'Referral bonus', 2, 'overturned');
  await escalation(60, 'sam', 'Profile photo', 7, 'upheld');
  await escalation(64, 'sam', 'Welcome tour', 6, 'overturned');
  await escalation(68, 'sam', 'Gamification', 1, 'upheld');
  await escalation(72, 'sam', 'Email verification', 7, 'overturned');
  await escalation(76, 'sofia', 'Referral bonus', 1, 'upheld');
  await escalation(80, 'sofia', 'Profile photo', 1, null);
  // A delivery with an outcome; an objective linked; one item decided against.
  day(85);
  await post(`/items/${items['Email verification']}/start`, { rationale: WHY });
  day(95);
  await post(`/items/${items['Email verification']}/deliver`, { rationale: WHY });
  day(100);
  await post(`/items/${items['Email verification']}/outcomes`, { objectiveId, observedValue: 'Activation +4 pp in two weeks', moved: true, rationale: WHY });
  await post(`/items/${items['Welcome tour']}/objective`, { objectiveId, rationale: WHY });
  day(110);
  await post(`/items/${items['Gamification']}/anti-backlog`, { reason: 'Points and badges do not fit a B2B tool.' });
  day(120);
  await analyticsReached(ledger, lena, lastPosition);
  return {
    backlogId,
    emptyBacklogId,
    forumId,
    items,
    events: { killE, reviveE },
    instants: { start: new Date(start).toISOString(), mid: new Date(start + 60 * DAY).toISOString(), now: ledger.clock.now().toISOString() },
    leader: lena,
  };
}

/**
 * The loading state (the response held back until it was seen) and the "analytics catching up" state (two 503s
 * with Retry-After, as the API answers while a projection lags, then the real answer) of a screen whose data comes
 * from `glob`; `loaded` appears once the data is shown.
 */
export async function expectLoadingAndCatchingUp(page: Page, url: string, glob: string, loadingText: string, loaded: Locator): Promise<void> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(glob, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(url);
  await page.getByText(loadingText).waitFor();
  release();
  await loaded.waitFor();
  await page.unroute(glob);

  let refused = 0;
  await page.route(glob, async (route) => {
    if (refused >= 2) return route.continue();
    refused += 1;
    await route.fulfill({
      status: 503,
      headers: { 'content-type': 'application/problem+json', 'retry-after': '1' },
      body: JSON.stringify({ type: 'urn:backlog-ledger:problem:ANALYTICS.BEHIND', title: 'Service Unavailable', status: 503, code: 'ANALYTICS.BEHIND', detail: 'analytics are catching up' }),
    });
  });
  await page.goto(url);
  await page.getByText('The analytics are catching up').waitFor();
  await loaded.waitFor();
  await page.unroute(glob);
  if (refused !== 2) throw new Error(`expected two refused requests, saw ${refused}`);
}

/** Reads `read()` until it equals `want` (the page re-renders after a navigation) or the time is up; returns the last read. */
export async function settled<T>(read: () => Promise<T>, want: T, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const got = await read();
    if (JSON.stringify(got) === JSON.stringify(want) || Date.now() > until) return got;
    await new Promise((r) => setTimeout(r, 100));
  }
}
