import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { etagOf } from '../../api/client';
import { upTo } from '../../app/as-of';
import { canEscalate, itemActions, type ItemAction } from '../../app/roles';
import { useSession } from '../../app/session';
import { useAsOf } from '../../app/useAsOf';
import { AsOfLink } from '../../shared/AsOfLink';
import { useDataMark } from '../../shared/data-mark';
import { DecisionDialog } from '../../shared/DecisionDialog';
import { EChart } from '../../shared/EChart';
import { Empty, ErrorState, Loading, QueryView } from '../../shared/states';
import { Time } from '../../shared/Time';
import { useBacklog } from '../backlog/queries';
import { actionSpecs, withOpenEscalations } from './actions';
import { useItem, useItemHistory, useRefreshItem, useVerify, type HistoryEntry, type ItemHistory, type ItemView, type Proposal } from './queries';
import { KillCriteriaSection } from './KillCriteria';
import { EntryScore, ScoreSection } from './Score';
import { decisionLabel, rankPoints, timelineRows } from './timeline';
import { Link } from 'react-router';

const loadRankChart = () => import('./rank-chart.echarts');
const AUDIT_ROLES = ['auditor', 'admin', 'product-leader'];

export default function ItemScreen() {
  const { itemId = '' } = useParams();
  // The timeline was asked for with the route (prefetchItem), together with the item; ItemPage reads it.
  const item = useItem(itemId);
  return (
    <QueryView query={item} what="Loading the item">
      {({ data, etag }) => <ItemPage item={data} etag={etag ?? etagOf(data.revision)} />}
    </QueryView>
  );
}

interface Dialog {
  action: ItemAction;
  againstEventId?: string;
}

