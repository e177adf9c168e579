import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useAsOf } from '../../app/useAsOf';
import { usePeriod } from '../../app/usePeriod';
import { BacklogAnalyticsHeader } from '../../shared/BacklogAnalyticsNav';
import { useDataMark } from '../../shared/data-mark';
import { EChart } from '../../shared/EChart';
import { PeriodControl } from '../../shared/PeriodControl';
import { QueryView } from '../../shared/states';
import { Time } from '../../shared/Time';
import { useTrend } from '../zombies/queries';
import { useBacklogPolicy, useHealth, type BacklogWithPolicy, type HealthReport, type SizeTrendPoint } from './queries';

const loadCharts = () => import('./health.echarts');

const VERDICT: Record<HealthReport['size']['verdict'], string> = {
  'too-small': 'too small',
  healthy: 'healthy',
  'too-large': 'too large',
  unknown: 'unknown (no velocity yet)',
};

const pct = (share: number) => `${Math.round(share * 1000) / 10} %`;
const sprints = (n: number | null) => (n === null ? '—' : n.toFixed(1));

export default function HealthScreen() {
  const { backlogId = '' } = useParams();
  const { at } = useAsOf();
  const { period } = usePeriod();
  const backlog = useBacklogPolicy(backlogId);
  const report = useHealth(backlogId, at, period);
  useDataMark('health', report.isSuccess);
  return (
    <section aria-labelledby="health-title">
      <BacklogAnalyticsHeader backlogId={backlogId} backlogName={backlog.data?.name} current="health" title="Health" titleId="health-title" />
      <PeriodControl shown={report.data?.period} />
      <QueryView
        query={report}
        what="Loading the health report"
        isEmpty={(r) => r.openItems === 0 && r.antiBacklogSize === 0 && r.kills.count === 0 && r.deliveredVsOutcomes.every((m) => m.delivered === 0)}
        empty={<p>Nothing on this backlog{at ? ' at that time' : ' yet'}.</p>}
      >
        {(r) => (
          <>
            <HealthFigures report={r} />
            <SizeOverTime backlogId={backlogId} band={r.size.band} />
            <DeliveredVsOutcomes report={r} />
            <Policy backlog={backlog.data} />
          </>
        )}
      </QueryView>
    </section>
  );
}

function HealthFigures({ report: r }: { report: HealthReport }) {
  const estimated = r.readyItems - r.readyWithoutEstimate.count;
  return (
    <>
      <p className="muted">
        As of <Time iso={r.at} />. Size in sprints = points of the ready items ÷ the average velocity of the last (up to) 3 sprints.
      </p>
      <dl className="facts figures" aria-label="Health figures">
        <div>
          <dt>Size in sprints</dt>
          <dd data-figure="sizeInSprints">
            {sprints(r.size.sizeInSprints)} <span className={`verdict verdict-${r.size.verdict}`}>{VERDICT[r.size.verdict]}</span>
            <span className="sub">
              healthy: {r.size.band.min}–{r.size.band.max}; {r.size.readyPoints} points ÷ {r.size.averageVelocity === null ? '—' : r.size.averageVelocity} per sprint
              {r.size.sprintsInAverage > 0 && ` (last ${r.size.sprintsInAverage})`}
            </span>
          </dd>
        </div>
        <div>
          <dt>Estimate coverage</dt>
          <dd data-figure="estimated">
            {r.readyItems === 0 ? '—' : pct(1 - r.readyWithoutEstimate.share)}
            <span className="sub">
              {estimated} of {r.readyItems} ready items estimated
            </span>
          </dd>
        </div>
        <div>
          <dt>Objective coverage</dt>
          <dd data-figure="linked">
            {r.openItems === 0 ? '—' : pct(r.linkedToObjective.share)}
            <span className="sub">
              {r.linkedToObjective.count} of {r.openItems} open items linked to an objective
            </span>
          </dd>
        </div>
        <div>
          <dt>Anti-backlog</dt>
          <dd data-figure="antiBacklog">
            {r.antiBacklogSize} <span className="sub">items decided against, kept on record</span>
          </dd>
        </div>
        <div>
          <dt>Kills in the period</dt>
          <dd data-figure="kills">{r.kills.count}</dd>
        </div>
        <div>
          <dt>Age of open items (days)</dt>
          <dd data-figure="age">
            median {r.openItemAgeDays.p50 ?? '—'} · p75 {r.openItemAgeDays.p75 ?? '—'} · p90 {r.openItemAgeDays.p90 ?? '—'}
          </dd>
        </div>
      </dl>
    </>
  );
}

