/**
 * Generates a realistic, multi-backlog decision history as import lines (docs/import-format.md), so the
 * demo goes through exactly the import path a team's real history would. Pure and deterministic: the same
 * options give the same lines (a seeded PRNG, no Math.random, no clock).
 *
 * Each backlog is simulated day by day (working days only) with the state the deciders check — the ranked
 * order, each item's status, open escalations, objectives — so every generated line is a decision the
 * server accepts. What it contains, per backlog: a product goal (changed once) and objectives (one retired
 * and replaced), an initial backlog, a steady flow of new items (owner-added and stakeholder requests),
 * refinement (estimates, objective links, kill criteria), work (start, deliver, velocity every two weeks),
 * outcomes (some moved the metric, most flat), zombies (initiatives added early and never progressed,
 * deferred again and again), flip-flops (moved up for a stakeholder, moved back days later), kills and
 * revivals, anti-backlog parking, and stakeholders who escalate the decisions that hurt their requests —
 * each with their own win rate, so some escalations are overturned and others upheld.
 *
 * Every backlog scores with RICE (ADR 0033): owners score their items when they add them, stakeholder requests
 * are scored when refinement first estimates them, zombies are scored as big bets (large reach, low confidence,
 * large effort). Requests score lower than owner items with an objective, so moving a request up for a stakeholder
 * tends to go against the score and routine re-ranking mostly does not. The scores come from a PRNG of their own:
 * the rest of the history is the same line for line as without them.
 */

export interface DemoOptions {
  backlogs: number;
  months: number;
  seed: number;
  /** First day NOT covered (YYYY-MM-DD, UTC): the history ends the day before. */
  end: string;
}

export interface DemoSummary {
  seed: number;
  from: string;
  to: string;
  lines: number;
  backlogs: { key: string; name: string; owner: string }[];
  byDecision: Record<string, number>;
  items: number;
  delivered: number;
  outcomes: { moved: number; flat: number };
  escalations: { raised: number; overturned: number; upheld: number };
  kills: number;
  revivals: { decided: number; viaEscalation: number };
  antiBacklog: number;
  flipFlops: number;
  zombiesPlanted: number;
  velocities: number;
}

export interface DemoHistory {
  /** NDJSON lines, in chronological order. */
  lines: string[];
  summary: DemoSummary;
}

type Actor = { id: string; role: 'product-leader' | 'product-owner' | 'stakeholder' };
type Kind = 'story' | 'bug' | 'tech' | 'initiative' | 'hypothesis';

const DAY_MS = 86_400_000;
const LEADER: Actor = { id: 'lena', role: 'product-leader' };
const OWNERS = ['olga', 'pedro', 'mei', 'farid', 'ines', 'jonas', 'keiko', 'amara'];

/** Stakeholders: how readily they escalate a decision that hurts their request, and how often they win. */
const STAKEHOLDERS = [
  { id: 'sam.sales', propensity: 0.75, winRate: 0.8 },
  { id: 'carla.cfo', propensity: 0.45, winRate: 0.6 },
  { id: 'max.marketing', propensity: 0.6, winRate: 0.5 },
  { id: 'sue.support', propensity: 0.55, winRate: 0.25 },
  { id: 'tom.cto', propensity: 0.35, winRate: 0.4 },
];

