import type { ClickHouseClient } from '@clickhouse/client';
import { chTime } from '../projection/decision-row';

/**
 * Review-forum analytics (issue 4 part 8; docs/metrics-forums.md), from `forum_events` (one row per forum or
 * proposal event). Everything is "as of" `at`: only events that occurred at or before `at` exist. The period
 * [from, to) selects which events are counted, by the time they occurred:
 * - proposalsOpened: `proposal.opened` in the period;
 * - closed (by outcome), killRate = kill ÷ closed, noQuorumShare = no-quorum ÷ closed: `proposal.closed` in the period;
 * - medianDaysToDecision: over the proposals closed in the period, the median of (closedAt − opened), in days
 *   (mean of the two middle values for an even count); closedAt is the close's own `closedAt`;
 * - participation: over the proposals closed in the period whose tally names at least one member, the mean of
 *   votesCast ÷ members as the closing tally recorded them;
 * - withdrawn: `proposal.withdrawn` in the period;
 * - openProposals and members: the state at `at` (opened and neither closed nor withdrawn; joined and not left);
 * - delegatedVotes: over the proposals closed in the period, the votes that counted for someone else (the closing
 *   tallies' `delegated`); delegatedShare = delegatedVotes ÷ their votesCast (ADR 0035);
 * - delegationsGranted / delegationsRevoked: forum.vote-delegated / forum.delegation-revoked in the period;
 * - activeDelegations: as of `at`, delegations holding then (valid_from <= at < valid_until, not revoked, and neither
 *   party has left the forum since it was granted).
 * Ratios are null when their denominator is 0.
 */
export interface ForumScope {
  database: string;
  forumIds: string[];
  at: Date;
}

export interface ForumPeriod {
  from: Date;
  to: Date;
}

export interface ForumStats {
  forumId: string;
  /** From `forum.created` ('' when the forum has no event as of `at`). */
  name: string;
  proposalsOpened: number;
  closed: { total: number; kill: number; keep: number; noQuorum: number };
  killRate: number | null;
  noQuorumShare: number | null;
  medianDaysToDecision: number | null;
  participation: number | null;
  withdrawn: number;
  openProposals: number;
  members: number;
  delegatedVotes: number;
  delegatedShare: number | null;
  delegationsGranted: number;
  delegationsRevoked: number;
  activeDelegations: number;
}

export interface ForumReport {
  at: string;
  period: { from: string; to: string };
  forums: ForumStats[];
}

const T = `DateTime64(3, 'UTC')`;

interface Row {
  forum_id: string;
  name: string;
  opened: string;
  withdrawn: string;
  kill: string;
  keep: string;
  no_quorum: string;
  participation: number | null;
  median_days: number | null;
  open_now: string;
  members: string;
  delegated: string;
  closed_votes: string;
  granted: string;
  revoked: string;
  active: string | null;
}

const finiteOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

function empty(forumId: string): ForumStats {
  return {
    forumId,
    name: '',
    proposalsOpened: 0,
    closed: { total: 0, kill: 0, keep: 0, noQuorum: 0 },
    killRate: null,
    noQuorumShare: null,
    medianDaysToDecision: null,
    participation: null,
    withdrawn: 0,
    openProposals: 0,
    members: 0,
    delegatedVotes: 0,
    delegatedShare: null,
    delegationsGranted: 0,
    delegationsRevoked: 0,
    activeDelegations: 0,
  };
}