function SizeOverTime({ backlogId, band }: { backlogId: string; band: { min: number; max: number } }) {
  const { at } = useAsOf();
  const { period } = usePeriod();
  const trend = useTrend<SizeTrendPoint>(backlogId, 'size-in-sprints', at, period);
  const points = trend.data?.points ?? [];
  const option = useMemo(() => {
    const values = points.map((p) => p.sizeInSprints).filter((v): v is number => v !== null);
    return {
      animation: false,
      grid: { left: 40, right: 16, top: 28, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', min: 0, max: Math.ceil(Math.max(band.max + 1, ...values)), name: 'sprints' },
      series: [
        {
          type: 'line',
          name: 'Size in sprints',
          connectNulls: false,
          data: points.map((p) => [p.at, p.sizeInSprints]),
          symbolSize: 6,
          markArea: {
            silent: true,
            itemStyle: { color: 'rgba(46, 125, 50, 0.12)' },
            label: { show: true, position: 'insideTopLeft', formatter: `healthy ${band.min}–${band.max}` },
            data: [[{ yAxis: band.min }, { yAxis: band.max }]],
          },
        },
      ],
    };
  }, [points, band.min, band.max]);
  return (
    <section aria-labelledby="size-title">
      <h2 id="size-title">Size in sprints, week by week</h2>
      <QueryView query={trend} what="Loading the size over time">
        {(t) =>
          t.points.every((p) => p.sizeInSprints === null) ? (
            <p className="muted">No velocity recorded in this period, so no size in sprints to draw.</p>
          ) : (
            <>
              <EChart
                load={loadCharts}
                option={option}
                label={`Size in sprints at the end of each week, against the healthy band ${band.min} to ${band.max}: ${t.points
                  .map((p) => `${new Date(p.at).toLocaleDateString()} ${sprints(p.sizeInSprints)}`)
                  .join(', ')}`}
              />
              <details className="numbers">
                <summary>The numbers</summary>
                <div className="table-scroll" tabIndex={0} role="region" aria-label="Size in sprints per week">
                  <table className="data compact size-weeks">
                    <thead>
                      <tr>
                        <th scope="col">Week ending</th>
                        <th scope="col" className="num">
                          Sprints
                        </th>
                        <th scope="col">Verdict</th>
                      </tr>
                    </thead>
                    <tbody>
                      {t.points.map((p) => (
                        <tr key={p.at}>
                          <th scope="row">
                            <Time iso={p.at} />
                          </th>
                          <td className="num">{sprints(p.sizeInSprints)}</td>
                          <td>{VERDICT[p.verdict]}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            </>
          )
        }
      </QueryView>
    </section>
  );
}

function DeliveredVsOutcomes({ report: r }: { report: HealthReport }) {
  const months = r.deliveredVsOutcomes;
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 40, right: 16, top: 40, bottom: 32 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1, min: 0, name: 'items' },
      series: [
        { type: 'bar', name: 'Delivered', data: months.map((m) => m.delivered) },
        { type: 'bar', name: 'Outcome moved', data: months.map((m) => m.outcomesMoved) },
        { type: 'bar', name: 'Outcome not moved', data: months.map((m) => m.outcomesNotMoved) },
      ],
    }),
    [months],
  );
  return (
    <section aria-labelledby="delivered-title">
      <h2 id="delivered-title">Delivered vs outcomes moved, by month</h2>
      {months.length === 0 ? (
        <p className="muted">No month in this period.</p>
      ) : (
        <>
          <EChart
            load={loadCharts}
            option={option}
            label={`Per month, items delivered and outcomes recorded: ${months.map((m) => `${m.month} delivered ${m.delivered}, moved ${m.outcomesMoved}, not moved ${m.outcomesNotMoved}`).join('; ')}`}
          />
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Delivered vs outcomes by month">
            <table className="data compact delivered-months">
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col" className="num">
                    Delivered
                  </th>
                  <th scope="col" className="num">
                    Outcome moved
                  </th>
                  <th scope="col" className="num">
                    Outcome not moved
                  </th>
                </tr>
              </thead>
              <tbody>
                {months.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{m.month}</th>
                    <td className="num">{m.delivered}</td>
                    <td className="num">{m.outcomesMoved}</td>
                    <td className="num">{m.outcomesNotMoved}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function Policy({ backlog }: { backlog: BacklogWithPolicy | undefined }) {
  const { at } = useAsOf();
  if (!backlog) return null;
  const p = backlog.policy;
  return (
    <section aria-labelledby="policy-title">
      <h2 id="policy-title">The backlog’s policy</h2>
      {at && <p className="muted">The policy in force now; the figures above use the one in force at the instant shown.</p>}
      <dl className="facts policy">
        <div>
          <dt>Zombie after</dt>
          <dd>{p.zombieAfterDays} days of age</dd>
        </div>
        <div>
          <dt>Stale after</dt>
          <dd>{p.staleAfterDays} days without progress</dd>
        </div>
        <div>
          <dt>Reversal window</dt>
          <dd>{p.reversalWindowDays} days</dd>
        </div>
        <div>
          <dt>Healthy size</dt>
          <dd>
            {p.healthySprints.min}–{p.healthySprints.max} sprints
          </dd>
        </div>
        <div>
          <dt>Review cadence</dt>
          <dd>every {p.reviewCadenceDays} days</dd>
        </div>
      </dl>
    </section>
  );
}