const DOMAINS = [
  {
    name: 'Checkout',
    goal: 'Returning customers pay in one tap, on any device',
    goal2: 'Every customer completes payment on the first attempt, in any currency',
    objectives: [
      ['Checkout conversion', 'Share of carts that become orders', '72%'],
      ['Payment failures', 'Failed payment attempts per 1000', '< 15'],
      ['Repeat purchases', '90-day repeat purchase rate', '35%'],
      ['International sales', 'Share of revenue outside the home market', '25%'],
    ],
    nouns: ['Apple Pay', 'Google Pay', 'guest checkout', 'saved cards', 'one-tap reorder', 'address autocomplete', 'coupon field',
      '3-D Secure flow', 'split payments', 'invoice payment', 'order summary', 'cart recovery emails', 'express shipping option',
      'tax calculation', 'PayPal', 'buy now pay later'],
  },
  {
    name: 'Mobile App',
    goal: 'The app is the fastest way to reorder what you already like',
    goal2: 'The app keeps customers coming back every week',
    objectives: [
      ['App reorders', 'Share of reorders placed in the app', '50%'],
      ['Weekly active users', 'WAU / MAU ratio', '45%'],
      ['Crash-free sessions', 'Crash-free session rate', '99.8%'],
      ['App rating', 'Average store rating', '4.6'],
    ],
    nouns: ['push notifications', 'offline mode', 'dark mode', 'biometric login', 'reorder widget', 'deep links', 'app onboarding',
      'crash reporting', 'tablet layout', 'in-app chat', 'order tracking', 'favorites list', 'accessibility labels', 'image caching'],
  },
  {
    name: 'Data Platform',
    goal: 'Every team answers its own questions with trusted data within a day',
    goal2: 'Trusted, documented data for every decision, at a predictable cost',
    objectives: [
      ['Self-serve answers', 'Questions answered without a data ticket', '80%'],
      ['Data freshness', 'Share of tables updated within SLA', '98%'],
      ['Warehouse cost', 'Monthly warehouse spend', '-20%'],
      ['Data incidents', 'Incidents caused by bad data per month', '< 2'],
    ],
    nouns: ['event pipeline', 'data catalog', 'self-serve dashboards', 'dbt models', 'data quality checks', 'PII masking',
      'warehouse cost alerts', 'SLA monitoring', 'lineage graph', 'metric layer', 'CDC from Postgres', 'query cache'],
  },
  {
    name: 'Onboarding',
    goal: 'New teams get value in their first week',
    goal2: 'New teams invite their colleagues and stay past the first month',
    objectives: [
      ['Week-1 activation', 'Teams reaching the activation event in 7 days', '40%'],
      ['Time to first value', 'Median hours to first completed project', '< 24h'],
      ['Team invites', 'Invites sent per new account in week 1', '3'],
      ['Month-1 retention', 'Accounts active after 30 days', '60%'],
    ],
    nouns: ['welcome checklist', 'sample project', 'team invites', 'SSO setup', 'import wizard', 'interactive tour',
      'first-week email series', 'template gallery', 'setup health score', 'in-app help'],
  },
  {
    name: 'Billing',
    goal: 'Invoices are right the first time, without support tickets',
    goal2: 'Customers manage their own plans and never wonder what they pay for',
    objectives: [
      ['Billing tickets', 'Billing support tickets per 1000 invoices', '< 5'],
      ['Involuntary churn', 'Subscriptions lost to failed payments', '-30%'],
      ['Self-serve plan changes', 'Plan changes without sales or support', '90%'],
      ['Days sales outstanding', 'Average DSO', '< 30'],
    ],
    nouns: ['proration', 'invoice PDFs', 'dunning emails', 'tax IDs', 'usage-based pricing', 'credit notes', 'multi-currency',
      'payment retries', 'billing portal', 'annual plans'],
  },
  {
    name: 'Search',
    goal: 'Customers find what they need in one query',
    goal2: 'Search understands what customers mean, not only what they type',
    objectives: [
      ['Search success', 'Searches followed by a click within 30 s', '65%'],
      ['Zero-result rate', 'Searches with no results', '< 3%'],
      ['Search revenue', 'Revenue from search sessions', '+10%'],
      ['Query latency', 'p95 search latency', '< 200 ms'],
    ],
    nouns: ['typo tolerance', 'synonyms', 'faceted filters', 'autocomplete', 'search analytics', 'ranking by popularity',
      'zero-result suggestions', 'semantic search', 'recent searches', 'category boosts'],
  },
];

const ZOMBIE_IDEAS = ['Platform rewrite', 'AI assistant', 'Partner marketplace', 'White-label edition', 'Gamification layer',
  'Full localisation into 12 languages', 'Voice interface', 'Blockchain receipts', 'Offline-first architecture', 'Public API v2',
  'Loyalty programme', 'Custom report builder'];

const VERBS: Record<Kind, string[]> = {
  story: ['Add', 'Improve', 'Support', 'Redesign', 'Simplify', 'Personalise'],
  bug: ['Fix', 'Fix wrong totals in', 'Fix slow loading of', 'Fix broken'],
  tech: ['Refactor', 'Upgrade', 'Instrument', 'Speed up', 'Harden'],
  initiative: ['Launch', 'Rebuild'],
  hypothesis: ['Experiment:'],
};

