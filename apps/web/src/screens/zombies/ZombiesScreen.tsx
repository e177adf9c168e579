import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { canProposeKill } from '../../app/roles';
import { useSession } from '../../app/session';
import { useAsOf } from '../../app/useAsOf';
import { usePeriod } from '../../app/usePeriod';
import { AsOfLink } from '../../shared/AsOfLink';
import { BacklogAnalyticsHeader } from '../../shared/BacklogAnalyticsNav';
import { useDataMark } from '../../shared/data-mark';
import { DecisionDialog, type FieldSpec } from '../../shared/DecisionDialog';
import { EChart } from '../../shared/EChart';
import { PeriodControl } from '../../shared/PeriodControl';
import { QueryView } from '../../shared/states';
import { Time } from '../../shared/Time';
import { useBacklog } from '../backlog/queries';
import {
  proposeKill,
  useForums,
  useOpenProposals,
  useRefreshProposals,
  useTrend,
  useZombieReport,
  type ForumSummary,
  type ProposalRow,
  type Zombie,
  type ZombieReport,
  type ZombieTrendPoint,
} from './queries';
import { percent, reasonChips } from './reasons';

const loadTrendChart = () => import('./trend.echarts');

export default function ZombiesScreen() {
  const { backlogId = '' } = useParams();
  const { at } = useAsOf();
  const backlog = useBacklog(backlogId);
  const report = useZombieReport(backlogId, at);
  useDataMark('zombies', report.isSuccess);
  return (
    <section aria-labelledby="zombies-title">
      <BacklogAnalyticsHeader backlogId={backlogId} backlogName={backlog.data?.name} current="zombies" title="Zombies" titleId="zombies-title" />
      <QueryView
        query={report}
        what="Loading the zombies"
        isEmpty={(r) => r.openItems === 0}
        empty={<p>No open item{at ? ' at that time' : ' yet'}, so no zombie.</p>}
      >
        {(r) => <ZombieReportView backlogId={backlogId} report={r} />}
      </QueryView>
    </section>
  );
}

function ZombieReportView({ backlogId, report }: { backlogId: string; report: ZombieReport }) {
  return (
    <>
      <p className="muted">
        As of <Time iso={report.at} />. An open item is a zombie once it is older than the policy’s zombie age and has not progressed for its stale
        period; the score adds each further reason (docs/metrics-zombies-health.md).
      </p>
      <dl className="facts figures" aria-label="Zombie counts">
        <div>
          <dt>Zombies</dt>
          <dd data-figure="count">{report.count}</dd>
        </div>
        <div>
          <dt>Share of open items</dt>
          <dd data-figure="shareOfOpen">
            {percent(report.shareOfOpen)} <span className="muted">of {report.openItems}</span>
          </dd>
        </div>
        <div>
          <dt>Share of estimated points</dt>
          <dd data-figure="shareOfPoints">
            {percent(report.shareOfPoints)}{' '}
            <span className="muted">
              ({report.estimatedPointsOfZombies} of {report.estimatedPointsOpen} points)
            </span>
          </dd>
        </div>
      </dl>
      <Trend backlogId={backlogId} />
      <h2 id="zombie-list-title">By score</h2>
      {report.zombies.length === 0 ? (
        <p className="state state-empty" role="status">
          No zombie: every open item is young enough or has progressed recently.
        </p>
      ) : (
        <ZombieTable backlogId={backlogId} zombies={report.zombies} />
      )}
    </>
  );
}

