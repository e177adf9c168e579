import { useDeferredValue, useMemo } from 'react';
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
import { duration, rate, timeToReversalHistogram } from './histogram';
import { useReversals, type Reversal, type ReversalDecision, type ReversalReport } from './queries';

const loadHistogram = () => import('./histogram.echarts');

const RULE: Record<Reversal['rule'], string> = {
  'revive-after-kill': 'Revived after a kill',
  'overturned-escalation': 'Escalation overturned',
  'reprioritization-back': 'Moved back',
};

const DECISION: Record<string, string> = {
  'item.added': 'Added',
  'item.reprioritized': 'Reprioritized',
  'item.killed': 'Killed',
  'item.revived': 'Revived',
  'item.moved-to-anti-backlog': 'Moved to the anti-backlog',
  'item.escalation-resolved': 'Escalation overturned',
  'item.started': 'Started',
  'item.delivered': 'Delivered',
};

export default function ReversalsScreen() {
  const { backlogId = '' } = useParams();
  const { at } = useAsOf();
  const { period } = usePeriod();
  const backlog = useBacklog(backlogId);
  const report = useReversals(backlogId, at, period);
  useDataMark('reversals', report.isSuccess);
  return (
    <section aria-labelledby="reversals-title">
      <BacklogAnalyticsHeader backlogId={backlogId} backlogName={backlog.data?.name} current="reversals" title="Reversals" titleId="reversals-title" />
      <PeriodControl shown={report.data?.period} />
      <QueryView
        query={report}
        what="Loading the reversals"
        isEmpty={(r) => r.decisions === 0}
        empty={<p>No decision on this backlog’s items in this period{at ? ' as of that time' : ''}.</p>}
      >
        {(r) => <ReversalReportView report={r} />}
      </QueryView>
    </section>
  );
}

/** Reversal rows painted in the first frame (the list is at the bottom of the page); the rest follow deferred. */
const FIRST_ROWS = 30;