const R = {
  addOwner: ['Customers asked for it in three of the last five interviews.', 'Support tickets on this topic doubled last quarter.',
    'Needed to reach the quarterly objective.', 'Competitors shipped this and we lose deals without it.',
    'Cheap experiment to test the hypothesis before investing more.', 'Usage data shows a clear drop-off at this step.'],
  addStakeholder: ['Our biggest accounts keep asking for this in renewals.', 'Three enterprise prospects named it as a blocker.',
    'Support spends hours every week working around this.', 'Finance needs it for the audit next quarter.',
    'Marketing campaign next month depends on it.'],
  routine: ['Re-ranked after sprint review: higher value per point now.', 'Dependencies cleared, it can be done next.',
    'Lower value than the items now above it.', 'Refinement showed it is smaller than we thought; pulling it up.'],
  defer: ['Deferred again: capacity goes to this quarter objectives.', 'Still no evidence of demand; moving it down.',
    'Not a priority while the main objective is behind.', 'Pushed down to make room for committed work.'],
  flipUp: ['Moved up at the request of sales for an upcoming renewal.', 'Pulled up: a key account asked for it this week.',
    'Moved up for the marketing launch at the end of the month.'],
  flipBack: ['Moved back down: the renewal closed without it.', 'Moved back: the request turned out to be a one-off.',
    'Back to where it was: the launch date slipped by a quarter.'],
  review: ['Portfolio review: aligning the ranking with the company objectives.', 'Quarterly review moved it after the OKR reset.'],
  kill: ['No measurable demand after months of waiting; stopping it.', 'Superseded by a feature of our payment provider.',
    'The experiment failed its success criterion.', 'Out of scope after the product goal changed.',
    'The cost estimate tripled and the value did not; stopping it.'],
  revive: ['Back on the table: a large customer made it a contract condition.', 'New evidence from usage data shows demand after all.',
    'Revived: the dependency that blocked it is gone.'],
  anti: ['Not pursued: outside the product goal.', 'Considered and parked: high cost, unclear value.',
    'Duplicates what the platform team is building.', 'Parked: it serves one customer and complicates the product for all.'],
  wanted: ['Put it back where it was before this decision.', 'Revive the item and schedule it this quarter.',
    'Bring it back from the anti-backlog and plan it.'],
  escalationReason: ['Two renewals worth a lot of revenue depend on it this quarter.', 'The board asked for this explicitly.',
    'Customers are churning over this; the data is in the support dashboard.', 'We promised it to a strategic partner.',
    'Regulators will ask for this in the next audit.'],
  overturned: ['Overturned: the revenue at risk outweighs the cost of the delay.', 'Overturned: the stakeholder brought new evidence.',
    'Overturned after review with the leadership team.'],
  upheld: ['Upheld: the decision follows the product goal; the request can wait.', 'Upheld: no evidence that outweighs the objective.',
    'Upheld after review: capacity stays on the committed objectives.'],
  estimate: ['Estimated in refinement with the team.', 'Sized in backlog refinement using reference stories.'],
  reestimate: ['Re-estimated after the technical spike.', 'Re-estimated: the scope grew during refinement.'],
  link: ['Contributes directly to this objective metric.', 'Linked after refinement: it moves this objective.'],
  killCriteria: ['Setting an explicit exit so it does not linger.', 'Agreed in review: an exit condition and a date to check it.'],
  start: ['Top of the backlog and ready; pulled into the sprint.', 'Next in line and estimated; the team starts it.'],
  deliver: ['Released to all customers.', 'Shipped behind a flag, now at 100%.', 'Delivered and announced in the changelog.'],
  outcome: ['Measured four weeks after release.', 'Outcome review after the release settled.'],
  velocity: ['Sprint review: points of the delivered items.'],
  goal: ['Strategy refresh after the half-year review.'],
  retire: ['Retired: the objective was reached and is now monitored only.'],
  newObjective: ['New objective from the half-year planning.'],
  objective: ['Objective agreed in quarterly planning.'],
  policy: ['Review every three weeks: fortnightly was too often for this team.'],
  create: ['Backlog for the product team, created at the start of the year.'],
};

/** mulberry32: small, fast, good enough for test data; seeded from any integer. */
export function prng(seed: number): () => number {
  let a = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0) || 0x6d2b79f5;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rand {
  constructor(readonly next: () => number) {}
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
}

type Status = 'open' | 'in-progress' | 'delivered' | 'killed' | 'anti-backlog';

interface SimItem {
  key: string;
  title: string;
  kind: Kind;
  status: Status;
  estimate: number | null;
  objective: string | null;
  requestedBy: string | null;
  /** Planted zombie: never started, estimated or linked; only deferred (and maybe killed late). */
  zombie: boolean;
  stalled: boolean;
  hasKillCriteria: boolean;
  /** Has RICE inputs (requests get theirs at their first estimate). */
  scored: boolean;
  /** No other decision on it before this day (escalation or flip-back pending). */
  lockedUntil: number;
  addedDay: number;
}

interface Pending {
  day: number;
  run: () => void;
}

interface Emitted {
  ms: number;
  backlog: number;
  seq: number;
  line: Record<string, unknown>;
}

/** RICE effort in person-months from an estimate in points (about five points a person-month). */
const effortOf = (points: number) => Math.max(0.5, Math.round((points / 5) * 4) / 4);

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function addMonths(date: string, months: number): number {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

export function generateDemo(options: DemoOptions): DemoHistory {
  const { backlogs, months, seed } = options;
  if (!Number.isInteger(backlogs) || backlogs < 1 || backlogs > 1000) throw new RangeError('backlogs must be an integer between 1 and 1000');
  if (!Number.isInteger(months) || months < 1 || months > 120) throw new RangeError('months must be an integer between 1 and 120');
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.end) || Number.isNaN(Date.parse(options.end))) throw new RangeError('end must be a date YYYY-MM-DD');
  const endMs = Date.parse(`${options.end}T00:00:00.000Z`);
  const startMs = addMonths(options.end, -months);
  const days = Math.round((endMs - startMs) / DAY_MS);
  const prefix = `demo-${seed}-${backlogs}x${months}`;
  const rand = new Rand(prng(seed));
  const scoreRand = new Rand(prng(seed + 0x5c0e));

  const summary: DemoSummary = {
    seed,
    from: isoDate(startMs),
    to: isoDate(endMs - DAY_MS),
    lines: 0,
    backlogs: [],
    byDecision: {},
    items: 0,
    delivered: 0,
    outcomes: { moved: 0, flat: 0 },
    escalations: { raised: 0, overturned: 0, upheld: 0 },
    kills: 0,
    revivals: { decided: 0, viaEscalation: 0 },
    antiBacklog: 0,
    flipFlops: 0,
    zombiesPlanted: 0,
    velocities: 0,
  };
  const out: Emitted[] = [];
  const sims = Array.from({ length: backlogs }, (_, i) => new BacklogSim(i, prefix, rand, summary, out, startMs, days, scoreRand));
  for (let day = 0; day < days; day++) {
    const weekday = new Date(startMs + day * DAY_MS).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const sim of sims) sim.day(day, weekday);
  }
  out.sort((a, b) => a.ms - b.ms || a.backlog - b.backlog || a.seq - b.seq);
  const lines = out.map((e) => JSON.stringify(e.line));
  summary.lines = lines.length;
  for (const e of out) {
    const d = String(e.line.decision);
    summary.byDecision[d] = (summary.byDecision[d] ?? 0) + 1;
  }
  return { lines, summary };
}

