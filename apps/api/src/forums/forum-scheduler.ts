import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ClickHouseClient } from '@clickhouse/client';
import { zombies, type Zombie } from '@ledger/analytics';
import type { EventStore } from '@ledger/event-store';
import { LedgerError, uuidV5, type Actor, type Clock } from '@ledger/kernel';
import { describeBreach, describeThreshold, killCriteriaBreach, type ForumRule, type ProposalClosed, type ProposalOpened } from '@ledger/domain';
import type { AppConfig } from '../config/config';
import { AnalyticsProjectorService } from '../analytics/analytics-projector.service';
import { ANALYTICS_CLIENT, APP_CONFIG, CLOCK, EVENT_STORE, FORUM_INDEX } from '../infrastructure/tokens';
import { KillItemCommand } from '../items/kill-item/kill-item.command';
import { Backlogs } from '../items/backlog-context';
import { criteriaProposalId } from '../items/kill-criteria-check';
import { ProposalDecisions } from '../proposals/proposal-decisions';
import { JsonLogger } from '../shared/json-logger';
import type { Pausable } from '../shared/pausable';
import { Streams } from '../shared/streams';
import { systemMeta } from '../shared/system-meta';
import { ForumDecisions } from './forum-decisions';
import type { CriteriaRow, ForumIndex, ForumRow, ProposalRow } from './forum-index';

const DAY_MS = 86_400_000;

export interface TickReport {
  /** Openings whose slot claim had no proposal.opened yet, completed. */
  completed: string[];
  closed: string[];
  /** Proposals whose kill outcome was turned into the item's kill (or found already carried out). */
  killed: string[];
  nominated: string[];
  /** Proposals opened because self-checking kill criteria were breached (ADR 0034). */
  criteriaBreached: string[];
}

/** The actor of everything a forum does on its own. */
export const forumActor = (forumId: string): Actor => ({ id: `forum:${forumId}`, role: 'system' });

/** Errors that mean "already done, or nothing to do any more" for a system decision. */
const SETTLED = new Set([
  'PROPOSAL.NOT_OPEN',
  'PROPOSAL.NOT_DUE',
  'PROPOSAL.ALREADY_EXISTS',
  'PROPOSAL.ALREADY_OPEN_FOR_ITEM',
  'PROPOSAL.ITEM_NOT_OPEN',
  'PROPOSAL.ITEM_NOT_IN_SCOPE',
  'ITEM.NOT_FOUND',
  'ITEM.ALREADY_KILLED',
  'ITEM.ALREADY_DELIVERED',
  'ITEM.IN_ANTI_BACKLOG',
]);
/** Of those, the ones that leave a breach of kill criteria nothing more to do (another open proposal is not one). */
const CRITERIA_DONE = new Set(['PROPOSAL.ALREADY_EXISTS', 'PROPOSAL.ITEM_NOT_OPEN', 'ITEM.NOT_FOUND', 'ITEM.ALREADY_KILLED', 'ITEM.ALREADY_DELIVERED', 'ITEM.IN_ANTI_BACKLOG']);
const settled = (e: unknown): e is LedgerError => e instanceof LedgerError && SETTLED.has(e.code);

/**
 * The forums' scheduler and process manager (ADR 0014). Everything it does is computed from the event history
 * (through the forum read model, caught up at the start of every pass) and is idempotent, so a pass may run
 * at any time, twice, on several replicas, or after a crash:
 *  1. complete openings whose slot claim has no proposal.opened (crash between the two appends);
 *  2. close every proposal whose deadline has passed (expected revision + an id derived from the proposal);
 *  3. turn every closed-with-kill proposal into the item's kill via the forum (event id derived from the proposal);
 *  4. nominate items whose self-checking kill criteria are breached, once per criteria set (ADR 0034);
 *  5. nominate zombies and items past their kill-criteria review date at each forum's cadence point.
 * A pass runs at start (so overdue proposals close at once) and every `LEDGER_FORUM_TICK_MS`.
 */