function ReversalReportView({ report: r }: { report: ReversalReport }) {
  const bins = useMemo(() => timeToReversalHistogram(r.reversals.map((x) => x.days)), [r.reversals]);
  // Up to 500 rows: the figures above them are painted first, the whole list a render later.
  const listed = useDeferredValue(r.reversals, r.reversals.length > FIRST_ROWS ? r.reversals.slice(0, FIRST_ROWS) : r.reversals);
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 40, right: 16, top: 28, bottom: 48 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: bins.map((b) => b.label), axisLabel: { interval: 0, hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1, min: 0, name: 'reversals' },
      series: [{ type: 'bar', name: 'Reversals', data: bins.map((b) => b.count) }],
    }),
    [bins],
  );
  return (
    <>
      <p className="muted">
        As of <Time iso={r.at} />. A reversal is a decision that undoes an earlier one on the same item: a revival after a kill, an overturned
        escalation, or a move back at least half-way within the policy’s window (docs/metrics-reversals.md).
      </p>
      <dl className="facts figures" aria-label="Reversal rate">
        <div>
          <dt>Reversal rate</dt>
          <dd data-figure="rate">{rate(r.rate)}</dd>
        </div>
        <div>
          <dt>Reversing decisions</dt>
          <dd data-figure="reversingDecisions">
            {r.reversingDecisions} <span className="muted">of {r.decisions} decisions</span>
          </dd>
        </div>
        <div>
          <dt>Median time to reversal</dt>
          <dd data-figure="median">{duration(r.medianDaysToReversal)}</dd>
        </div>
      </dl>

      <h2 id="by-trigger-title">By trigger</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="by-trigger-title">
        <table className="data compact by-trigger">
          <thead>
            <tr>
              <th scope="col">Trigger</th>
              <th scope="col" className="num">
                Decisions
              </th>
              <th scope="col" className="num">
                Reversals
              </th>
              <th scope="col" className="num">
                Rate
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">
                Escalations <span className="sub">resolutions; a reversal is an overturn</span>
              </th>
              <td className="num">{r.byTrigger.escalation.decisions}</td>
              <td className="num">{r.byTrigger.escalation.reversals}</td>
              <td className="num">{rate(r.byTrigger.escalation.rate)}</td>
            </tr>
            <tr>
              <th scope="row">
                Other decisions <span className="sub">revivals after kills, moves back</span>
              </th>
              <td className="num">{r.byTrigger.other.decisions}</td>
              <td className="num">{r.byTrigger.other.reversals}</td>
              <td className="num">{rate(r.byTrigger.other.rate)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="muted">
        By rule: {RULE['reprioritization-back'].toLowerCase()} {r.byRule['reprioritization-back']}, {RULE['revive-after-kill'].toLowerCase()}{' '}
        {r.byRule['revive-after-kill']}, {RULE['overturned-escalation'].toLowerCase()} {r.byRule['overturned-escalation']}.
      </p>

      <h2 id="by-actor-title">By actor</h2>
      {r.byActor.length === 0 ? (
        <p className="muted">No decision in this period.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="by-actor-title">
          <table className="data compact by-actor">
            <thead>
              <tr>
                <th scope="col">Who decided</th>
                <th scope="col" className="num">
                  Decisions
                </th>
                <th scope="col" className="num">
                  Reversals
                </th>
                <th scope="col" className="num">
                  Rate
                </th>
              </tr>
            </thead>
            <tbody>
              {r.byActor.map((a) => (
                <tr key={a.actorId}>
                  <th scope="row">{a.actorId}</th>
                  <td className="num">{a.decisions}</td>
                  <td className="num">{a.reversals}</td>
                  <td className="num">{rate(a.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="histogram-title">Time to reversal</h2>
      {r.reversals.length === 0 ? (
        <p className="muted">No reversal in this period.</p>
      ) : (
        <>
          <EChart
            load={loadHistogram}
            option={option}
            label={`Reversals by time from the reversed decision: ${bins.map((b) => `${b.label} ${b.count}`).join(', ')}`}
          />
          <p className="muted histogram-numbers">
            {bins.map((b) => `${b.label}: ${b.count}`).join(' · ')}
            {r.truncated && ` (of the ${r.reversals.length} most recent reversals; the counts above cover all ${r.reversingDecisions})`}
          </p>
        </>
      )}

      <h2 id="flip-flops-title">Flip-flop items</h2>
      {r.topFlipFlops.length === 0 ? (
        <p className="muted">No item was reversed in this period.</p>
      ) : (
        <ol className="flip-flops" aria-labelledby="flip-flops-title">
          {r.topFlipFlops.map((f) => (
            <li key={f.itemId}>
              <AsOfLink to={`/items/${f.itemId}`}>{f.title}</AsOfLink> <span className="muted">— reversed {f.reversals === 1 ? 'once' : `${f.reversals} times`}</span>
            </li>
          ))}
        </ol>
      )}

      <h2 id="reversal-list-title">Each reversal</h2>
      {r.reversals.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="reversal-list-title">
          <table className="data reversal-list">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Rule</th>
                <th scope="col">Reversed decision</th>
                <th scope="col">Reversed by</th>
                <th scope="col" className="num">
                  After
                </th>
              </tr>
            </thead>
            <tbody>
              {listed.map((x) => (
                <tr key={x.d2.eventId} data-reversal={x.d2.eventId}>
                  <th scope="row">
                    <AsOfLink to={`/items/${x.itemId}`}>{x.title}</AsOfLink>
                  </th>
                  <td>
                    {RULE[x.rule]}
                    {x.escalation?.raisedBy && <span className="sub">raised by {x.escalation.raisedBy}</span>}
                  </td>
                  <td>{x.d1 ? <DecisionLink itemId={x.itemId} d={x.d1} which="reversed" /> : <span className="muted">not on record</span>}</td>
                  <td>
                    <DecisionLink itemId={x.itemId} d={x.d2} which="reversing" />
                  </td>
                  <td className="num">{duration(x.days)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** One decision of a reversal, linked to its entry on the item's timeline. */
function DecisionLink({ itemId, d, which }: { itemId: string; d: ReversalDecision; which: 'reversed' | 'reversing' }) {
  const label = DECISION[d.type] ?? d.type;
  const positions =
    d.fromPosition !== null && d.toPosition !== null
      ? ` #${d.fromPosition} → #${d.toPosition}`
      : d.fromPosition !== null
        ? ` from #${d.fromPosition}`
        : d.toPosition !== null
          ? ` to #${d.toPosition}`
          : '';
  return (
    <>
      <AsOfLink to={`/items/${itemId}#event-${d.eventId}`} className={`decision-link decision-${which}`}>
        {label}
        {positions}
      </AsOfLink>
      <span className="sub">
        by {d.actorId}, <Time iso={d.at} />
      </span>
    </>
  );
}