class BacklogSim {
  readonly key: string;
  private readonly domain: (typeof DOMAINS)[number];
  private readonly name: string;
  private readonly owner: Actor;
  private readonly ranking: string[] = [];
  private readonly items = new Map<string, SimItem>();
  private readonly objectives: { key: string; active: boolean }[] = [];
  private readonly pending: Pending[] = [];
  private seq = 0;
  private itemSeq = 0;
  private escSeq = 0;
  private clock = 0;
  private today = 0;
  private sprint = 0;
  private sprintPoints = 0;
  private readonly deliverOn = new Map<string, number>();
  private zombiesToPlant: number;
  private stalledLeft = 2;
  private readonly goalChangeDay: number;
  private readonly retireDay: number;
  private readonly policyDay: number;

  constructor(
    private readonly index: number,
    private readonly prefix: string,
    private readonly rand: Rand,
    private readonly summary: DemoSummary,
    private readonly out: Emitted[],
    private readonly startMs: number,
    private readonly days: number,
    private readonly scoreRand: Rand,
  ) {
    this.key = `b${index + 1}`;
    this.domain = DOMAINS[index % DOMAINS.length];
    this.name = index < DOMAINS.length ? this.domain.name : `${this.domain.name} ${Math.floor(index / DOMAINS.length) + 1}`;
    this.owner = { id: OWNERS[index % OWNERS.length] + (index >= OWNERS.length ? `${Math.floor(index / OWNERS.length) + 1}` : ''), role: 'product-owner' };
    this.zombiesToPlant = rand.int(6, 9);
    this.goalChangeDay = Math.floor(days * (0.4 + rand.next() * 0.15));
    this.retireDay = Math.floor(days * (0.55 + rand.next() * 0.1));
    this.policyDay = index % 2 === 0 ? rand.int(20, 60) : -1;
    summary.backlogs.push({ key: this.key, name: this.name, owner: this.owner.id });
  }

  // ------------------------------------------------------------------ emitting

  private emit(actor: Actor, decision: string, fields: Record<string, unknown>): string {
    this.seq += 1;
    const id = `${this.prefix}/${this.key}/${this.seq}`;
    // Within a backlog and day, strictly increasing times: 3-40 minutes apart, seconds once the day is full.
    const step = this.clock < 18 * 60 * 60 ? this.rand.int(3, 40) * 60 : 1;
    this.clock = Math.min(this.clock + step, 86_399);
    const ms = this.startMs + this.today * DAY_MS + this.clock * 1000;
    const line = { id, at: new Date(ms).toISOString().replace('.000Z', 'Z'), actor, decision, ...fields };
    this.out.push({ ms, backlog: this.index, seq: this.seq, line });
    return id;
  }

  private later(day: number, run: () => void): void {
    this.pending.push({ day, run });
  }

  private date(offsetDays = 0): string {
    return isoDate(this.startMs + (this.today + offsetDays) * DAY_MS);
  }

  // ------------------------------------------------------------------ ranking (mirrors the server's placement)

  private positionOf(key: string): number {
    return this.ranking.indexOf(key) + 1;
  }

  private place(key: string, toPosition?: number): void {
    const at = this.ranking.indexOf(key);
    if (at >= 0) this.ranking.splice(at, 1);
    if (toPosition === undefined) this.ranking.push(key);
    else this.ranking.splice(toPosition - 1, 0, key);
  }

  private unrank(key: string): void {
    const at = this.ranking.indexOf(key);
    if (at >= 0) this.ranking.splice(at, 1);
  }

  private free(i: SimItem): boolean {
    return i.lockedUntil <= this.today;
  }

  /** Open, unlocked items matching `filter`, in ranking order. */
  private candidates(filter: (i: SimItem) => boolean): SimItem[] {
    return this.ranking.map((k) => this.items.get(k)!).filter((i) => i.status === 'open' && this.free(i) && filter(i));
  }

  // ------------------------------------------------------------------ a working day

  day(day: number, weekday: number): void {
    this.today = day;
    this.clock = 9 * 3600 + this.index * 420 + this.rand.int(0, 30) * 60;
    if (this.objectives.length === 0) this.setUp();
    const due = this.pending.filter((p) => p.day <= day);
    for (const p of due) this.pending.splice(this.pending.indexOf(p), 1);
    for (const p of due) p.run();

    // Milestones fall on the first working day at or after their date.
    if (this.policyDay >= 0 && day >= this.policyDay && this.once('policy')) this.changePolicy();
    if (day >= this.goalChangeDay && this.once('goal')) this.changeGoal();
    if (day >= this.retireDay && this.once('retire')) this.replaceObjective();
    this.deliver();
    if ((day - this.firstMonday()) % 14 === 11 && weekday === 5 && day > 7) this.recordVelocity();
    this.startWork();
    if (weekday === 2 || weekday === 4) this.refine();
    this.newItems(day);
    this.reprioritize(weekday);
    this.prune();
  }

