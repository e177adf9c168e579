import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useAsOf } from '../../app/useAsOf';
import { usePeriod } from '../../app/usePeriod';
import { AsOfLink } from '../../shared/AsOfLink';
import { BacklogAnalyticsHeader } from '../../shared/BacklogAnalyticsNav';
import { useDataMark } from '../../shared/data-mark';
import { EChart } from '../../shared/EChart';
import { PeriodControl } from '../../shared/PeriodControl';
import { QueryView } from '../../shared/states';
import { Time } from '../../shared/Time';
import { useBacklog } from '../backlog/queries';
import { useCalibration, type CalibrationReport } from './queries';

const loadChart = () => import('./calibration.echarts');

const share = (s: number | null) => (s === null ? '—' : `${Math.round(s * 1000) / 10} %`);

/** Outcomes recorded (after delivery, on the linked objective): validated + refuted. */
const recorded = (c: { validated: number; refuted: number }) => c.validated + c.refuted;

export default function CalibrationScreen() {
  const { backlogId = '' } = useParams();
  const { at } = useAsOf();
  const { period } = usePeriod();
  const backlog = useBacklog(backlogId);
  const report = useCalibration(backlogId, at, period);
  useDataMark('calibration', report.isSuccess);
  return (
    <section aria-labelledby="calibration-title">
      <BacklogAnalyticsHeader backlogId={backlogId} backlogName={backlog.data?.name} current="calibration" title="Outcome calibration" titleId="calibration-title" />
      <PeriodControl shown={report.data?.period} />
      <QueryView
        query={report}
        what="Loading the calibration"
        isEmpty={(r) => r.totals.delivered === 0}
        empty={<p>No item of this backlog was delivered in this period{at ? ' as of that time' : ''}.</p>}
      >
        {(r) => <Report report={r} />}
      </QueryView>
    </section>
  );
}

function Report({ report: r }: { report: CalibrationReport }) {
  const t = r.totals;
  const due = r.byBacklog[0]?.outcomeDueDays;
  const months = r.byMonth;
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 40, right: 16, top: 40, bottom: 32 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1, min: 0, name: 'items' },
      series: [
        { type: 'bar', name: 'Delivered (throughput)', data: months.map((m) => m.delivered), itemStyle: { color: '#4f6d8f' } },
        { type: 'line', name: 'Outcome recorded', data: months.map((m) => recorded(m)), symbol: 'rect', itemStyle: { color: '#7a4b00' } },
        { type: 'line', name: 'Objective moved', data: months.map((m) => m.validated), symbol: 'circle', itemStyle: { color: '#116329' } },
      ],
    }),
    [months],
  );
  const monthText = months.map((m) => `${m.month}: delivered ${m.delivered}, outcome recorded ${recorded(m)}, moved ${m.validated}`);
  return (
    <>
      <p className="muted">
        As of <Time iso={r.at} />. Items delivered in the period with a linked objective: validated when the latest outcome after delivery says the objective moved,
        refuted when it says not; overdue when none is recorded {due ?? 'the policy’s'} days after delivery (docs/metrics-decision-quality.md).
      </p>
      <dl className="facts figures" aria-label="Calibration">
        <div>
          <dt>Delivered</dt>
          <dd data-figure="delivered">{t.delivered}</dd>
        </div>
        <div>
          <dt>Outcome recorded</dt>
          <dd data-figure="recorded">{recorded(t)}</dd>
        </div>
        <div>
          <dt>Objective moved</dt>
          <dd data-figure="validated">
            {t.validated} <span className="muted">validation rate {share(t.validationRate)}</span>
          </dd>
        </div>
        <div>
          <dt>Overdue</dt>
          <dd data-figure="overdue">{t.overdue}</dd>
        </div>
        <div>
          <dt>Not due yet / no objective</dt>
          <dd data-figure="rest">
            {t.unknown} / {t.noObjective}
          </dd>
        </div>
      </dl>

      <h2 id="by-month-title">Throughput and results per month</h2>
      <EChart load={loadChart} option={option} label={`Per month of delivery: ${monthText.join('; ')}`} />
      <p className="muted month-numbers">{monthText.join(' · ')}</p>

      <h2 id="by-decision-maker-title">By decision-maker</h2>
      <p className="muted">Who ranked it last before it was started (or added it, if nobody moved it).</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="by-decision-maker-title">
        <table className="data compact by-decision-maker">
          <thead>
            <tr>
              <th scope="col">Decision-maker</th>
              <th scope="col" className="num">
                Delivered
              </th>
              <th scope="col" className="num">
                Moved
              </th>
              <th scope="col" className="num">
                Not moved
              </th>
              <th scope="col" className="num">
                Overdue
              </th>
              <th scope="col" className="num">
                Validation rate
              </th>
            </tr>
          </thead>
          <tbody>
            {r.byDecisionMaker.map((d) => (
              <tr key={d.actorId}>
                <th scope="row">{d.actorId}</th>
                <td className="num">{d.delivered}</td>
                <td className="num">{d.validated}</td>
                <td className="num">{d.refuted}</td>
                <td className="num">{d.overdue}</td>
                <td className="num">{share(d.validationRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="overdue-title">Delivered without an outcome</h2>
      {r.overdue.length === 0 ? (
        <p className="muted">No delivered item is overdue for an outcome.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="overdue-title">
          <table className="data overdue-list">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Delivered</th>
                <th scope="col">Outcome due</th>
                <th scope="col">Decision-maker</th>
                <th scope="col" className="num">
                  Days since delivery
                </th>
              </tr>
            </thead>
            <tbody>
              {r.overdue.map((o) => (
                <tr key={o.itemId} data-item={o.itemId}>
                  <th scope="row">
                    <AsOfLink to={`/items/${o.itemId}`}>{o.title}</AsOfLink>
                  </th>
                  <td>
                    <Time iso={o.deliveredAt} dateOnly />
                  </td>
                  <td>{o.dueAt ? <Time iso={o.dueAt} dateOnly /> : '—'}</td>
                  <td>{o.decisionMaker}</td>
                  <td className="num">{o.daysSinceDelivery}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.truncated && <p className="muted">The {r.overdue.length} longest overdue; the counts above cover all {t.overdue}.</p>}
        </div>
      )}
    </>
  );
}
