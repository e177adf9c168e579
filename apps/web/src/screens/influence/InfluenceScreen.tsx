import { useParams } from 'react-router';
import { useAsOf } from '../../app/useAsOf';
import { usePeriod } from '../../app/usePeriod';
import { BacklogAnalyticsHeader } from '../../shared/BacklogAnalyticsNav';
import { useDataMark } from '../../shared/data-mark';
import { PeriodControl } from '../../shared/PeriodControl';
import { QueryView } from '../../shared/states';
import { Time } from '../../shared/Time';
import { useBacklog } from '../backlog/queries';
import { useInfluence, type InfluenceReport } from './queries';
import { isSmallSample, MIN_RESOLVED, winRateText } from './sample';

export default function InfluenceScreen() {
  const { backlogId = '' } = useParams();
  const { at } = useAsOf();
  const { period } = usePeriod();
  const backlog = useBacklog(backlogId);
  const report = useInfluence(backlogId, at, period);
  useDataMark('influence', report.isSuccess);
  return (
    <section aria-labelledby="influence-title">
      <BacklogAnalyticsHeader backlogId={backlogId} backlogName={backlog.data?.name} current="influence" title="Stakeholder influence" titleId="influence-title" />
      <PeriodControl shown={report.data?.period} />
      <QueryView
        query={report}
        what="Loading the escalations"
        isEmpty={(r) => r.stakeholders.length === 0}
        empty={<p>No escalation was raised on this backlog in this period{at ? ' as of that time' : ''}.</p>}
      >
        {(r) => <InfluenceTable report={r} />}
      </QueryView>
    </section>
  );
}

function InfluenceTable({ report: r }: { report: InfluenceReport }) {
  const thin = r.stakeholders.filter((s) => isSmallSample(s.resolved)).length;
  return (
    <>
      <p className="muted">
        As of <Time iso={r.at} />: the escalations each stakeholder raised in the period, and how they were resolved by then. Their win rate is the
        share of resolved escalations that overturned the decision; open ones are neither wins nor losses.
      </p>
      {thin > 0 && (
        <p className="notice notice-warn small-sample-notice" role="note">
          <strong>Small samples.</strong> {thin === r.stakeholders.length ? 'Every win rate here rests' : `${thin} of these win rates ${thin === 1 ? 'rests' : 'rest'}`} on fewer
          than {MIN_RESOLVED} resolved escalations: the next resolution alone can move such a rate by 20 points or more. Read them as anecdotes, not as
          a pattern.
        </p>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Escalations by stakeholder">
        <table className="data influence">
          <thead>
            <tr>
              <th scope="col">Stakeholder</th>
              <th scope="col" className="num">
                Raised
              </th>
              <th scope="col" className="num">
                Overturned
              </th>
              <th scope="col" className="num">
                Upheld
              </th>
              <th scope="col" className="num">
                Open
              </th>
              <th scope="col">Win rate</th>
            </tr>
          </thead>
          <tbody>
            {r.stakeholders.map((s) => (
              <tr key={s.stakeholderId} data-stakeholder={s.stakeholderId}>
                <th scope="row">{s.stakeholderId}</th>
                <td className="num">{s.escalationsRaised}</td>
                <td className="num">{s.overturned}</td>
                <td className="num">{s.upheld}</td>
                <td className="num">{s.open}</td>
                <td>
                  {winRateText(s.overturned, s.resolved)}
                  {isSmallSample(s.resolved) && s.resolved > 0 && (
                    <span className="badge badge-warn" title={`Fewer than ${MIN_RESOLVED} resolved escalations`}>
                      small sample (n = {s.resolved})
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All stakeholders</th>
              <td className="num">{r.totals.escalationsRaised}</td>
              <td className="num">{r.totals.overturned}</td>
              <td className="num">{r.totals.upheld}</td>
              <td className="num">{r.totals.open}</td>
              <td>
                {winRateText(r.totals.overturned, r.totals.resolved)}
                {isSmallSample(r.totals.resolved) && r.totals.resolved > 0 && <span className="badge badge-warn">small sample (n = {r.totals.resolved})</span>}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