  private readonly done = new Set<string>();
  private once(milestone: string): boolean {
    if (this.done.has(milestone)) return false;
    this.done.add(milestone);
    return true;
  }

  private firstMonday(): number {
    for (let d = 0; d < 7; d++) if (new Date(this.startMs + d * DAY_MS).getUTCDay() === 1) return d;
    return 0;
  }

  private setUp(): void {
    this.emit(LEADER, 'backlog.create', {
      backlog: this.key,
      name: this.name,
      productGoal: this.domain.goal,
      policy: { scoringModel: 'rice' },
      rationale: R.create[0],
    });
    for (const [title, metric, target] of this.domain.objectives.slice(0, 3)) {
      const key = `${this.key}-o${this.objectives.length + 1}`;
      this.emit(this.owner, 'backlog.add-objective', { backlog: this.key, objective: key, title, metric, target, rationale: R.objective[0] });
      this.objectives.push({ key, active: true });
    }
  }

  private changePolicy(): void {
    this.emit(this.owner, 'backlog.change-policy', { backlog: this.key, policy: { reviewCadenceDays: 21 }, rationale: R.policy[0] });
  }

  private changeGoal(): void {
    this.emit(LEADER, 'backlog.change-product-goal', { backlog: this.key, productGoal: this.domain.goal2, rationale: R.goal[0] });
  }

  private replaceObjective(): void {
    const retired = this.objectives.find((o) => o.active)!;
    this.emit(this.owner, 'backlog.retire-objective', { backlog: this.key, objective: retired.key, rationale: R.retire[0] });
    retired.active = false;
    const [title, metric, target] = this.domain.objectives[3];
    const key = `${this.key}-o${this.objectives.length + 1}`;
    this.emit(this.owner, 'backlog.add-objective', { backlog: this.key, objective: key, title, metric, target, rationale: R.newObjective[0] });
    this.objectives.push({ key, active: true });
  }

  private activeObjective(): string {
    return this.rand.pick(this.objectives.filter((o) => o.active)).key;
  }

  // ------------------------------------------------------------------ flow of work

  private recordVelocity(): void {
    this.sprint += 1;
    this.emit(this.owner, 'backlog.record-velocity', {
      backlog: this.key,
      sprint: `Sprint ${this.sprint}`,
      endedOn: this.date(),
      points: this.sprintPoints,
      rationale: R.velocity[0],
    });
    this.summary.velocities += 1;
    this.sprintPoints = 0;
  }

  private deliver(): void {
    for (const [key, day] of [...this.deliverOn]) {
      if (day > this.today) continue;
      const item = this.items.get(key)!;
      this.deliverOn.delete(key);
      this.emit(this.owner, 'item.deliver', { item: key, rationale: this.rand.pick(R.deliver) });
      item.status = 'delivered';
      this.unrank(key);
      this.sprintPoints += item.estimate ?? 0;
      this.summary.delivered += 1;
      if (item.objective && this.rand.chance(0.65)) {
        const objective = item.objective;
        this.later(this.today + this.rand.int(14, 42), () => {
          const moved = this.rand.chance(0.3);
          this.emit(this.owner, 'item.record-outcome', {
            item: key,
            objective,
            observedValue: moved ? `+${this.rand.int(2, 9)}.${this.rand.int(0, 9)}% on the metric after ${this.rand.int(3, 6)} weeks` : `No measurable change after ${this.rand.int(3, 8)} weeks`,
            moved,
            rationale: this.rand.pick(R.outcome),
          });
          this.summary.outcomes[moved ? 'moved' : 'flat'] += 1;
        });
      }
    }
  }

  private startWork(): void {
    const wip = [...this.items.values()].filter((i) => i.status === 'in-progress' && !i.stalled).length;
    if (wip >= 3 || this.today < 5) return;
    const next = this.candidates((i) => !i.zombie).slice(0, 3);
    if (!next.length) return;
    const item = next[0];
    if (item.estimate === null) this.estimate(item);
    this.emit(this.owner, 'item.start', { item: item.key, rationale: this.rand.pick(R.start) });
    item.status = 'in-progress';
    if (this.stalledLeft > 0 && this.today > 30 && this.rand.chance(0.04)) {
      item.stalled = true; // started, then never delivered: "in progress for long"
      this.stalledLeft -= 1;
    } else {
      this.deliverOn.set(item.key, this.today + this.rand.int(2, 9));
    }
  }

  private estimate(item: SimItem, again = false): void {
    let value = this.rand.pick([1, 2, 3, 3, 5, 5, 5, 8, 8, 13]);
    if (value === item.estimate) value = value === 13 ? 8 : value + 1;
    const fields: Record<string, unknown> = { item: item.key, estimate: value, rationale: this.rand.pick(again ? R.reestimate : R.estimate) };
    fields.scoreInputs = item.scored ? { effort: effortOf(value) } : this.riceFor(item, value);
    item.scored = true;
    this.emit(this.owner, 'item.estimate', fields);
    item.estimate = value;
  }

