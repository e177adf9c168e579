import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { canGovernForums, canVote } from '../../app/roles';
import { useSession } from '../../app/session';
import { DecisionDialog } from '../../shared/DecisionDialog';
import { QueryView } from '../../shared/states';
import { Deadline, refreshFor, useNow } from '../proposal/Countdown';
import { OPEN_REFETCH_MS, type ProposalView } from '../proposal/queries';
import { myVote } from '../proposal/tally';
import { ClosedTable } from './ClosedTable';
import { QuorumProgress } from '../proposal/TallyBar';
import { DEFAULT_RULE, RULE_ALIASES, RULE_FIELDS, ruleBody, ruleInitial, ruleSummary, scopeFields } from './forum-form';
import { inboxForums, recentlyClosed, sortInbox } from './inbox';
import { useBacklogs, useForums, useItems, useProposalDetails, useProposals, useRefreshForums, type ForumSummary, type ProposalRow } from './queries';

const CLOSED_SHOWN = 20;

/** The forum inbox: open proposals of my forums with their countdown, quorum and my vote; the latest outcomes; the forums. */
export default function ForumsScreen() {
  const forums = useForums();
  return (
    <section aria-labelledby="forums-title">
      <h1 id="forums-title">Forums</h1>
      <QueryView
        query={forums}
        what="Loading the forums"
        isEmpty={(f) => f.length === 0}
        empty={<ForumsEmpty />}
      >
        {(list) => <Inbox forums={list} />}
      </QueryView>
    </section>
  );
}

function ForumsEmpty() {
  const session = useSession();
  return (
    <>
      <p>No review forum {canGovernForums(session) ? 'yet' : 'that you may see'}.</p>
      {canGovernForums(session) && <SetUpForum />}
    </>
  );
}

function useAllScope(): [boolean, (all: boolean) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const all = new URLSearchParams(location.search).get('scope') === 'all';
  return [all, (next) => navigate({ pathname: location.pathname, search: next ? '?scope=all' : '' })];
}

function Inbox({ forums }: { forums: ForumSummary[] }) {
  const session = useSession();
  const [all, setAll] = useAllScope();
  const scope = inboxForums(forums, session.sub, all);
  const forumIds = useMemo(() => new Set(scope.forums.map((f) => f.id)), [scope.forums]);
  const byId = useMemo(() => new Map(forums.map((f) => [f.id, f])), [forums]);
  const open = useProposals('open', null, { refetchInterval: OPEN_REFETCH_MS });
  const closed = useProposals('closed');
  const withdrawn = useProposals('withdrawn');
  const openRows = (open.data ?? []).filter((r) => forumIds.has(r.forumId));
  const endedRows = recentlyClosed([...(closed.data ?? []), ...(withdrawn.data ?? [])], forumIds, CLOSED_SHOWN);
  const details = useProposalDetails(
    openRows.map((r) => r.id),
    OPEN_REFETCH_MS,
  );
  const items = useItems([...openRows, ...endedRows].map((r) => r.itemId));
  const titles = new Map(items.flatMap((q) => (q.data ? [[q.data.data.id, q.data.data.title] as const] : [])));
  const now = useNow(refreshFor(openRows.map((r) => r.closesAt), Date.now()));

  const entries = sortInbox(
    openRows.map((row, i) => {
      const detail = details[i]?.data?.data;
      const forum = byId.get(row.forumId);
      return { row, canVote: forum ? canVote(session, forum) : false, voted: detail ? myVote(detail.votes, session.sub) !== null : null };
    }),
  );
  const detailOf = new Map(details.flatMap((q) => (q.data ? [[q.data.data.id, q.data.data] as const] : [])));
  const waiting = entries.filter((e) => e.canVote && e.voted === false).length;

  return (
    <>
      <section aria-labelledby="open-title">
        <h2 id="open-title">Open proposals</h2>
        <p className="muted">
          {scope.mine ? (
            <>
              In the forums you belong to ({scope.forums.map((f) => f.name).join(', ')}).{' '}
              <button type="button" className="link" onClick={() => setAll(true)}>
                Show every forum
              </button>
            </>
          ) : forums.some((f) => f.members.includes(session.sub)) ? (
            <>
              In every forum you may see.{' '}
              <button type="button" className="link" onClick={() => setAll(false)}>
                Only the forums I belong to
              </button>
            </>
          ) : (
            'In every forum you may see. You are not a member of any forum: you follow the votes, but do not vote.'
          )}
        </p>
        {waiting > 0 && (
          <p className="notice notice-todo" role="status">
            {waiting} proposal{waiting === 1 ? ' is' : 's are'} waiting for your vote.
          </p>
        )}
        <QueryView query={open} what="Loading the open proposals" isEmpty={() => openRows.length === 0} empty={<p>No proposal is open for votes.</p>}>
          {() => (
            <ul className="inbox" aria-label="Open proposals">
              {entries.map(({ row, canVote: voter, voted }) => (
                <InboxCard
                  key={row.id}
                  row={row}
                  forum={byId.get(row.forumId)}
                  title={titles.get(row.itemId)}
                  detail={detailOf.get(row.id)}
                  voter={voter}
                  voted={voted}
                  sub={session.sub}
                  now={now}
                />
              ))}
            </ul>
          )}
        </QueryView>
      </section>

      <section aria-labelledby="closed-title">
        <h2 id="closed-title">Recently decided</h2>
        <QueryView query={closed} what="Loading the outcomes" isEmpty={() => endedRows.length === 0} empty={<p>No proposal has closed yet.</p>}>
          {() => <ClosedTable rows={endedRows} forums={byId} titles={titles} />}
        </QueryView>
      </section>

      <ForumList forums={forums} />
    </>
  );
}

