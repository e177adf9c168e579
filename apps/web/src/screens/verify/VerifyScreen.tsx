import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../app/session';
import { QueryView } from '../../shared/states';
import { Time } from '../../shared/Time';
import { AuditTabs } from '../audit/AuditTabs';
import { BREAKS, explorerAt, streamScreen, type ChainBreak, type VerifyReport } from './report';

/**
 * The chain-verification report: every stream's hash chain recomputed on the server (GET /audit/verify) when the
 * screen opens and on "Verify again"; the result, or the first broken link. Printing gives the report alone on one
 * page (the print rules in app.css hide the app around it).
 */
export default function VerifyScreen() {
  // Shares the item screen's cache entry; always recomputed on opening: an audit report states when it was checked.
  const verify = useQuery({
    queryKey: ['audit-verify'],
    queryFn: async () => (await unwrap<VerifyReport>(api.GET('/audit/verify'))).data,
    staleTime: 0,
    refetchOnMount: 'always',
  });
  return (
    <article className="report" aria-labelledby="verify-title">
      <AuditTabs current="verify" />
      <h1 id="verify-title">Hash-chain verification report</h1>
      <p className="muted no-print">
        Every event is chained to the one before it in its stream by a SHA-256 hash. This recomputes every chain from the stored events: a
        change to any recorded decision, or a removed or inserted event, breaks its chain here.
      </p>
      <div className="toolbar no-print">
        <div className="report-actions">
          <button type="button" onClick={() => void verify.refetch()} disabled={verify.isFetching}>
            {verify.isFetching ? 'Verifying…' : 'Verify again'}
          </button>
          <button type="button" className="primary" onClick={() => window.print()} disabled={!verify.data || verify.isFetching}>
            Print
          </button>
        </div>
      </div>
      <QueryView query={verify} what="Verifying every hash chain">
        {(r) => <Report report={r} refreshing={verify.isFetching} />}
      </QueryView>
    </article>
  );
}

function Report({ report: r, refreshing }: { report: VerifyReport; refreshing: boolean }) {
  const me = useSession();
  return (
    <section aria-labelledby="verdict" aria-busy={refreshing || undefined} className={`report-body ${r.ok ? 'report-ok' : 'report-broken'}`}>
      <div role={r.ok ? 'status' : 'alert'}>
        <h2 id="verdict" className="report-verdict">
          {r.ok ? (
            <>
              <span className="badge badge-ok">Intact</span> Every hash chain is intact
            </>
          ) : (
            <>
              <span className="badge badge-broken">Broken</span> A hash chain is broken
            </>
          )}
        </h2>
      </div>
      <dl className="report-facts">
        <div>
          <dt>Checked at</dt>
          <dd>
            <Time iso={r.checkedAt} /> <span className="utc">({r.checkedAt} UTC)</span>
          </dd>
        </div>
        <div>
          <dt>Ledger</dt>
          <dd>{window.location.origin}</dd>
        </div>
        <div>
          <dt>Streams checked</dt>
          <dd className="num">{r.streamsChecked.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Events checked</dt>
          <dd className="num">{r.eventsChecked.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Requested by</dt>
          <dd>
            {me.name ?? me.sub} ({me.role})
          </dd>
        </div>
      </dl>
      {r.firstBreak ? (
        <BreakDetails b={r.firstBreak} />
      ) : (
        <p>
          Every one of the {r.eventsChecked.toLocaleString()} events in {r.streamsChecked.toLocaleString()} streams carries the hash of its content
          chained to the previous event of its stream, and the log has no gap: nothing recorded has been altered, removed or inserted.
        </p>
      )}
    </section>
  );
}

function BreakDetails({ b }: { b: ChainBreak }) {
  const what = BREAKS[b.problem];
  const screen = streamScreen(b.streamId);
  return (
    <section aria-labelledby="break-title" className="break">
      <h3 id="break-title">First broken link: {what.title.toLowerCase()}</h3>
      <p>{what.means} Events after it in other streams were checked too; this is the first break in the order they were recorded.</p>
      <table className="data break-table">
        <tbody>
          <tr>
            <th scope="row">Stream</th>
            <td>
              <code>{b.streamId}</code>
            </td>
          </tr>
          <tr>
            <th scope="row">Revision</th>
            <td className="num-left">{b.revision}</td>
          </tr>
          <tr>
            <th scope="row">Global position</th>
            <td className="num-left">{b.position}</td>
          </tr>
          <tr>
            <th scope="row">Problem</th>
            <td>
              <code>{b.problem}</code>
            </td>
          </tr>
          <tr>
            <th scope="row">Expected: {what.expected}</th>
            <td>
              <code className="hash-full">{b.expected}</code>
            </td>
          </tr>
          <tr>
            <th scope="row">Actual: {what.actual}</th>
            <td>
              <code className="hash-full">{b.actual}</code>
            </td>
          </tr>
        </tbody>
      </table>
      <p className="no-print">
        <Link to={explorerAt(b.position)}>The broken event in the audit log</Link>
        {screen && (
          <>
            {' · '}
            <Link to={screen.to}>Open {screen.label}</Link>
          </>
        )}
      </p>
      <p>
        What to do: keep the data directory as it is for the investigation, and restore the last backup that verifies into a new one with{' '}
        <code>npm run ledger -- restore &lt;backup&gt;</code> (docs/operations.md, “Backup and restore”).
      </p>
    </section>
  );
}