  private refine(): void {
    const top = this.candidates((i) => !i.zombie).slice(0, 20);
    for (const item of top.filter((i) => i.estimate === null).slice(0, this.rand.int(1, 3))) this.estimate(item);
    const reestimate = top.find((i) => i.estimate !== null);
    if (reestimate && this.rand.chance(0.1)) this.estimate(reestimate, true);
    const unlinked = top.find((i) => i.objective === null);
    if (unlinked && this.rand.chance(0.5)) {
      const objective = this.activeObjective();
      this.emit(this.owner, 'item.link-objective', { item: unlinked.key, objective, rationale: this.rand.pick(R.link) });
      unlinked.objective = objective;
    }
    // Kill criteria on risky bets; a zombie gets them only in its first weeks, and then nobody looks again
    // (the review date passes, nothing else happens).
    const risky = this.candidates(
      (i) => (i.kind === 'initiative' || i.kind === 'hypothesis') && !i.hasKillCriteria && (!i.zombie || this.today - i.addedDay < 30),
    );
    if (risky.length && this.rand.chance(0.3)) {
      const item = this.rand.pick(risky);
      this.emit(this.owner, 'item.set-kill-criteria', {
        item: item.key,
        exitCondition: 'Kill it if fewer than 5% of active users try it within a month of release.',
        reviewBy: this.date(this.rand.int(30, 75)),
        rationale: this.rand.pick(R.killCriteria),
      });
      item.hasKillCriteria = true;
    }
  }

  private newItems(day: number): void {
    const initial = day < 14;
    // Initial backlog: ~25 items in the first two weeks, zombie initiatives among them.
    const ownerAdds = initial ? this.rand.int(1, 3) : this.rand.chance(0.45) ? 1 : 0;
    for (let n = 0; n < ownerAdds; n++) this.addItem(null);
    if (this.zombiesToPlant > 0 && day < 45 && this.rand.chance(0.3)) this.addZombie();
    if (this.rand.chance(initial ? 0.5 : 0.25)) this.addItem(this.rand.pick(STAKEHOLDERS).id);
  }

  /** RICE inputs as the owner would judge the item (see the file comment), from the scores' own PRNG. */
  private riceFor(item: SimItem, estimate: number | null): Record<string, number> {
    const r = this.scoreRand;
    const effort = estimate !== null ? effortOf(estimate) : r.pick([1, 2, 3]);
    if (item.zombie) return { reach: r.int(2000, 8000), impact: r.pick([2, 3]), confidence: 0.5, effort: r.pick([8, 13, 20]) };
    if (item.requestedBy) return { reach: r.int(50, 1500), impact: r.pick([0.25, 0.5, 0.5, 1]), confidence: r.pick([0.5, 0.5, 0.8]), effort };
    if (item.objective) return { reach: r.int(800, 5000), impact: r.pick([1, 2, 2, 3]), confidence: r.pick([0.8, 0.8, 1]), effort };
    return { reach: r.int(200, 3000), impact: r.pick([0.5, 1, 1, 2]), confidence: r.pick([0.5, 0.8, 0.8]), effort };
  }

  private newKey(): string {
    this.itemSeq += 1;
    return `${this.key}-${this.itemSeq}`;
  }

  private titleFor(kind: Kind): string {
    const noun = this.rand.pick(this.domain.nouns);
    if (kind === 'hypothesis') return `Experiment: ${noun} lifts ${this.rand.pick(this.domain.objectives)[0].toLowerCase()}`;
    if (kind === 'initiative') return `${this.rand.pick(VERBS.initiative)} ${noun} for enterprise customers`;
    return `${this.rand.pick(VERBS[kind])} ${noun}`;
  }

  private addItem(stakeholder: string | null): void {
    const kind: Kind = this.rand.pick(['story', 'story', 'story', 'bug', 'tech', 'hypothesis', 'initiative'] as const);
    const key = this.newKey();
    const item: SimItem = {
      key,
      title: this.titleFor(kind),
      kind,
      status: 'open',
      estimate: null,
      objective: null,
      requestedBy: stakeholder,
      zombie: false,
      stalled: false,
      hasKillCriteria: false,
      scored: false,
      lockedUntil: 0,
      addedDay: this.today,
    };
    const fields: Record<string, unknown> = { backlog: this.key, item: key, title: item.title, kind };
    if (kind === 'hypothesis') fields.hypothesis = `We believe ${item.title.slice(12)}; we will know when the metric moves within a month.`;
    let actor: Actor = this.owner;
    if (stakeholder) {
      actor = { id: stakeholder, role: 'stakeholder' };
      fields.rationale = this.rand.pick(R.addStakeholder);
    } else {
      fields.rationale = this.rand.pick(R.addOwner);
      if (this.rand.chance(0.5)) {
        item.objective = this.activeObjective();
        fields.objective = item.objective;
      }
      if (this.rand.chance(0.3)) {
        item.estimate = this.rand.pick([1, 2, 3, 5, 8]);
        fields.estimate = item.estimate;
      }
      if (this.ranking.length > 3 && this.rand.chance(0.3)) fields.toPosition = this.rand.int(1, this.ranking.length + 1);
      fields.scoreInputs = this.riceFor(item, item.estimate);
      item.scored = true;
    }
    this.emit(actor, 'item.add', fields);
    this.items.set(key, item);
    this.place(key, fields.toPosition as number | undefined);
    this.summary.items += 1;
    // Some ideas are parked in the anti-backlog within days, explicitly not pursued.
    if (this.rand.chance(stakeholder ? 0.12 : 0.05)) {
      this.later(this.today + this.rand.int(1, 10), () => {
        if (item.status !== 'open' || !this.free(item)) return;
        const parked = this.emit(this.owner, 'item.move-to-anti-backlog', { item: key, reason: this.rand.pick(R.anti) });
        item.status = 'anti-backlog';
        this.unrank(key);
        this.summary.antiBacklog += 1;
        this.maybeEscalate(item, parked, { kind: 'anti' });
      });
    }
  }