function InboxCard({
  row,
  forum,
  title,
  detail,
  voter,
  voted,
  sub,
  now,
}: {
  row: ProposalRow;
  forum: ForumSummary | undefined;
  title: string | undefined;
  detail: ProposalView | undefined;
  voter: boolean;
  voted: boolean | null;
  sub: string;
  now: number;
}) {
  const name = title ?? 'an item';
  const mine = detail ? myVote(detail.votes, sub) : null;
  return (
    <li className={`inbox-card${voter && voted === false ? ' inbox-card-todo' : ''}`}>
      <h3>
        <Link to={`/proposals/${row.id}`}>Kill “{name}”?</Link>
      </h3>
      <p className="inbox-meta">
        Item <Link to={`/items/${row.itemId}`}>{name}</Link> · forum <Link to={`/forums/${row.forumId}`}>{forum?.name ?? row.forumId}</Link>
        {row.nominatedAutomatically && <span className="chip">nominated by the cadence</span>}
      </p>
      {detail && <p className="inbox-reason">{detail.reason}</p>}
      <p className="inbox-deadline">
        Deadline <Deadline closesAt={row.closesAt} now={now} />
      </p>
      {detail && <QuorumProgress tally={detail.tally} rule={detail.rule} />}
      <p className="inbox-vote">
        {voter ? (
          voted === false ? (
            <>
              <span className="badge badge-todo">You have not voted</span>{' '}
              <Link className="button-link primary" to={`/proposals/${row.id}`}>
                Vote<span className="visually-hidden"> on killing “{name}”</span>
              </Link>
            </>
          ) : mine ? (
            <>
              <span className="badge badge-ok">You voted {mine.choice}</span>{' '}
              <Link to={`/proposals/${row.id}`}>
                Change your vote<span className="visually-hidden"> on killing “{name}”</span>
              </Link>
            </>
          ) : null
        ) : (
          <span className="muted">Not your forum: you see, but do not vote.</span>
        )}
      </p>
    </li>
  );
}

function ForumList({ forums }: { forums: ForumSummary[] }) {
  const session = useSession();
  const backlogs = useBacklogs();
  const names = new Map((backlogs.data ?? []).map((b) => [b.id, b.name]));
  return (
    <section aria-labelledby="forum-list-title">
      <h2 id="forum-list-title">Review forums</h2>
      {canGovernForums(session) && <SetUpForum />}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Review forums">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Forum</th>
              <th scope="col" className="wide">
                Reviews
              </th>
              <th scope="col" className="num">
                Members
              </th>
              <th scope="col" className="num">
                Open
              </th>
              <th scope="col" className="wide">
                Rule
              </th>
            </tr>
          </thead>
          <tbody>
            {forums.map((f) => (
              <tr key={f.id}>
                <th scope="row">
                  <Link to={`/forums/${f.id}`}>{f.name}</Link>
                  {f.members.includes(session.sub) && <span className="chip">you are a member</span>}
                </th>
                <td className="wide">{f.backlogIds.map((id) => names.get(id) ?? id).join(', ')}</td>
                <td className="num">{f.members.length}</td>
                <td className="num">{f.openProposals}</td>
                <td className="wide">{ruleSummary(f.rule)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Set up a forum: name, the backlogs it reviews, its rule; then its page (to add members). */
function SetUpForum() {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const refresh = useRefreshForums();
  const backlogs = useBacklogs();
  const list = backlogs.data ?? [];
  return (
    <div className="actions">
      <button type="button" className="primary" onClick={() => setOpen(true)} disabled={!backlogs.data}>
        Set up a forum
      </button>
      {open && (
        <DecisionDialog
          title="Set up a review forum"
          description={<p>A forum votes on kill proposals for the backlogs it reviews. Add its members on its page.</p>}
          fields={[{ name: 'name', label: 'Name', type: 'text', required: true }, ...scopeFields(list), ...RULE_FIELDS]}
          initial={ruleInitial(DEFAULT_RULE, list.length === 1 ? [list[0].id] : [])}
          aliases={RULE_ALIASES}
          submitLabel="Set up the forum"
          onSubmit={async (body) => {
            const { rule, backlogIds, rest } = ruleBody(body);
            if (backlogIds.length === 0) throw new Error('Choose at least one backlog for the forum to review.');
            return (await unwrap<{ id: string }>(api.POST('/forums', { body: { ...rest, rule, backlogIds } as never }))).data;
          }}
          onDone={(created) => {
            setOpen(false);
            void refresh();
            navigate(`/forums/${(created as { id: string }).id}`);
          }}
          onCancel={() => setOpen(false)}
        />
      )}
    </div>
  );
}
