import { useId } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { canDecide, escalationViews, type EscalationView } from '../../app/roles';
import { useSession } from '../../app/session';
import { ErrorState, QueryView } from '../../shared/states';
import { Time } from '../../shared/Time';
import { useBacklogNames } from '../audit/queries';
import { useEscalations } from './queries';
import { escalationQuery, movement, statusText, VIEW_LABEL, viewOf, viewSearch, type Escalation } from './views';

/**
 * Escalations: a stakeholder's own ("my escalations": each with the decision it challenged, what was wanted, and how
 * it was resolved and what it changed); for owners and leaders the ones waiting on their backlogs, with the way to
 * resolve them on the item; for auditors all of them.
 */
export default function EscalationsScreen() {
  const session = useSession();
  const location = useLocation();
  const allowed = escalationViews(session);
  const current = viewOf(location.search, allowed);
  const title = allowed.length === 1 && allowed[0] === 'mine' ? 'My escalations' : 'Escalations';
  if (!current) return <ErrorState error={new Error('Escalations are not available to your role.')} />;
  return (
    <section aria-labelledby="escalations-title">
      <h1 id="escalations-title">{title}</h1>
      {session.role === 'stakeholder' && (
        <p className="muted">
          The decisions you challenged, and how each was resolved. To challenge another one, open the item and choose “Escalate this decision” on its
          timeline; to ask for new work, <Link to="/request">request an item</Link>.
        </p>
      )}
      <Lists allowed={allowed} view={current.view} backlogId={current.backlogId} />
    </section>
  );
}

function Lists({ allowed, view, backlogId }: { allowed: EscalationView[]; view: EscalationView; backlogId: string | null }) {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const id = useId();
  const backlogs = useBacklogNames();
  const list = useEscalations(escalationQuery(view, backlogId, session));
  const go = (v: EscalationView, b: string | null) => navigate({ pathname: location.pathname, search: viewSearch(v, b, allowed) });

  return (
    <>
      {allowed.length > 1 && (
        <div className="toolbar">
          <nav aria-label="Lists of escalations" className="tabs">
            <ul>
              {allowed.map((v) => (
                <li key={v}>
                  <Link to={{ pathname: location.pathname, search: viewSearch(v, backlogId, allowed) }} aria-current={v === view ? 'page' : undefined}>
                    {VIEW_LABEL[v]}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {view !== 'mine' && (
            <div className="field field-inline">
              <label htmlFor={`${id}-backlog`}>Backlog</label>
              <select id={`${id}-backlog`} value={backlogId ?? ''} onChange={(e) => go(view, e.target.value || null)}>
                <option value="">{session.role === 'product-owner' ? 'All my backlogs' : 'Every backlog'}</option>
                {(backlogs.data ?? []).map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      )}
      <QueryView
        query={list}
        what="Loading the escalations"
        isEmpty={(d) => d.pages[0].escalations.length === 0}
        empty={
          <p>
            {view === 'mine'
              ? 'You have not escalated any decision yet.'
              : view === 'open'
                ? `No escalation is waiting for a resolution${backlogId ? ' on this backlog' : ''}.`
                : `No escalation${backlogId ? ' on this backlog' : ''} yet.`}
          </p>
        }
      >
        {(d) => (
          <>
            <ol className="escalations" aria-label={VIEW_LABEL[view]}>
              {d.pages
                .flatMap((p) => p.escalations)
                .map((e) => (
                  <li key={e.escalationId}>
                    <EscalationCard e={e} mine={view === 'mine'} />
                  </li>
                ))}
            </ol>
            {list.hasNextPage && (
              <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                {list.isFetchingNextPage ? 'Loading…' : 'Show older escalations'}
              </button>
            )}
          </>
        )}
      </QueryView>
    </>
  );
}

function EscalationCard({ e, mine }: { e: Escalation; mine: boolean }) {
  const session = useSession();
  const against = e.against;
  const moved = movement(against.fromPosition, against.toPosition, against.type);
  const resolvable = e.status === 'open' && canDecide(session, e.backlogId);
  const r = e.resolution;
  return (
    <article className={`escalation escalation-${e.status}`} aria-labelledby={`esc-${e.escalationId}`} data-escalation-id={e.escalationId}>
      <h2 id={`esc-${e.escalationId}`} className="escalation-title">
        <Link to={`/items/${e.itemId}#event-${e.eventId}`}>{e.itemTitle || 'Item'}</Link>
        <span className="sub">{e.backlogName}</span>
      </h2>
      <p className={`escalation-status status-${e.status}`}>
        <span className={`badge badge-escalation-${e.status}`}>{e.status}</span> {statusText(e)}
      </p>
      <dl className="escalation-facts">
        <div>
          <dt>Challenged</dt>
          <dd>
            <Link to={`/items/${e.itemId}#event-${against.eventId}`}>{capitalize(against.decision.replace(/-/g, ' '))}</Link>
            {moved && <span className="positions"> {moved}</span>}
            {against.actor && (
              <>
                {' '}
                by <span className="who-name">{against.actor.id}</span> <span className="role-badge">{against.actor.role}</span>
              </>
            )}
            {against.at && (
              <>
                {' '}
                on <Time iso={against.at} />
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Wanted</dt>
          <dd>{e.wanted}</dd>
        </div>
        <div>
          <dt>Why</dt>
          <dd className="entry-why">{e.reason}</dd>
        </div>
        <div>
          <dt>Raised</dt>
          <dd>
            {mine ? 'by you' : <>by <span className="who-name">{e.raisedBy.id}</span> <span className="role-badge">{e.raisedBy.role}</span></>} on{' '}
            <Time iso={e.raisedAt} />
            {e.addressedTo && <>, addressed to {e.addressedTo}</>}
          </dd>
        </div>
        {r && (
          <div className="resolution">
            <dt>Resolution</dt>
            <dd>
              <strong>{capitalize(r.outcome)}</strong> by <span className="who-name">{r.by.id}</span> <span className="role-badge">{r.by.role}</span> on{' '}
              <Time iso={r.at} />
              <span className="entry-why resolution-why">{r.rationale}</span>
            </dd>
          </div>
        )}
        {r && (
          <div className="change">
            <dt>What it changed</dt>
            <dd>
              {r.change ? (
                <>
                  <Link to={`/items/${e.itemId}#event-${r.change.eventId}`}>{capitalize(r.change.decision)}</Link>
                  {movement(r.change.fromPosition, r.change.toPosition) && <span className="positions"> {movement(r.change.fromPosition, r.change.toPosition)}</span>}
                </>
              ) : r.outcome === 'upheld' ? (
                'Nothing: the decision stands.'
              ) : (
                'No change of the ranking was recorded with the resolution.'
              )}
            </dd>
          </div>
        )}
      </dl>
      <p className="escalation-links">
        {resolvable ? (
          <Link className="button-link primary" to={`/items/${e.itemId}`}>
            Resolve on the item<span className="visually-hidden"> “{e.itemTitle}”</span>
          </Link>
        ) : (
          <Link to={`/items/${e.itemId}#event-${e.eventId}`}>
            The item’s timeline<span className="visually-hidden"> (“{e.itemTitle}”)</span>
          </Link>
        )}
      </p>
    </article>
  );
}

const capitalize = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