  private addZombie(): void {
    this.zombiesToPlant -= 1;
    this.summary.zombiesPlanted += 1;
    const key = this.newKey();
    const stakeholder = this.rand.chance(0.6) ? this.rand.pick(STAKEHOLDERS).id : null;
    const title = `${this.rand.pick(ZOMBIE_IDEAS)} for ${this.name}`;
    const item: SimItem = {
      key,
      title,
      kind: 'initiative',
      status: 'open',
      estimate: null,
      objective: null,
      requestedBy: stakeholder,
      zombie: true,
      stalled: false,
      hasKillCriteria: false,
      scored: false,
      lockedUntil: 0,
      addedDay: this.today,
    };
    const fields: Record<string, unknown> = {
      backlog: this.key,
      item: key,
      title,
      kind: 'initiative',
      rationale: stakeholder ? this.rand.pick(R.addStakeholder) : 'A big bet the leadership team wants on the roadmap.',
    };
    if (stakeholder) fields.requestedBy = stakeholder;
    // Added high, as big bets are, then deferred again and again.
    if (this.ranking.length > 2) fields.toPosition = this.rand.int(1, Math.min(5, this.ranking.length + 1));
    fields.scoreInputs = this.riceFor(item, null);
    item.scored = true;
    this.emit(this.owner, 'item.add', fields);
    this.items.set(key, item);
    this.place(key, fields.toPosition as number | undefined);
    this.summary.items += 1;
  }

  // ------------------------------------------------------------------ reprioritizations, flip-flops, escalations

  private move(actor: Actor, item: SimItem, toPosition: number, trigger: string, rationale: string): string | null {
    const from = this.positionOf(item.key);
    const to = Math.max(1, Math.min(toPosition, this.ranking.length));
    if (from === 0 || to === from) return null;
    const id = this.emit(actor, 'item.reprioritize', { item: item.key, toPosition: to, trigger, rationale });
    this.place(item.key, to);
    return id;
  }

  private reprioritize(weekday: number): void {
    const n = this.ranking.length;
    if (n < 4) return;
    // Routine re-ranking, a few times a week.
    if (this.rand.chance(0.45)) {
      const pool = this.candidates((i) => !i.zombie).slice(0, 30);
      const item = pool.length ? this.rand.pick(pool) : undefined;
      if (item) {
        const from = this.positionOf(item.key);
        const up = this.rand.chance(0.55);
        const to = up ? Math.max(1, from - this.rand.int(1, 6)) : Math.min(n, from + this.rand.int(1, 6));
        const id = this.move(this.owner, item, to, this.rand.chance(0.3) ? 'new-evidence' : 'routine', this.rand.pick(R.routine));
        if (id && to > from) this.maybeEscalate(item, id, { kind: 'down', from });
      }
    }
    // Zombies get deferred: moved down, over and over.
    if (weekday === 1 && this.rand.chance(0.5)) {
      const zombies = this.candidates((i) => i.zombie);
      const z = zombies.length ? this.rand.pick(zombies) : undefined;
      if (z) {
        const from = this.positionOf(z.key);
        const id = this.move(this.owner, z, from + this.rand.int(2, 8), 'routine', this.rand.pick(R.defer));
        if (id) this.maybeEscalate(z, id, { kind: 'down', from });
      }
    }
    // Flip-flop: moved up for a stakeholder, moved back down a few days later.
    if (this.rand.chance(0.08)) {
      const pool = this.candidates((i) => !i.zombie).slice(4);
      const item = pool.length ? this.rand.pick(pool) : undefined;
      if (item) {
        const from = this.positionOf(item.key);
        const id = this.move(this.owner, item, this.rand.int(1, 3), 'stakeholder-request', this.rand.pick(R.flipUp));
        if (id) {
          const back = this.today + this.rand.int(1, 6);
          item.lockedUntil = back + 1;
          this.later(back, () => {
            if (item.status !== 'open') return;
            const partial = this.rand.chance(0.2); // less than half-way back: not a reversal
            const cur = this.positionOf(item.key);
            const target = partial ? cur + 1 : from;
            if (this.move(this.owner, item, target, this.rand.chance(0.5) ? 'new-evidence' : 'routine', this.rand.pick(R.flipBack))) {
              if (!partial) this.summary.flipFlops += 1;
            }
          });
        }
      }
    }
    // Portfolio review by the product leader, now and then.
    if (this.rand.chance(0.02)) {
      const pool = this.candidates(() => true);
      const item = pool.length ? this.rand.pick(pool) : undefined;
      if (item) this.move(LEADER, item, this.rand.int(1, Math.min(5, n)), 'review', this.rand.pick(R.review));
    }
  }