function ItemPage({ item, etag }: { item: ItemView; etag: string }) {
  const session = useSession();
  const { at } = useAsOf();
  const history = useItemHistory(item.id);
  useDataMark('item', history.isSuccess);
  const backlog = useBacklog(item.backlogId);
  const refresh = useRefreshItem(item.id, item.backlogId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const openEscalations = item.escalations.filter((e) => e.status === 'open').length;
  const actions = at === null ? itemActions(session, { backlogId: item.backlogId, status: item.status, openEscalations }) : [];
  const entries = history.data?.entries ?? [];
  const specs = actionSpecs({ backlog: backlog.data, entries, ranked: backlog.data?.rankedItems ?? 0, againstEventId: dialog?.againstEventId });
  const spec = dialog ? (dialog.action === 'resolve-escalation' ? withOpenEscalations(specs[dialog.action], item) : specs[dialog.action]) : null;
  const objective = backlog.data?.objectives.find((o) => o.objectiveId === item.objectiveId);

  return (
    <article aria-labelledby="item-title">
      <p className="crumbs">
        <AsOfLink to="/">Portfolio</AsOfLink> › <AsOfLink to={`/backlogs/${item.backlogId}`}>{backlog.data?.name ?? 'Backlog'}</AsOfLink> ›
      </p>
      <h1 id="item-title">{item.title}</h1>
      <dl className="facts">
        <div>
          <dt>Status now</dt>
          <dd>
            <span className={`status status-${item.status}`}>{item.status}</span>
            {item.position !== null && <> · position {item.position}</>}
          </dd>
        </div>
        <div>
          <dt>Kind</dt>
          <dd>{item.kind ?? 'story'}</dd>
        </div>
        <div>
          <dt>Estimate</dt>
          <dd>{item.estimate ?? '—'}</dd>
        </div>
        <div>
          <dt>Objective</dt>
          <dd>{objective?.title ?? (item.objectiveId ? item.objectiveId : '—')}</dd>
        </div>
        {item.requestedBy && (
          <div>
            <dt>Requested by</dt>
            <dd>{item.requestedBy}</dd>
          </div>
        )}
        {item.kill && (
          <div>
            <dt>Killed</dt>
            <dd>
              {item.kill.via === 'forum' ? (
                <>
                  via the review forum{item.kill.proposalId && <> (<AsOfLink to={`/proposals/${item.kill.proposalId}`}>the proposal and its votes</AsOfLink>)</>}
                </>
              ) : (
                `by ${item.kill.decidedBy}`
              )}
              : {item.kill.reason}
            </dd>
          </div>
        )}
        {item.antiBacklogReason && (
          <div>
            <dt>Not pursued because</dt>
            <dd>{item.antiBacklogReason}</dd>
          </div>
        )}
      </dl>
      {item.hypothesis && <p className="hypothesis">{item.hypothesis}</p>}

      <ScoreSection item={item} model={backlog.data?.policy.scoringModel} entries={history.data?.entries} at={at} />
      {item.killCriteria && (
        <KillCriteriaSection
          itemId={item.id}
          criteria={item.killCriteria}
          objectiveTitle={(id) => backlog.data?.objectives.find((o) => o.objectiveId === id)?.title ?? id}
        />
      )}

      {AUDIT_ROLES.includes(session.role) && <ChainBadge itemId={item.id} />}

      {actions.length > 0 && (
        <section aria-label="Decisions" className="actions">
          <h2 className="visually-hidden">Decisions</h2>
          {actions.map((a) => (
            <button key={a} type="button" className={a === 'kill' ? 'danger' : undefined} onClick={() => setDialog({ action: a })}>
              {specs[a].label}
            </button>
          ))}
        </section>
      )}

      <QueryView query={history} what="Loading the history">
        {(h) => <History history={h} at={at} onEscalate={at === null && canEscalate(session, item.backlogId) ? (eventId) => setDialog({ action: 'escalate', againstEventId: eventId }) : undefined} />}
      </QueryView>

      {dialog && spec && (
        <DecisionDialog
          key={`${dialog.action}-${dialog.againstEventId ?? ''}`}
          title={spec.title(item)}
          fields={spec.fields}
          rationale={spec.rationale}
          initial={{ ...spec.initial, ...spec.initialFor?.(item) }}
          submitLabel={spec.label}
          aliases={{ 'placement.position': 'toPosition' }}
          onSubmit={(body) => spec.send(item, etag, body)}
          onDone={() => {
            setDialog(null);
            void refresh();
          }}
          onCancel={() => setDialog(null)}
          onStale={refresh}
          current={
            <p>
              “{item.title}” is now <strong>{item.status}</strong>
              {item.position !== null && <> at position {item.position}</>}.
            </p>
          }
        />
      )}
    </article>
  );
}

function ChainBadge({ itemId }: { itemId: string }) {
  const [asked, setAsked] = useState(false);
  const verify = useVerify(asked);
  if (!asked) {
    return (
      <p className="chain">
        <button type="button" onClick={() => setAsked(true)}>
          Verify the hash chains
        </button>{' '}
        <Link to={`/audit?itemId=${itemId}`}>This item’s events in the audit log</Link>
      </p>
    );
  }
  if (verify.isPending) return <Loading what="Verifying every hash chain" />;
  if (verify.isError) return <ErrorState error={verify.error} />;
  const r = verify.data;
  return r.ok ? (
    <p className="chain">
      <span className="badge badge-ok">Chain verified</span> {r.eventsChecked} events in {r.streamsChecked} streams, nothing altered (checked{' '}
      <Time iso={r.checkedAt} />
      ). <Link to="/audit/verify">The printable report</Link>
    </p>
  ) : (
    <p className="chain" role="alert">
      <span className="badge badge-broken">Chain broken</span> first broken link: {r.firstBreak?.streamId} revision {r.firstBreak?.revision} ({r.firstBreak?.problem}).{' '}
      <Link to="/audit/verify">The report</Link>
    </p>
  );
}

/** Timeline entries painted in the first frame; the rest follow in a deferred render. */
const FIRST_ENTRIES = 60;

function History({ history, at, onEscalate }: { history: ItemHistory; at: string | null; onEscalate?: (eventId: string) => void }) {
  const entries = useMemo(() => upTo(history.entries, at, (e) => e.occurredAt), [history.entries, at]);
  const allRows = useMemo(() => timelineRows(entries), [entries]);
  // A long timeline paints its first entries at once and the rest in a render right after, which input can interrupt.
  const rows = useDeferredValue(allRows, allRows.length > FIRST_ENTRIES ? allRows.slice(0, FIRST_ENTRIES) : allRows);
  const points = useMemo(() => rankPoints(entries), [entries]);
  const byId = new Map(history.entries.map((e) => [e.eventId, e]));
  // A link to one decision (#event-<id>, e.g. from the reversals screen) scrolls to its entry and marks it.
  const { hash } = useLocation();
  const target = hash.startsWith('#event-') ? decodeURIComponent(hash.slice('#event-'.length)) : null;
  useEffect(() => {
    if (target) document.getElementById(`event-${target}`)?.scrollIntoView({ block: 'center' });
  }, [target, rows.length]);
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', inverse: true, minInterval: 1, min: 1, name: 'position' },
      series: [{ type: 'line', step: 'end', connectNulls: false, data: points, symbolSize: 8 }],
    }),
    [points],
  );
  const ranked = points.filter(([, p]) => p !== null) as [string, number][];
  return (
    <>
      {ranked.length > 0 && (
        <section aria-labelledby="rank-title">
          <h2 id="rank-title">Rank over time</h2>
          <EChart
            load={loadRankChart}
            option={option}
            label={`Position after each decision that placed the item: ${ranked.map(([t, p]) => `${new Date(t).toLocaleDateString()} #${p}`).join(', ')}`}
          />
        </section>
      )}
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Decision timeline</h2>
        {entries.length === 0 ? (
          <Empty>
            <p>No decision on this item{at ? ' at that time' : ''}.</p>
          </Empty>
        ) : (
          <ol className="timeline">
            {rows.map((row) =>
              row.kind === 'decision' ? (
                <li key={row.entry.eventId} className="timeline-entry">
                  <Entry entry={row.entry} onEscalate={onEscalate} target={target} />
                </li>
              ) : (
                <li key={row.escalationId} className="timeline-entry thread">
                  <p className="thread-title">
                    Escalation
                    {(() => {
                      const against = byId.get(String(row.entries[0].data.againstEventId ?? ''));
                      return against ? <> against “{decisionLabel(against)}” of <Time iso={against.occurredAt} /></> : null;
                    })()}
                  </p>
                  <ol className="thread-entries">
                    {row.entries.map((e) => (
                      <li key={e.eventId}>
                        <Entry entry={e} target={target} />
                      </li>
                    ))}
                  </ol>
                </li>
              ),
            )}
          </ol>
        )}
      </section>
      <Proposals proposals={history.proposals} />
    </>
  );
}