function Trend({ backlogId }: { backlogId: string }) {
  const { at } = useAsOf();
  const { period } = usePeriod();
  const trend = useTrend<ZombieTrendPoint>(backlogId, 'zombies', at, period);
  const points = trend.data?.points ?? [];
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 40, right: 16, top: 28, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1, min: 0, name: 'zombies' },
      series: [{ type: 'line', name: 'Zombies', data: points.map((p) => [p.at, p.count]), symbolSize: 6 }],
    }),
    [points],
  );
  return (
    <section aria-labelledby="zombie-trend-title">
      <h2 id="zombie-trend-title">Weekly trend</h2>
      <PeriodControl shown={trend.data ? { from: trend.data.from, to: trend.data.to } : undefined} />
      <QueryView query={trend} what="Loading the trend">
        {(t) => (
          <>
            <EChart
              load={loadTrendChart}
              option={option}
              label={`Zombies at the end of each week: ${t.points.map((p) => `${new Date(p.at).toLocaleDateString()} ${p.count}`).join(', ')}`}
            />
            <details className="numbers">
              <summary>The numbers</summary>
              <div className="table-scroll" tabIndex={0} role="region" aria-label="Zombies per week">
                <table className="data compact">
                  <thead>
                    <tr>
                      <th scope="col">Week ending</th>
                      <th scope="col" className="num">
                        Zombies
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {t.points.map((p) => (
                      <tr key={p.at}>
                        <th scope="row">
                          <Time iso={p.at} />
                        </th>
                        <td className="num">{p.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </>
        )}
      </QueryView>
    </section>
  );
}

/** Zombie rows painted in the first frame; the rest follow in a deferred render. */
const FIRST_ROWS = 50;

function ZombieTable({ backlogId, zombies }: { backlogId: string; zombies: Zombie[] }) {
  const session = useSession();
  const { at } = useAsOf();
  // An auditor is offered no decision, and nothing is proposed while looking at the past: no forum to ask for then.
  const forums = useForums(backlogId, at === null && session.role !== 'auditor');
  // The forums that review this backlog and in which this person may open a proposal.
  const eligible = (forums.data ?? []).filter((f) => canProposeKill(session, backlogId, f));
  const reviewing = (forums.data ?? []).filter((f) => f.backlogIds.includes(backlogId));
  const proposals = useOpenProposals(reviewing.map((f) => f.id));
  const openByItem = new Map<string, ProposalRow>();
  for (const q of proposals) for (const p of q.data ?? []) openByItem.set(p.itemId, p);
  const [proposing, setProposing] = useState<Zombie | null>(null);
  const [opened, setOpened] = useState<{ zombie: Zombie; forum: ForumSummary } | null>(null);
  const refresh = useRefreshProposals();
  const mayPropose = at === null && eligible.length > 0;
  // A backlog can hold hundreds of zombies: the first screenful is painted at once, the rest a render later.
  const rows = useDeferredValue(zombies, zombies.length > FIRST_ROWS ? zombies.slice(0, FIRST_ROWS) : zombies);

  return (
    <>
      {at === null && forums.isSuccess && reviewing.length === 0 && (
        <p className="muted">No review forum reviews this backlog yet, so no kill can be proposed from here; an admin sets one up.</p>
      )}
      {opened && (
        <p className="notice notice-ok" role="status">
          Kill proposal opened for “{opened.zombie.title}” in {opened.forum.name}; its members vote until the deadline (
          <AsOfLink to={`/items/${opened.zombie.itemId}`}>see it on the item</AsOfLink>).
        </p>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="zombie-list-title">
        <table className="data zombies">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="num">
                Score
              </th>
              <th scope="col">Reasons</th>
              <th scope="col" className="num">
                Days since progress
              </th>
              <th scope="col" className="num wide">
                Age (days)
              </th>
              <th scope="col" className="num wide">
                Estimate
              </th>
              <th scope="col">Kill proposal</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((z) => {
              const open = openByItem.get(z.itemId);
              return (
                <tr key={z.itemId} data-item-id={z.itemId}>
                  <th scope="row">
                    <AsOfLink to={`/items/${z.itemId}`}>{z.title}</AsOfLink>
                    <span className="sub">
                      {z.kind}
                      {z.status === 'in-progress' && ' · in progress'}
                    </span>
                  </th>
                  <td className="num">
                    <span className="badge badge-zombie">{z.score.toFixed(2)}</span>
                  </td>
                  <td>
                    <ul className="chips" aria-label={`Reasons for “${z.title}”`}>
                      <li className="chip" title={`No progress for ${z.daysSinceProgress} days (last on ${new Date(z.lastProgressAt).toLocaleDateString()}).`}>
                        Stale {z.daysSinceProgress} days
                      </li>
                      {reasonChips(z.reasons).map((c) => (
                        <li key={c.id} className="chip" data-reason={c.id} title={c.explanation}>
                          {c.label}
                          <span className="visually-hidden">: {c.explanation}</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="num">{z.daysSinceProgress}</td>
                  <td className="num wide">{z.ageDays}</td>
                  <td className="num wide">{z.estimate ?? '—'}</td>
                  <td>
                    {open ? (
                      <span className="muted">
                        Open{open.nominatedAutomatically ? ' (nominated by the forum’s review cadence)' : ''}, closes <Time iso={open.closesAt} />
                      </span>
                    ) : mayPropose ? (
                      <button type="button" className="small danger" onClick={() => setProposing(z)}>
                        Propose kill…<span className="visually-hidden"> “{z.title}”</span>
                      </button>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {proposing && (
        <ProposeKillDialog
          zombie={proposing}
          forums={eligible}
          onCancel={() => setProposing(null)}
          onDone={async (forum) => {
            setOpened({ zombie: proposing, forum });
            setProposing(null);
            await refresh(proposing.itemId);
          }}
        />
      )}
    </>
  );
}

function ProposeKillDialog({ zombie, forums, onCancel, onDone }: { zombie: Zombie; forums: ForumSummary[]; onCancel: () => void; onDone: (forum: ForumSummary) => void }) {
  const fields: FieldSpec[] = [
    {
      name: 'forumId',
      label: 'Review forum',
      type: 'select',
      required: true,
      options: forums.map((f) => ({ value: f.id, label: `${f.name} (${f.members.length} members, ${f.rule.votingPeriodDays} days to vote)` })),
      hint: 'Its members vote on the proposal; the item is killed if the forum’s rule says so at the deadline.',
    },
  ];
  const chips = reasonChips(zombie.reasons).map((c) => c.label.toLowerCase());
  const chosen = useRef<ForumSummary>(forums[0]);
  return (
    <DecisionDialog
      title={`Propose to kill “${zombie.title}”`}
      description={
        <p>
          Zombie score {zombie.score.toFixed(2)}: no progress for {zombie.daysSinceProgress} days
          {chips.length > 0 && `, ${chips.join(', ')}`}.
        </p>
      }
      fields={fields}
      rationale={{ name: 'reason', label: 'Why should it be killed?', hint: 'At least 10 characters; the forum’s members read it before they vote.' }}
      initial={{ forumId: forums[0]?.id ?? '' }}
      submitLabel="Open the proposal"
      aliases={{ itemId: 'forumId' }}
      onSubmit={(body) => {
        chosen.current = forums.find((f) => f.id === body.forumId) ?? forums[0];
        return proposeKill(String(body.forumId), zombie.itemId, String(body.reason));
      }}
      onDone={() => onDone(chosen.current)}
      onCancel={onCancel}
    />
  );
}