@Injectable()
export class ForumScheduler implements OnApplicationBootstrap, OnModuleDestroy, Pausable {
  private timer?: NodeJS.Timeout;
  private chain: Promise<unknown> = Promise.resolve();
  private busy = false;
  private stopping = false;
  private paused = false;
  /** Settles when the pass run at start has finished. */
  started: Promise<void> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(FORUM_INDEX) private readonly index: ForumIndex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ANALYTICS_CLIENT) private readonly analyticsClient: ClickHouseClient,
    private readonly analytics: AnalyticsProjectorService,
    private readonly proposals: ProposalDecisions,
    private readonly forums: ForumDecisions,
    private readonly commands: CommandBus,
    private readonly logger: JsonLogger,
    private readonly backlogs: Backlogs,
  ) {}

  onApplicationBootstrap(): void {
    // Several API processes: one of them runs the passes (ADR 0031); passes are safe to overlap, but need not.
    if (!this.config.forums.scheduler) return;
    // Not awaited: the read model and projectors start in their own bootstrap hooks.
    this.started = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.tick().then(() => undefined, () => undefined));
    this.startTimer();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.chain.catch(() => undefined);
  }

  /** No passes until resume(); the pass in flight (the one at start included) finishes first (ADR 0027). */
  async pause(): Promise<void> {
    this.paused = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.started;
    await this.chain.catch(() => undefined);
  }

  resume(): void {
    if (!this.paused || this.stopping) return;
    this.paused = false;
    this.startTimer();
  }

  private startTimer(): void {
    if (this.config.forums.tickMs <= 0) return;
    this.timer = setInterval(() => {
      if (!this.busy) void this.tick().catch(() => undefined);
    }, this.config.forums.tickMs);
    this.timer.unref();
  }

  /** One pass after any pass in flight (passes never overlap within an instance). */
  tick(): Promise<TickReport> {
    const next = this.chain.catch(() => undefined).then(() => this.pass());
    this.chain = next;
    return next;
  }

  /** Brings the forum read model up to the store's head. */
  catchUp(): Promise<void> {
    return this.index.catchUp(this.store);
  }

  private async pass(): Promise<TickReport> {
    const report: TickReport = { completed: [], closed: [], killed: [], nominated: [], criteriaBreached: [] };
    if (this.stopping || this.paused) return report;
    this.busy = true;
    try {
      await this.catchUp();
      await this.completeOpenings(report);
      await this.closeOverdue(report);
      await this.catchUp();
      await this.carryOutKills(report);
      await this.checkKillCriteria(report);
      await this.nominate(report);
      if (report.closed.length || report.killed.length || report.nominated.length || report.completed.length || report.criteriaBreached.length) {
        this.logger.info('forum scheduler pass', { ...report });
      }
      return report;
    } catch (err) {
      this.logger.error('forum scheduler pass failed; the next pass retries', { err: String(err) });
      throw err;
    } finally {
      this.busy = false;
    }
  }

  private async completeOpenings(report: TickReport): Promise<void> {
    for (const p of this.index.pending()) {
      const claim = (await this.store.readStream(Streams.proposalSlot(p.itemId))).find(
        (e) => e.type === 'item-proposal-slot.claimed' && (e.data as { proposalId?: string }).proposalId === p.proposalId,
      );
      if (!claim) continue;
      const result = await this.proposals.completeOpening(claim);
      if (!result.alreadyAppended) report.completed.push(p.proposalId);
    }
  }

  private async closeOverdue(report: TickReport): Promise<void> {
    for (const p of this.index.overdue(this.clock.now())) {
      const actor = forumActor(p.forumId);
      const meta = systemMeta(actor, {
        correlationId: p.proposalId,
        causationId: uuidV5(`proposal-opened|${p.proposalId}`),
        idempotencyKey: `close:${p.proposalId}`,
      });
      try {
        const outcome = await this.proposals.decide(p.proposalId, meta, (_state, forum, now) => ({ kind: 'CloseProposal', actor, now, forum }));
        if (!outcome.replayed) report.closed.push(p.proposalId);
      } catch (err) {
        // Another replica closed it first (or it was withdrawn): nothing to do.
        if (!settled(err)) this.logger.error('closing a proposal failed; the next pass retries', { proposalId: p.proposalId, err: String(err) });
      }
    }
  }

  private async carryOutKills(report: TickReport): Promise<void> {
    for (const p of this.index.killsToCarryOut()) {
      try {
        if (await this.carryOutKill(p)) report.killed.push(p.proposalId);
        this.index.settleKill(p.proposalId);
      } catch (err) {
        if (settled(err)) {
          this.logger.warn('forum kill not carried out: the item is no longer open', { proposalId: p.proposalId, itemId: p.itemId, code: err.code });
          this.index.settleKill(p.proposalId);
        } else {
          this.logger.error('carrying out a forum kill failed; the next pass retries', { proposalId: p.proposalId, err: String(err) });
        }
      }
    }
  }

  /** KillItem via the forum through the item's decision path; the event id derives from the proposal. */
  private async carryOutKill(p: ProposalRow): Promise<boolean> {
    const events = await this.store.readStream(Streams.proposal(p.proposalId));
    const opened = events.find((e) => e.type === 'proposal.opened');
    const closed = events.find((e) => e.type === 'proposal.closed');
    if (!opened || !closed || (closed.data as ProposalClosed['data']).outcome !== 'kill') return false;
    const o = opened.data as ProposalOpened['data'];
    const t = (closed.data as ProposalClosed['data']).tally;
    const rule: Pick<ForumRule, 'quorum' | 'killThreshold'> = o.rule ?? (await this.forums.load(p.forumId)).state.rule;
    const forumName = (await this.forums.load(p.forumId)).state.name;
    const reason =
      `Killed by the review forum "${forumName}": proposal ${p.proposalId} closed with outcome kill ` +
      `(kill ${t.kill}, keep ${t.keep}, abstain ${t.abstain}; ${t.votesCast} votes cast of ${t.members} members; ` +
      `quorum ${rule.quorum}, kill threshold ${rule.killThreshold}). Proposal reason: ${o.reason}`;
    const meta = systemMeta(forumActor(p.forumId), {
      correlationId: p.proposalId,
      causationId: closed.id,
      idempotencyKey: `kill:${p.proposalId}`,
    });
    await this.commands.execute(new KillItemCommand(p.itemId, reason, meta, p.proposalId));
    return true;
  }

  // ------------------------------------------------------------------------------- self-checking kill criteria

  /**
   * Every open item whose kill criteria carry a threshold is checked against the outcomes recorded since the criteria
   * were set, as of now; a breach opens a proposal in the oldest forum whose scope holds the item's backlog, through the
   * same slot path as any nomination. Its id derives from the criteria's event, so each criteria set nominates once,
   * however many passes, replicas or restarts see the breach (ADR 0034). While another proposal is open on the item,
   * or no forum covers its backlog, the next pass tries again.
   */
  private async checkKillCriteria(report: TickReport): Promise<void> {
    const now = this.clock.now();
    for (const c of this.index.criteriaToCheck()) {
      const breach = killCriteriaBreach({ ...c, eventId: c.criteriaEventId }, this.index.outcomesAfterCriteria(c.itemId), now.toISOString());
      if (!breach) continue;
      const forum = this.index.forumsOf(c.backlogId)[0];
      if (!forum) continue;
      const proposalId = criteriaProposalId(c.criteriaEventId);
      const meta = systemMeta(forumActor(forum.forumId), {
        correlationId: proposalId,
        causationId: breach.kind === 'outcome-met' ? breach.outcome.eventId : c.criteriaEventId,
        idempotencyKey: `criteria:${proposalId}`,
      });
      const criteria = describeThreshold(c, await this.objectiveTitle(c));
      const evidence = describeBreach(breach);
      try {
        const outcome = await this.proposals.open({
          proposalId,
          forumId: forum.forumId,
          itemId: c.itemId,
          reason: `Kill criteria breached (criteria set ${c.criteriaEventId}): ${criteria}. Evidence: ${evidence}. Exit condition: "${c.exitCondition}".`,
          meta,
          nomination: { reasons: [`kill criteria breached: ${criteria}`, `evidence: ${evidence}`], cadenceIndex: null },
        });
        if (!outcome.replayed) report.criteriaBreached.push(proposalId);
        this.index.settleCriteria(c.itemId, c.criteriaEventId);
      } catch (err) {
        if (err instanceof LedgerError && CRITERIA_DONE.has(err.code)) this.index.settleCriteria(c.itemId, c.criteriaEventId);
        else if (!settled(err)) this.logger.error('nominating a kill-criteria breach failed; the next pass retries', { itemId: c.itemId, err: String(err) });
      }
    }
  }

  private async objectiveTitle(c: CriteriaRow): Promise<string | undefined> {
    const { state } = await this.backlogs.load(c.backlogId);
    return Object.prototype.hasOwnProperty.call(state.objectives, c.threshold.objectiveId) ? state.objectives[c.threshold.objectiveId].title : undefined;
  }

  // ------------------------------------------------------------------------------------------- nominations

  /** The latest cadence point at or before now (k ≥ 1), or null. */
  static cadencePoint(f: Pick<ForumRow, 'cadenceAnchor' | 'cadenceDays'>, now: Date): { index: number; at: Date } | null {
    const anchor = Date.parse(f.cadenceAnchor);
    const period = f.cadenceDays * DAY_MS;
    const index = Math.floor((now.getTime() - anchor) / period);
    return index >= 1 ? { index, at: new Date(anchor + index * period) } : null;
  }

  private async nominate(report: TickReport): Promise<void> {
    const now = this.clock.now();
    for (const f of this.index.forums()) {
      const point = ForumScheduler.cadencePoint(f, now);
      if (!point || point.index <= f.lastRunIndex) continue;
      const candidates = await this.candidates(f, point.at);
      if (candidates === null) continue; // analytics behind: the next pass retries this point
      for (const [itemId, reasons] of candidates) {
        const latest = this.index.latestProposal(f.forumId, itemId);
        if (latest && (latest.status === 'open' || latest.status === 'pending')) continue;
        const proposalId = uuidV5(`nomination|${f.forumId}|${f.cadenceAnchor}|${point.index}|${itemId}`);
        const meta = systemMeta(forumActor(f.forumId), {
          correlationId: proposalId,
          causationId: null,
          idempotencyKey: `nominate:${proposalId}`,
        });
        try {
          const outcome = await this.proposals.open({
            proposalId,
            forumId: f.forumId,
            itemId,
            reason: `Nominated by the forum's review cadence of ${point.at.toISOString().slice(0, 10)}: ${reasons.join('; ')}.`,
            meta,
            nomination: { reasons, cadenceIndex: point.index },
          });
          if (!outcome.replayed) report.nominated.push(proposalId);
        } catch (err) {
          if (!settled(err)) {
            this.logger.error('nomination failed; the next pass retries', { forumId: f.forumId, itemId, err: String(err) });
            return;
          }
        }
      }
      this.index.markCadenceRun(f.forumId, point.index);
    }
  }

  /** Items to nominate at a cadence point, with why; null when analytics have not caught up. */
  private async candidates(f: ForumRow, at: Date): Promise<Map<string, string[]> | null> {
    const head = await this.store.headPosition();
    if (!(await this.analytics.projector.waitFor(head, this.config.readYourWritesTimeoutMs))) {
      this.logger.warn('forum nomination postponed: analytics are behind', { forumId: f.forumId, head });
      return null;
    }
    const out = new Map<string, string[]>();
    const add = (itemId: string, reason: string) => out.set(itemId, [...(out.get(itemId) ?? []), reason]);
    const report = await zombies(this.analyticsClient, { database: this.analytics.database, backlogIds: f.backlogIds, at });
    for (const z of report.zombies) add(z.itemId, zombieReason(z));
    const date = at.toISOString().slice(0, 10);
    for (const r of this.index.reviewDue(f.backlogIds, date)) {
      if (!out.has(r.itemId)) add(r.itemId, `kill-criteria review date ${r.reviewBy} has passed`);
    }
    // No-quorum with 'reopen-next-cadence': the item comes back at the next cadence point.
    for (const p of this.index.proposals({ forumId: f.forumId, status: 'closed', limit: 100_000, offset: 0 })) {
      if (p.outcome !== 'no-quorum' || p.followUp !== 'reopen-next-cadence' || !p.closedAt || p.closedAt > at.toISOString()) continue;
      const latest = this.index.latestProposal(f.forumId, p.itemId);
      if (latest?.proposalId === p.proposalId) add(p.itemId, `re-opened: proposal ${p.proposalId} closed without quorum`);
    }
    return out;
  }
}

/** Why an item is a zombie, as one line listing the reasons of the zombie report. */
export function zombieReason(z: Zombie): string {
  const why = [`${z.daysSinceProgress} days without progress`, `${z.ageDays} days old`];
  if (z.reasons.timesDeferred > 0) why.push(`deferred ${z.reasons.timesDeferred} times`);
  if (z.reasons.noObjective) why.push('no linked objective');
  if (z.reasons.killCriteriaReviewPassed) why.push('kill-criteria review date passed');
  if (z.reasons.inProgressTooLong) why.push('in progress for long without delivery');
  if (z.reasons.escalations > 0) why.push(`${z.reasons.escalations} escalations`);
  return `zombie (score ${z.score}): ${why.join(', ')}`;
}