function Entry({ entry: e, onEscalate, target }: { entry: HistoryEntry; onEscalate?: (eventId: string) => void; target?: string | null }) {
  const wanted = e.type === 'item.escalated' && typeof e.data.wanted === 'string' ? e.data.wanted : null;
  return (
    <div className={target === e.eventId ? 'entry entry-target' : 'entry'} id={`event-${e.eventId}`} data-event-id={e.eventId} aria-current={target === e.eventId ? 'true' : undefined}>
      <p className="entry-head">
        <strong className="entry-decision">{decisionLabel(e)}</strong>
        {(e.fromPosition !== null || e.toPosition !== null) && e.type !== 'item.escalation-resolved' && (
          <span className="positions">
            {e.fromPosition !== null ? `#${e.fromPosition} → ` : ''}
            {e.toPosition !== null ? `#${e.toPosition}` : 'out of the ranking'}
          </span>
        )}
        {e.trigger && e.type !== 'item.escalation-resolved' && <span className="chip">{e.trigger}</span>}
      </p>
      <p className="entry-meta">
        <span className="who-name">{e.actor.id}</span> <span className="role-badge">{e.actor.role}</span> · <Time iso={e.occurredAt} />
      </p>
      {wanted && (
        <p className="entry-wanted">
          <span className="muted">Wanted:</span> {wanted}
        </p>
      )}
      {e.rationale && <blockquote className="entry-why">{e.rationale}</blockquote>}
      <EntryScore scoring={e.scoring} scoreCheck={e.scoreCheck} />
      {onEscalate && (
        <button type="button" className="small" onClick={() => onEscalate(e.eventId)}>
          Escalate this decision<span className="visually-hidden"> ({decisionLabel(e)}, {new Date(e.occurredAt).toLocaleString()})</span>…
        </button>
      )}
    </div>
  );
}

function Proposals({ proposals }: { proposals: Proposal[] }) {
  if (proposals.length === 0) return null;
  return (
    <section aria-labelledby="proposals-title">
      <h2 id="proposals-title">Kill proposals</h2>
      {proposals.map((p) => (
        <div key={p.id} className="proposal">
          <p>
            <strong>
              <AsOfLink to={`/proposals/${p.id}`}>{p.outcome ? `Closed: ${p.outcome}` : p.status === 'withdrawn' ? 'Withdrawn' : 'Open'}</AsOfLink>
            </strong> · {p.nominatedAutomatically ? 'nominated automatically' : `opened by ${p.openedBy ?? '—'}`}
            {p.openedAt && (
              <>
                {' '}
                on <Time iso={p.openedAt} />
              </>
            )}{' '}
            · deadline <Time iso={p.closesAt} />
          </p>
          <p className="entry-why">{p.reason}</p>
          <p className="muted">
            Tally: kill {p.tally.kill} · keep {p.tally.keep} · abstain {p.tally.abstain} · not voted {Math.max(0, p.tally.members - p.tally.votesCast)} of{' '}
            {p.tally.members} members
          </p>
          {p.votes.length > 0 && (
            <ul className="votes">
              {p.votes.map((v) => (
                <li key={v.eventId} className={v.latest ? undefined : 'superseded'}>
                  <span className="who-name">{v.memberId}</span> voted <strong>{v.choice}</strong> (<Time iso={v.castAt} />){!v.latest && ' — changed later'}: {v.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