  /**
   * A decision that hurts a stakeholder's request may be escalated by them (0-2 days later), then resolved by
   * the product leader (1-6 days after that): overturned with the stakeholder's win rate, else upheld.
   */
  private maybeEscalate(item: SimItem, againstLine: string, contested: { kind: 'down'; from: number } | { kind: 'kill' | 'anti' }): void {
    const who = STAKEHOLDERS.find((s) => s.id === item.requestedBy);
    if (!who || !this.rand.chance(who.propensity)) return;
    const escalateOn = this.today + this.rand.int(0, 2);
    const resolveOn = escalateOn + this.rand.int(1, 6);
    item.lockedUntil = resolveOn + 1;
    this.later(escalateOn, () => {
      this.escSeq += 1;
      const escalation = `${this.key}-e${this.escSeq}`;
      this.emit({ id: who.id, role: 'stakeholder' }, 'item.escalate', {
        item: item.key,
        escalation,
        against: againstLine,
        wanted: contested.kind === 'down' ? R.wanted[0] : contested.kind === 'kill' ? R.wanted[1] : R.wanted[2],
        reason: this.rand.pick(R.escalationReason),
        addressedTo: LEADER.id,
      });
      this.summary.escalations.raised += 1;
      this.later(resolveOn, () => this.resolve(item, escalation, who.winRate, contested));
    });
  }

  private resolve(item: SimItem, escalation: string, winRate: number, contested: { kind: 'down'; from: number } | { kind: 'kill' | 'anti' }): void {
    let overturn = this.rand.chance(winRate);
    let toPosition: number | undefined;
    if (overturn) {
      if (contested.kind === 'down') {
        const target = Math.max(1, Math.min(contested.from, this.ranking.length));
        if (item.status !== 'open' && item.status !== 'in-progress') overturn = false;
        else if (target === this.positionOf(item.key)) overturn = false; // nothing left to change
        else toPosition = target;
      } else if (item.status !== 'killed' && item.status !== 'anti-backlog') {
        overturn = false;
      } else {
        toPosition = this.rand.int(1, Math.min(5, this.ranking.length + 1));
      }
    }
    const fields: Record<string, unknown> = {
      item: item.key,
      escalation,
      outcome: overturn ? 'overturned' : 'upheld',
      rationale: this.rand.pick(overturn ? R.overturned : R.upheld),
    };
    if (overturn) fields.toPosition = toPosition;
    this.emit(LEADER, 'item.resolve-escalation', fields);
    if (overturn) {
      if (contested.kind !== 'down') {
        item.status = 'open';
        this.summary.revivals.viaEscalation += 1;
      }
      this.place(item.key, toPosition);
      this.summary.escalations.overturned += 1;
    } else {
      this.summary.escalations.upheld += 1;
    }
  }

  // ------------------------------------------------------------------ kills and revivals

  private prune(): void {
    const late = this.today > this.days * 0.6;
    // Kill an old item nobody is moving forward (zombies only late, and not all of them).
    if (this.rand.chance(late ? 0.06 : 0.04)) {
      const old = this.candidates((i) => this.today - i.addedDay > 45 && (late || !i.zombie) && !(i.zombie && this.zombiesLeft() <= 4));
      const victim = old.length ? old[old.length - 1 - this.rand.int(0, Math.min(4, old.length - 1))] : undefined;
      if (victim) this.kill(victim);
    }
  }

  private zombiesLeft(): number {
    return [...this.items.values()].filter((i) => i.zombie && i.status === 'open').length;
  }

  private kill(item: SimItem): void {
    const id = this.emit(this.owner, 'item.kill', { item: item.key, reason: this.rand.pick(R.kill) });
    item.status = 'killed';
    this.unrank(item.key);
    this.summary.kills += 1;
    this.maybeEscalate(item, id, { kind: 'kill' });
    if (item.lockedUntil <= this.today && this.rand.chance(0.3)) {
      this.later(this.today + this.rand.int(7, 45), () => {
        if (item.status !== 'killed' || !this.free(item)) return;
        const fields: Record<string, unknown> = { item: item.key, rationale: this.rand.pick(R.revive) };
        if (this.ranking.length > 2 && this.rand.chance(0.5)) fields.toPosition = this.rand.int(1, this.ranking.length + 1);
        this.emit(this.owner, 'item.revive', fields);
        item.status = 'open';
        item.zombie = false;
        this.place(item.key, fields.toPosition as number | undefined);
        this.summary.revivals.decided += 1;
      });
    }
  }
}
