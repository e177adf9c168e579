import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useAsOf } from '../../app/useAsOf';
import { usePeriod } from '../../app/usePeriod';
import { AsOfLink } from '../../shared/AsOfLink';
import { BacklogAnalyticsHeader } from '../../shared/BacklogAnalyticsNav';
import { useDataMark } from '../../shared/data-mark';
import { EChart } from '../../shared/EChart';
import { PeriodControl } from '../../shared/PeriodControl';
import { formatScore, MODEL_LABEL, type ScoringModel } from '../../shared/score';
import { QueryView } from '../../shared/states';
import { Time } from '../../shared/Time';
import { useBacklog } from '../backlog/queries';
import { useAgainstScore, type AgainstScoreReport } from './queries';

const loadTrendChart = () => import('./trend.echarts');

/** A share as the screen writes it: "33.3 %", "—" when there is nothing to divide. */
const share = (s: number | null) => (s === null ? '—' : `${Math.round(s * 1000) / 10} %`);

const TRIGGER: Record<string, string> = {
  routine: 'Routine',
  'stakeholder-request': 'Stakeholder request',
  escalation: 'Escalation (overturned)',
  review: 'Review',
  'new-evidence': 'New evidence',
};

export default function AgainstScoreScreen() {
  const { backlogId = '' } = useParams();
  const { at } = useAsOf();
  const { period } = usePeriod();
  const backlog = useBacklog(backlogId);
  const report = useAgainstScore(backlogId, at, period);
  useDataMark('against-score', report.isSuccess);
  const model = backlog.data?.policy.scoringModel;
  return (
    <section aria-labelledby="against-score-title">
      <BacklogAnalyticsHeader backlogId={backlogId} backlogName={backlog.data?.name} current="against-score" title="Against the score" titleId="against-score-title" />
      <PeriodControl shown={report.data?.period} />
      <QueryView
        query={report}
        what="Loading the decisions against the score"
        isEmpty={(r) => r.reprioritizations === 0}
        empty={
          <p>
            No reprioritization on this backlog in this period{at ? ' as of that time' : ''}.
            {model === 'none' && ' The backlog has no scoring model: choose one in its policy so moves can be judged against the score.'}
          </p>
        }
      >
        {(r) => <Report report={r} model={model} />}
      </QueryView>
    </section>
  );
}

function Report({ report: r, model }: { report: AgainstScoreReport; model: ScoringModel | undefined }) {
  const trend = r.trend ?? [];
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 48, right: 16, top: 28, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', min: 0, max: 100, name: '% against' },
      series: [{ type: 'line', name: 'Share against the score', connectNulls: false, data: trend.map((p) => [p.at, p.share === null ? null : Math.round(p.share * 1000) / 10]) }],
    }),
    [trend],
  );
  const trendText = trend.map((p) => `${new Date(p.at).toLocaleDateString()}: ${p.against} of ${p.reprioritizations}`).join(' · ');
  return (
    <>
      <p className="muted">
        As of <Time iso={r.at} />. A move is against the score when it places the item above open items whose score, at that moment, exceeded its own by more
        than the policy’s margin; moves of unscored items are never judged (docs/metrics-decision-quality.md).
        {model && model !== 'none' && <> The backlog scores with {MODEL_LABEL[model]} now.</>}
      </p>
      <dl className="facts figures" aria-label="Share against the score">
        <div>
          <dt>Share against the score</dt>
          <dd data-figure="share">{share(r.share)}</dd>
        </div>
        <div>
          <dt>Against the score</dt>
          <dd data-figure="against">
            {r.against} <span className="muted">of {r.reprioritizations} reprioritizations</span>
          </dd>
        </div>
        <div>
          <dt>Of the judged moves</dt>
          <dd data-figure="shareOfJudged">
            {share(r.shareOfJudged)} <span className="muted">of {r.judged} with a score</span>
          </dd>
        </div>
      </dl>

      <Split
        id="by-trigger"
        title="By trigger"
        head="Trigger"
        rows={r.byTrigger.map((t) => ({ key: t.trigger, name: TRIGGER[t.trigger] ?? t.trigger, ...t }))}
      />
      <Split id="by-actor" title="By actor" head="Who moved it" rows={r.byActor.map((a) => ({ key: a.actorId, name: a.actorId, ...a }))} />

      <h2 id="trend-title">Weekly trend</h2>
      {trend.length === 0 ? (
        <p className="muted">No week ends in this period.</p>
      ) : (
        <>
          <EChart load={loadTrendChart} option={option} label={`Moves against the score per week: ${trendText}`} />
          <p className="muted trend-numbers">{trendText}</p>
        </>
      )}

      <h2 id="against-list-title">The moves against the score</h2>
      {r.decisions.length === 0 ? (
        <p className="muted">None in this period.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="against-list-title">
          <table className="data against-list">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">The move</th>
                <th scope="col" className="num">
                  Its score
                </th>
                <th scope="col">Placed above (higher scored)</th>
              </tr>
            </thead>
            <tbody>
              {r.decisions.map((d) => (
                <tr key={d.eventId} data-decision={d.eventId}>
                  <th scope="row">
                    <AsOfLink to={`/items/${d.itemId}`}>{d.title}</AsOfLink>
                  </th>
                  <td>
                    <AsOfLink to={`/items/${d.itemId}#event-${d.eventId}`} className="decision-link" label={`#${d.fromPosition} → #${d.toPosition}: the move of ${d.title} on its timeline`}>
                      #{d.fromPosition} → #{d.toPosition}
                    </AsOfLink>
                    <span className="sub">
                      by {d.actorId}, {TRIGGER[d.trigger] ?? d.trigger}, <Time iso={d.at} />
                    </span>
                  </td>
                  <td className="num">
                    {formatScore(d.score)} <span className="sub">{MODEL_LABEL[d.model as ScoringModel] ?? d.model}</span>
                  </td>
                  <td>
                    <ul className="passed-over">
                      {d.passedOver.map((j) => (
                        <li key={j.itemId}>
                          <AsOfLink to={`/items/${j.itemId}`}>{j.title}</AsOfLink> <span className="muted">score {formatScore(j.score)}</span>
                        </li>
                      ))}
                    </ul>
                    {d.passedOverCount > d.passedOver.length && <span className="sub">and {d.passedOverCount - d.passedOver.length} more</span>}
                    <span className="sub">
                      {d.passedOverCount} item{d.passedOverCount === 1 ? '' : 's'} scored more than {Math.round(d.scoreMargin * 100)} % higher
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.truncated && <p className="muted">The {r.decisions.length} most recent moves; the counts above cover all {r.against}.</p>}
        </div>
      )}
    </>
  );
}

interface SplitRow {
  key: string;
  name: string;
  reprioritizations: number;
  judged: number;
  against: number;
  share: number | null;
}

function Split({ id, title, head, rows }: { id: string; title: string; head: string; rows: SplitRow[] }) {
  return (
    <>
      <h2 id={`${id}-title`}>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">No reprioritization in this period.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-title`}>
          <table className={`data compact ${id}`}>
            <thead>
              <tr>
                <th scope="col">{head}</th>
                <th scope="col" className="num">
                  Reprioritizations
                </th>
                <th scope="col" className="num">
                  Judged
                </th>
                <th scope="col" className="num">
                  Against
                </th>
                <th scope="col" className="num">
                  Share
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.name}</th>
                  <td className="num">{row.reprioritizations}</td>
                  <td className="num">{row.judged}</td>
                  <td className="num">{row.against}</td>
                  <td className="num">{share(row.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
