import { useDeferredValue, useState, type DragEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { withAt } from '../../app/as-of';
import { canAddItem, canDecide } from '../../app/roles';
import { useSession } from '../../app/session';
import { useAsOf } from '../../app/useAsOf';
import { AsOfLink } from '../../shared/AsOfLink';
import { BacklogAnalyticsNav } from '../../shared/BacklogAnalyticsNav';
import { useDataMark } from '../../shared/data-mark';
import { DecisionDialog, type FieldSpec } from '../../shared/DecisionDialog';
import { changedScoreInputs, formatScore, MODEL_LABEL, scoreInputFields, scoreInputInitial } from '../../shared/score';
import { QueryView } from '../../shared/states';
import { daysSince, Time } from '../../shared/Time';
import {
  addItem,
  KINDS,
  LIST_TABS,
  reprioritize,
  tabOf,
  TRIGGERS,
  useBacklog,
  useItemList,
  useRefreshBacklog,
  useZombies,
  type ItemList,
  type ListedItem,
  type ListTab,
  type Zombie,
} from './queries';

const TAB_LABEL: Record<ListTab, string> = { ranked: 'Ranked', 'anti-backlog': 'Anti-backlog', killed: 'Killed', delivered: 'Delivered' };

function useTab(): ListTab {
  return tabOf(useLocation().search);
}

export default function BacklogScreen() {
  const { backlogId = '' } = useParams();
  const backlog = useBacklog(backlogId);
  // The list and its zombie badges were asked for with the route (prefetchBacklog), not once the backlog arrived.
  return (
    <QueryView query={backlog} what="Loading the backlog">
      {(b) => (
        <section aria-labelledby="backlog-title">
          <p className="crumbs">
            <AsOfLink to="/">Portfolio</AsOfLink> ›
          </p>
          <h1 id="backlog-title">{b.name}</h1>
          <p className="goal">
            <span className="muted">Product goal:</span> {b.productGoal}
          </p>
          <BacklogAnalyticsNav backlogId={backlogId} current="backlog" />
          <BacklogLists backlogId={backlogId} />
        </section>
      )}
    </QueryView>
  );
}

function BacklogLists({ backlogId }: { backlogId: string }) {
  const session = useSession();
  const { at } = useAsOf();
  const location = useLocation();
  const tab = useTab();
  const list = useItemList(backlogId, tab, at);
  useDataMark('backlog', list.isSuccess);
  const zombies = useZombies(backlogId, at);
  const refresh = useRefreshBacklog(backlogId);
  const [adding, setAdding] = useState(false);
  const decider = canDecide(session, backlogId);
  const mayAdd = at === null && canAddItem(session, backlogId);
  // "Days since progress" counts to the instant viewed: `at`, else the server's now (the zombie report's), so the
  // list and its zombie badges agree even when the viewer's clock does not.
  const asOf = at ?? zombies.data?.at ?? null;

  const tabHref = (t: ListTab) => {
    const params = new URLSearchParams(withAt(location.search, at));
    if (t === 'ranked') params.delete('tab');
    else params.set('tab', t);
    const s = params.toString();
    return `${location.pathname}${s ? `?${s}` : ''}`;
  };

  return (
    <>
      <div className="toolbar">
        <nav aria-label="Lists" className="tabs">
          <ul>
            {LIST_TABS.map((t) => (
              <li key={t}>
                <Link to={tabHref(t)} aria-current={t === tab ? 'page' : undefined}>
                  {TAB_LABEL[t]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {mayAdd && (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            {decider ? 'Add item' : 'Request an item'}
          </button>
        )}
      </div>
      <QueryView
        query={list}
        what="Loading the items"
        isEmpty={(l) => l.items.length === 0}
        empty={<p>{tab === 'ranked' ? `No ranked item${at ? ' at that time' : ' yet'}.` : `No ${TAB_LABEL[tab].toLowerCase()} item${at ? ' at that time' : ''}.`}</p>}
      >
        {(l) =>
          tab === 'ranked' ? (
            <RankedTable list={l} zombies={zombies.data?.zombies ?? []} asOf={asOf} canMove={decider && at === null} onMoved={refresh} />
          ) : (
            <LeftTable list={l} asOf={asOf} />
          )
        }
      </QueryView>
      {adding && (
        <AddItemDialog
          backlogId={backlogId}
          decider={decider}
          total={list.data?.total ?? 0}
          onClose={() => setAdding(false)}
          onAdded={async () => {
            setAdding(false);
            await refresh();
          }}
        />
      )}
    </>
  );
}

function ZombieBadge({ zombie }: { zombie: Zombie }) {
  const r = zombie.reasons;
  const reasons = [
    r.timesDeferred > 0 && `deferred ${r.timesDeferred}×`,
    r.noObjective && 'no objective',
    r.killCriteriaReviewPassed && 'review date passed',
    r.inProgressTooLong && 'in progress too long',
    r.escalations > 0 && `${r.escalations} escalation${r.escalations > 1 ? 's' : ''}`,
  ].filter((x): x is string => typeof x === 'string');
  return (
    <span className="zombie">
      <span className="badge badge-zombie" title={`zombie score ${zombie.score}`}>
        Zombie {zombie.score.toFixed(1)}
      </span>
      {reasons.map((x) => (
        <span key={x} className="chip">
          {x}
        </span>
      ))}
    </span>
  );
}

interface Moving {
  item: ListedItem;
  toPosition: number;
}

/** Rows of a long list painted in the first frame (a screenful and more); the rest follow in a deferred render. */
const FIRST_ROWS = 100;

function RankedTable({ list, zombies, asOf, canMove, onMoved }: { list: ItemList; zombies: Zombie[]; asOf: string | null; canMove: boolean; onMoved: () => Promise<unknown> }) {
  const [moving, setMoving] = useState<Moving | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const zombieOf = new Map(zombies.map((z) => [z.itemId, z]));
  const byId = new Map(list.items.map((i) => [i.id, i]));
  // A long list paints its first rows at once and the rest in a render right after, which input can interrupt.
  const rows = useDeferredValue(list.items, list.items.length > FIRST_ROWS ? list.items.slice(0, FIRST_ROWS) : list.items);
  // After a refetch (a 412 included) the dialog decides on the item as the list now shows it.
  const fresh = moving ? (byId.get(moving.item.id) ?? moving.item) : null;

  const drop = (target: ListedItem) => (e: DragEvent) => {
    e.preventDefault();
    const id = e.dataTransfer.getData('text/plain') || dragging;
    const item = id ? byId.get(id) : undefined;
    setDragging(null);
    setOver(null);
    if (item && item.id !== target.id && target.position !== null) setMoving({ item, toPosition: target.position });
  };

  return (
    <>
      <p className="muted">
        {list.total} ranked item{list.total === 1 ? '' : 's'}
        {list.at && (
          <>
            {' '}
            as they stood on <Time iso={list.at} />
          </>
        )}
        {canMove && ' · drag a row onto another to move it there, or use “Move”.'}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Ranked items">
        <table className="data ranked">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">Item</th>
              <th scope="col" className="wide">
                Status
              </th>
              <th scope="col" className="num wide">
                Estimate
              </th>
              <th scope="col" className="num">
                Days since progress
              </th>
              <th scope="col">Zombie</th>
              {canMove && <th scope="col">Move</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => {
              const z = zombieOf.get(i.id);
              return (
                <tr
                  key={i.id}
                  data-item-id={i.id}
                  className={[dragging === i.id ? 'dragging' : '', over === i.id && dragging !== i.id ? 'drop-target' : ''].join(' ').trim() || undefined}
                  draggable={canMove}
                  onDragStart={
                    canMove
                      ? (e) => {
                          e.dataTransfer.setData('text/plain', i.id);
                          e.dataTransfer.effectAllowed = 'move';
                          setDragging(i.id);
                        }
                      : undefined
                  }
                  onDragOver={
                    canMove
                      ? (e) => {
                          e.preventDefault();
                          e.dataTransfer.dropEffect = 'move';
                          setOver(i.id);
                        }
                      : undefined
                  }
                  onDrop={canMove ? drop(i) : undefined}
                  onDragEnd={() => {
                    setDragging(null);
                    setOver(null);
                  }}
                >
                  <td className="num pos">{i.position}</td>
                  <th scope="row">
                    <AsOfLink to={`/items/${i.id}`}>{i.title}</AsOfLink>
                    <span className="sub">
                      {i.kind}
                      {i.status === 'in-progress' && <span className="narrow-only"> · in progress</span>}
                      {i.estimate !== null && <span className="narrow-only"> · {i.estimate} pts</span>}
                      {i.requestedBy && ` · requested by ${i.requestedBy}`}
                    </span>
                  </th>
                  <td className="wide">
                    <span className={`status status-${i.status}`}>{i.status}</span>
                  </td>
                  <td className="num wide">{i.estimate ?? '—'}</td>
                  <td className="num">{daysSince(i.lastProgressAt, asOf)}</td>
                  <td>{z ? <ZombieBadge zombie={z} /> : <span className="muted">—</span>}</td>
                  {canMove && (
                    <td>
                      <button type="button" className="small" onClick={() => setMoving({ item: i, toPosition: i.position ?? 1 })} aria-label={`Move “${i.title}” to a position`}>
                        Move…
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {moving && fresh && (
        <MoveDialog
          item={fresh}
          toPosition={moving.toPosition}
          total={list.total}
          onClose={() => setMoving(null)}
          onStale={onMoved}
          onMoved={async () => {
            setMoving(null);
            await onMoved();
          }}
        />
      )}
    </>
  );
}

function MoveDialog({ item, toPosition, total, onClose, onMoved, onStale }: { item: ListedItem; toPosition: number; total: number; onClose: () => void; onMoved: () => Promise<unknown>; onStale: () => Promise<unknown> }) {
  // The backlog's scoring model: the move may bring new score inputs (evidence), judged against the score with them.
  const model = useBacklog(useParams().backlogId ?? '').data?.policy.scoringModel ?? 'none';
  const current = item.scoring?.inputs;
  const fields: FieldSpec[] = [
    { name: 'toPosition', label: 'Move to position', type: 'number', required: true, min: 1, max: total, hint: `1 is the top; ${total} the bottom.` },
    { name: 'trigger', label: 'What triggered it', type: 'select', required: true, options: TRIGGERS },
    ...scoreInputFields(model),
  ];
  return (
    <DecisionDialog
      title={`Move “${item.title}”`}
      description={
        <p>
          It is at position {item.position} of {total}
          {model !== 'none' && <>; its {MODEL_LABEL[model]} score is {formatScore(item.scoring?.score)}. Change an input only if the move comes with new evidence</>}.
        </p>
      }
      fields={fields}
      initial={{ toPosition: String(toPosition), trigger: 'routine', ...scoreInputInitial(model, current) }}
      submitLabel="Move"
      aliases={{ 'placement.position': 'toPosition', position: 'toPosition' }}
      onSubmit={(body) => reprioritize(item, changedScoreInputs(body, current) as never)}
      onDone={() => void onMoved()}
      onCancel={onClose}
      onStale={onStale}
      current={
        <p>
          “{item.title}” is now at position <strong>{item.position ?? 'none (it left the ranking)'}</strong> of {total}.
        </p>
      }
    />
  );
}

function AddItemDialog({ backlogId, decider, total, onClose, onAdded }: { backlogId: string; decider: boolean; total: number; onClose: () => void; onAdded: () => Promise<unknown> }) {
  const model = useBacklog(backlogId).data?.policy.scoringModel ?? 'none';
  const fields: FieldSpec[] = [
    { name: 'title', label: 'Title', type: 'text', required: true },
    { name: 'kind', label: 'Kind', type: 'select', required: true, options: KINDS },
    { name: 'hypothesis', label: 'Hypothesis', type: 'textarea', hint: 'What we believe, and how we would know.' },
    ...(decider
      ? ([
          { name: 'estimate', label: 'Estimate (story points)', type: 'number', min: 0, max: 1000 },
          { name: 'toPosition', label: 'Position', type: 'number', min: 1, max: total + 1, hint: 'Leave empty to add it at the bottom.' },
          ...scoreInputFields(model),
        ] satisfies FieldSpec[])
      : []),
  ];
  return (
    <DecisionDialog
      title={decider ? 'Add an item' : 'Request an item'}
      description={decider ? undefined : <p>Your request joins the bottom of the backlog; its owners rank it.</p>}
      fields={fields}
      initial={{ kind: 'story' }}
      submitLabel={decider ? 'Add' : 'Request'}
      aliases={{ 'placement.position': 'toPosition' }}
      onSubmit={(body) => addItem(backlogId, changedScoreInputs(body, {}))}
      onDone={() => void onAdded()}
      onCancel={onClose}
    />
  );
}

function LeftTable({ list, asOf }: { list: ItemList; asOf: string | null }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`${TAB_LABEL[list.status]} items`}>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Estimate
            </th>
            <th scope="col" className="num">
              Days since progress
            </th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                <AsOfLink to={`/items/${i.id}`}>{i.title}</AsOfLink>
                <span className="sub">{i.kind}</span>
              </th>
              <td>
                <span className={`status status-${i.status}`}>{i.status}</span>
              </td>
              <td className="num">{i.estimate ?? '—'}</td>
              <td className="num">{daysSince(i.lastProgressAt, asOf)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