export async function forumStats(client: ClickHouseClient, scope: ForumScope, period: ForumPeriod): Promise<ForumReport> {
  for (const [name, d] of [['at', scope.at], ['period.from', period.from], ['period.to', period.to]] as const) {
    if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${name} is not a valid date`);
  }
  if (period.from.getTime() > period.to.getTime()) throw new RangeError('period.from is after period.to');
  const report: ForumReport = {
    at: scope.at.toISOString(),
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    forums: [],
  };
  const forumIds = [...new Set(scope.forumIds)].sort();
  if (forumIds.length === 0) return report;

  const base = `${scope.database}.forum_events FINAL`;
  const asOf = `forum_id IN {forums:Array(String)} AND occurred_at <= {at:${T}}`;
  const inPeriod = `occurred_at >= {from:${T}} AND occurred_at < {to:${T}}`;
  const rs = await client.query({
    query: `
      WITH
      events AS (SELECT * FROM ${base} WHERE ${asOf}),
      counts AS (
        SELECT forum_id,
          anyIf(name, type = 'forum.created') AS name,
          countIf(type = 'proposal.opened' AND ${inPeriod}) AS opened,
          countIf(type = 'proposal.withdrawn' AND ${inPeriod}) AS withdrawn,
          countIf(type = 'proposal.closed' AND ${inPeriod} AND outcome = 'kill') AS kill,
          countIf(type = 'proposal.closed' AND ${inPeriod} AND outcome = 'keep') AS keep,
          countIf(type = 'proposal.closed' AND ${inPeriod} AND outcome = 'no-quorum') AS no_quorum,
          avgIf(votes_cast / members, type = 'proposal.closed' AND ${inPeriod} AND members > 0) AS participation,
          sumIf(tally_delegated, type = 'proposal.closed' AND ${inPeriod}) AS delegated,
          sumIf(votes_cast, type = 'proposal.closed' AND ${inPeriod}) AS closed_votes,
          countIf(type = 'forum.vote-delegated' AND ${inPeriod}) AS granted,
          countIf(type = 'forum.delegation-revoked' AND ${inPeriod}) AS revoked
        FROM events GROUP BY forum_id
      ),
      delegations AS (
        SELECT g.forum_id AS forum_id,
          countIf(g.valid_from <= {at:${T}} AND {at:${T}} < g.valid_until
            AND g.delegation_id NOT IN (SELECT delegation_id FROM events WHERE type = 'forum.delegation-revoked')
            AND NOT arrayExists(x -> (x.1 = g.member_id OR x.1 = g.delegate_id) AND x.2 > g.position, l.lefts)) AS active
        FROM (SELECT forum_id, delegation_id, member_id, delegate_id, valid_from, valid_until, position FROM events
              WHERE type = 'forum.vote-delegated') AS g
        LEFT JOIN (SELECT forum_id, groupArray((member_id, position)) AS lefts FROM events
              WHERE type = 'forum.member-left' GROUP BY forum_id) AS l ON l.forum_id = g.forum_id
        GROUP BY g.forum_id
      ),
      durations AS (
        SELECT c.forum_id AS forum_id,
          quantileExactInclusive(0.5)((toUnixTimestamp64Milli(c.decided_at) - toUnixTimestamp64Milli(o.opened_at)) / 86400000) AS median_days
        FROM (SELECT forum_id, proposal_id, min(decided_at) AS decided_at FROM events
              WHERE type = 'proposal.closed' AND ${inPeriod} GROUP BY forum_id, proposal_id) AS c
        INNER JOIN (SELECT forum_id, proposal_id, min(occurred_at) AS opened_at FROM events
              WHERE type = 'proposal.opened' GROUP BY forum_id, proposal_id) AS o
        ON c.forum_id = o.forum_id AND c.proposal_id = o.proposal_id
        GROUP BY c.forum_id
      ),
      open_now AS (
        SELECT forum_id, countIf(was_opened AND NOT ended) AS open_now FROM (
          SELECT forum_id, proposal_id,
            max(type = 'proposal.opened') AS was_opened,
            max(type IN ('proposal.closed', 'proposal.withdrawn')) AS ended
          FROM events WHERE proposal_id != '' GROUP BY forum_id, proposal_id
        ) GROUP BY forum_id
      ),
      members AS (
        SELECT forum_id, countIf(last_type = 'forum.member-joined') AS members FROM (
          SELECT forum_id, member_id, argMax(type, position) AS last_type
          FROM events WHERE type IN ('forum.member-joined', 'forum.member-left') GROUP BY forum_id, member_id
        ) GROUP BY forum_id
      )
      SELECT counts.forum_id AS forum_id, counts.name AS name, toString(opened) AS opened, toString(withdrawn) AS withdrawn,
        toString(kill) AS kill, toString(keep) AS keep, toString(no_quorum) AS no_quorum,
        if(isFinite(participation), participation, NULL) AS participation,
        durations.median_days AS median_days,
        toString(open_now.open_now) AS open_now, toString(members.members) AS members,
        toString(delegated) AS delegated, toString(closed_votes) AS closed_votes, toString(granted) AS granted,
        toString(revoked) AS revoked, toString(delegations.active) AS active
      FROM counts
      LEFT JOIN durations ON durations.forum_id = counts.forum_id
      LEFT JOIN open_now ON open_now.forum_id = counts.forum_id
      LEFT JOIN members ON members.forum_id = counts.forum_id
      LEFT JOIN delegations ON delegations.forum_id = counts.forum_id
      SETTINGS join_use_nulls = 1`,
    query_params: {
      forums: forumIds,
      at: chTime(scope.at.toISOString()),
      from: chTime(period.from.toISOString()),
      to: chTime(period.to.toISOString()),
    },
    format: 'JSONEachRow',
  });
  const rows = new Map((await rs.json<Row>()).map((r) => [r.forum_id, r]));
  const int = (v: string | null | undefined): number => (v === null || v === undefined ? 0 : Number(v));
  report.forums = forumIds.map((forumId) => {
    const r = rows.get(forumId);
    if (!r) return empty(forumId);
    const kill = int(r.kill);
    const keep = int(r.keep);
    const noQuorum = int(r.no_quorum);
    const total = kill + keep + noQuorum;
    return {
      forumId,
      name: r.name ?? '',
      proposalsOpened: int(r.opened),
      closed: { total, kill, keep, noQuorum },
      killRate: ratio(kill, total),
      noQuorumShare: ratio(noQuorum, total),
      medianDaysToDecision: total > 0 ? finiteOrNull(r.median_days) : null,
      participation: finiteOrNull(r.participation),
      withdrawn: int(r.withdrawn),
      openProposals: int(r.open_now),
      members: int(r.members),
      delegatedVotes: int(r.delegated),
      delegatedShare: ratio(int(r.delegated), int(r.closed_votes)),
      delegationsGranted: int(r.granted),
      delegationsRevoked: int(r.revoked),
      activeDelegations: int(r.active),
    };
  });
  return report;
}
