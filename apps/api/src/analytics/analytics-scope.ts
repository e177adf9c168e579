import { Inject, Injectable } from '@nestjs/common';
import type { ClickHouseClient } from '@clickhouse/client';
import type { ForumScope, MetricScope } from '@ledger/analytics';
import type { EventStore } from '@ledger/event-store';
import { Authorization } from '../auth/authorization';
import type { Principal } from '../auth/principal';
import { parseInstant } from '../http/instant';
import { validationProblem } from '../http/problem';
import type { Clock } from '@ledger/kernel';
import { ANALYTICS_CLIENT, CLOCK, EVENT_STORE } from '../infrastructure/tokens';
import { forumView } from '../shared/forum-view';
import { assertCanReadForum, forumNotFound } from '../forums/forum-decisions';
import { Backlogs } from '../items/backlog-context';
import { AnalyticsProjectorService } from './analytics-projector.service';
import type { AnalyticsQueryDto } from './analytics-query.request.dto';

const DAY = 86_400_000;
/** Longest period a report may cover: ten years of weekly points stays cheap. */
export const MAX_RANGE_DAYS = 3660;

export interface ResolvedQuery {
  scope: MetricScope;
  period: { from: Date; to: Date };
}

/** Turns a metrics request into a checked scope: who may see which backlogs, which instants, caught up. */
@Injectable()
export class AnalyticsScope {
  constructor(
    @Inject(ANALYTICS_CLIENT) readonly client: ClickHouseClient,
    private readonly analytics: AnalyticsProjectorService,
    private readonly backlogs: Backlogs,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** One review forum: it must exist; whoever may read the forum (its members, or readers of one of its backlogs). */
  async forForum(principal: Principal, forumId: string, q: AnalyticsQueryDto): Promise<{ scope: ForumScope; period: { from: Date; to: Date } }> {
    const resolved = this.resolveTimes(q);
    const forum = forumView(await this.store.readStream(`forum-${forumId}`));
    if (!forum) throw forumNotFound(forumId);
    assertCanReadForum(principal, forum);
    await this.analytics.reached(q.minPosition);
    return { scope: { database: this.analytics.database, forumIds: [forumId], at: resolved.at }, period: resolved.period };
  }

  async forBacklog(principal: Principal, backlogId: string, q: AnalyticsQueryDto): Promise<ResolvedQuery> {
    const resolved = this.resolveTimes(q);
    await this.backlogs.context(backlogId);
    Authorization.assertCanRead(principal, backlogId);
    await this.analytics.reached(q.minPosition);
    return { scope: { database: this.analytics.database, backlogIds: [backlogId], at: resolved.at }, period: resolved.period };
  }

  /** The portfolio: every backlog the caller may read. */
  async forPortfolio(principal: Principal, q: AnalyticsQueryDto): Promise<ResolvedQuery> {
    const resolved = this.resolveTimes(q);
    await this.analytics.reached(q.minPosition);
    // No FINAL: a redelivered row repeats a backlog id, which DISTINCT drops anyway (ADR 0008 allows an
    // equivalent duplicate-insensitive aggregate). backlog_decisions: the backlog-level rows only (ADR 0018).
    const rs = await this.client.query({
      query: `SELECT DISTINCT backlog_id FROM ${this.analytics.database}.backlog_decisions
              WHERE type = 'backlog.created' AND occurred_at <= {at:DateTime64(3, 'UTC')} ORDER BY backlog_id`,
      query_params: { at: resolved.at.toISOString().replace('T', ' ').replace('Z', '') },
      format: 'JSONEachRow',
    });
    const all = (await rs.json<{ backlog_id: string }>()).map((r) => r.backlog_id);
    const visible = all.filter((id) => {
      try {
        Authorization.assertCanRead(principal, id);
        return true;
      } catch {
        return false;
      }
    });
    return { scope: { database: this.analytics.database, backlogIds: visible, at: resolved.at }, period: resolved.period };
  }

  private resolveTimes(q: AnalyticsQueryDto): { at: Date; period: { from: Date; to: Date } } {
    const at = q.at ? parseInstant(q.at, 'at') : this.clock.now();
    const to = q.to ? parseInstant(q.to, 'to') : at;
    const from = q.from ? parseInstant(q.from, 'from') : new Date(to.getTime() - 90 * DAY);
    if (from.getTime() > to.getTime()) {
      throw validationProblem([{ field: 'from', code: 'range', message: 'from must not be after to' }]);
    }
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) {
      throw validationProblem([{ field: 'from', code: 'maxRange', message: `the period may span at most ${MAX_RANGE_DAYS} days` }]);
    }
    return { at, period: { from, to } };
  }
}

/** Week ends from `from` (exclusive) to `to` (inclusive), one per 7 days, the last one at `to`. */
export function weeklyPoints(from: Date, to: Date): Date[] {
  const points: Date[] = [];
  for (let t = to.getTime(); t > from.getTime(); t -= 7 * DAY) points.unshift(new Date(t));
  return points.length ? points : [to];
}
