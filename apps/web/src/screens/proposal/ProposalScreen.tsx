import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { etagOf } from '../../api/client';
import { canVote, proposalActions, type ProposalAction } from '../../app/roles';
import { useSession } from '../../app/session';
import { AsOfLink } from '../../shared/AsOfLink';
import { DecisionDialog } from '../../shared/DecisionDialog';
import { QueryView } from '../../shared/states';
import { Time } from '../../shared/Time';
import { useForum } from '../forum/queries';
import { useItem, type ItemView } from '../item/queries';
import { proposalActionSpecs } from './actions';
import { Ballot } from './Ballot';
import { countdown } from './countdown';
import { Deadline, refreshFor, useNow } from './Countdown';
import { useProposal, useRefreshProposal, type ProposalView } from './queries';
import { myEarlierVotes, myVote, OUTCOME_LABEL, thresholdText } from './tally';
import { QuorumProgress, TallyBar } from './TallyBar';

export default function ProposalScreen() {
  const { proposalId = '' } = useParams();
  const proposal = useProposal(proposalId);
  return (
    <QueryView query={proposal} what="Loading the proposal">
      {({ data, etag }) => <ProposalPage proposal={data} etag={etag ?? etagOf(data.revision ?? 0)} />}
    </QueryView>
  );
}

const STATUS_LABEL = { open: 'Open for votes', closed: 'Closed', withdrawn: 'Withdrawn' } as const;

function ProposalPage({ proposal: p, etag }: { proposal: ProposalView; etag: string }) {
  const session = useSession();
  const forum = useForum(p.forumId);
  const item = useItem(p.itemId);
  const refresh = useRefreshProposal(p);
  const [dialog, setDialog] = useState<ProposalAction | null>(null);
  const now = useNow(refreshFor([p.status === 'open' ? p.closesAt : null], Date.now()));
  const title = item.data?.data.title ?? 'the item';
  const members = forum.data?.data.members ?? [];
  const deadline = p.closesAt ? countdown(p.closesAt, now) : null;
  const votingOpen = p.status === 'open' && deadline !== null && !deadline.passed;
  const voter = forum.data ? canVote(session, forum.data.data) : false;
  const mine = myVote(p.votes, session.sub);
  // Delegation (ADR 0035): a vote cast for me by my delegate; the members whose delegation to me holds now.
  const delegatedForMe = p.delegatedVotes.find((d) => d.memberId === session.sub) ?? null;
  const iVoteFor = (forum.data?.data.activeDelegations ?? []).filter((d) => d.delegateId === session.sub).map((d) => d.delegatorId);
  const actions = proposalActions(session, { ...p, votesEverCast: p.votes.length }, now);
  const specs = proposalActionSpecs(p, title);
  const spec = dialog ? specs[dialog] : null;
  // A kill outcome whose item is still ranked: the scheduler kills it in the same pass that closed the proposal.
  const killPending = p.outcome === 'kill' && (item.data?.data.status === 'open' || item.data?.data.status === 'in-progress');
  const { refetch: refetchItem } = item;

  // Once the proposal closes (seen on a refetch), read the item again: a kill outcome kills it within the same pass.
  useEffect(() => {
    if (p.status === 'open') return;
    void refetchItem();
    if (!killPending) return;
    const timer = setInterval(() => void refetchItem(), 3_000);
    return () => clearInterval(timer);
  }, [p.status, killPending, refetchItem]);

  return (
    <article aria-labelledby="proposal-title" className="proposal-page">
      <p className="crumbs">
        <Link to="/forums">Forums</Link> › <Link to={`/forums/${p.forumId}`}>{forum.data?.data.name ?? 'Forum'}</Link> ›
      </p>
      <h1 id="proposal-title">Kill “{title}”?</h1>
      <p className="proposal-status">
        <span className={`status proposal-${p.status}`}>{p.status === 'closed' && p.outcome ? `Closed: ${OUTCOME_LABEL[p.outcome]}` : STATUS_LABEL[p.status]}</span>
        {p.nominatedAutomatically && <span className="chip">nominated by the review cadence</span>}
        {p.status === 'open' && p.closesAt && (
          <>
            {' '}
            Deadline <Deadline closesAt={p.closesAt} now={now} />
            {p.extended && <span className="chip">extended once</span>}
          </>
        )}
      </p>

      <dl className="facts">
        <div>
          <dt>Item</dt>
          <dd>
            <AsOfLink to={`/items/${p.itemId}`}>{title}</AsOfLink>
            {item.data && (
              <>
                {' '}
                <span className={`status status-${item.data.data.status}`}>{item.data.data.status}</span>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Forum</dt>
          <dd>
            <Link to={`/forums/${p.forumId}`}>{forum.data?.data.name ?? p.forumId}</Link> · {members.length} member{members.length === 1 ? '' : 's'}
          </dd>
        </div>
        <div>
          <dt>Opened</dt>
          <dd>
            {p.nominatedAutomatically ? 'by the review cadence' : `by ${p.openedBy ?? '—'}`}
            {p.openedAt && (
              <>
                {' '}
                on <Time iso={p.openedAt} />
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Rule</dt>
          <dd>
            quorum {p.rule.quorum}; kill needs {thresholdText(p.rule)}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="reason-title">
        <h2 id="reason-title">Why kill it</h2>
        <blockquote className="entry-why proposal-reason">{p.reason}</blockquote>
        {p.nominationReasons.length > 0 && (
          <ul className="chips" aria-label="Nomination reasons">
            {p.nominationReasons.map((r) => (
              <li key={r} className="chip">
                {r}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="tally-title">
        <h2 id="tally-title">{p.status === 'open' ? 'Tally so far' : p.status === 'closed' ? 'Final tally' : 'Tally when withdrawn (no outcome)'}</h2>
        <TallyBar tally={p.tally} />
        <QuorumProgress tally={p.tally} rule={p.rule} />
        {p.tally.delegated > 0 && (
          <p className="delegated-count" data-figure="delegated">
            {p.tally.delegated} of the {p.tally.votesCast} vote{p.tally.votesCast === 1 ? '' : 's'} counted {p.tally.delegated === 1 ? 'was' : 'were'} cast by a delegate:{' '}
            {p.delegatedVotes.map((d) => `${d.delegateId} for ${d.memberId} (${d.choice})`).join(', ')}.
          </p>
        )}
        {p.status === 'open' && p.outcomeIfClosedNow && (
          <p>
            If the vote closed now: <strong>{OUTCOME_LABEL[p.outcomeIfClosedNow]}</strong>.
          </p>
        )}
      </section>

      {p.status !== 'open' && <Outcome proposal={p} item={item.data?.data} />}

      {p.status === 'open' && (
        <section aria-label="Voting" className="voting">
          {mine && (
            <p className="my-vote">
              You voted <strong>{mine.choice}</strong> on <Time iso={mine.castAt} />
              {myEarlierVotes(p.votes, session.sub).length > 0 && ' (changed)'}: “{mine.reason}”
            </p>
          )}
          {!mine && delegatedForMe && (
            <p className="my-vote my-vote-delegated">
              Your delegate <strong>{delegatedForMe.delegateId}</strong> voted <strong>{delegatedForMe.choice}</strong>; it counts for you unless you vote yourself.
            </p>
          )}
          {votingOpen && iVoteFor.length > 0 && (
            <p className="notice notice-info votes-for">
              You vote for <strong>{iVoteFor.join(', ')}</strong> too (delegated): your vote counts for {iVoteFor.length === 1 ? 'them' : 'each'} unless they vote themself.
            </p>
          )}
          {votingOpen && voter && (
            <Ballot
              key={p.id}
              proposalId={p.id}
              etag={etag}
              current={mine}
              closesAt={p.closesAt}
              onVoted={refresh}
              onStale={refresh}
            />
          )}
          {votingOpen && !voter && forum.data && (
            <p className="notice notice-info">
              {session.role === 'auditor'
                ? 'Auditors read the votes and their reasons; they do not vote.'
                : 'You are not a member of this forum: you see the tally and the reasons, but do not vote.'}
            </p>
          )}
          {!votingOpen && (
            <p className="notice notice-info" role="status">
              <strong>Voting has closed.</strong> The forum counts the votes at its next pass; the outcome appears here then.
            </p>
          )}
        </section>
      )}

      {actions.length > 0 && (
        <section aria-label="Decisions on the proposal" className="actions">
          {actions.map((a) => (
            <button key={a} type="button" className={specs[a].danger ? 'danger' : undefined} onClick={() => setDialog(a)}>
              {specs[a].label}
            </button>
          ))}
        </section>
      )}

      <Votes proposal={p} />

      {dialog && spec && (
        <DecisionDialog
          key={dialog}
          title={spec.title}
          fields={spec.fields}
          rationale={spec.rationale}
          initial={spec.initial}
          submitLabel={spec.label}
          onSubmit={(body) => spec.send(etag, body)}
          onDone={() => {
            setDialog(null);
            void refresh();
          }}
          onCancel={() => setDialog(null)}
          onStale={refresh}
          current={
            <p>
              The proposal is now <strong>{p.status}</strong>, {p.votes.length} vote{p.votes.length === 1 ? '' : 's'} cast
              {p.closesAt && (
                <>
                  , deadline <Time iso={p.closesAt} />
                </>
              )}
              .
            </p>
          }
        />
      )}
    </article>
  );
}

/** A closed or withdrawn proposal: the outcome and, for a kill, the kill it caused on the item. */
function Outcome({ proposal: p, item }: { proposal: ProposalView; item: ItemView | undefined }) {
  if (p.status === 'withdrawn') {
    const w = p.history.find((h) => h.type === 'proposal.withdrawn');
    return (
      <section aria-labelledby="outcome-title" className="outcome">
        <h2 id="outcome-title">Withdrawn</h2>
        {w && (
          <p>
            Withdrawn by {String(w.data.withdrawnBy ?? w.actor.id)} on <Time iso={w.recordedAt} />: “{String(w.data.reason ?? '')}”
          </p>
        )}
      </section>
    );
  }
  const t = p.tally;
  const killedHere = item?.kill?.via === 'forum' && item.kill.proposalId === p.id;
  return (
    <section aria-labelledby="outcome-title" className={`outcome outcome-${p.outcome}`}>
      <h2 id="outcome-title">Outcome: {p.outcome ? OUTCOME_LABEL[p.outcome] : '—'}</h2>
      <p>
        Closed{p.closedAt && (
          <>
            {' '}
            on <Time iso={p.closedAt} />
          </>
        )}
        : {t.votesCast} of {t.members} members voted (quorum {p.rule.quorum}); kill {t.kill}, keep {t.keep}, abstain {t.abstain}.
      </p>
      {p.outcome === 'kill' && item && (
        killedHere ? (
          <p className="kill-caused">
            <span className="badge badge-killed">Killed via the forum</span> The item <AsOfLink to={`/items/${p.itemId}`}>{item.title}</AsOfLink> was killed
            by this decision.
          </p>
        ) : item.status === 'open' || item.status === 'in-progress' ? (
          <p role="status">The forum is carrying out the kill on the item; it shows here in a moment.</p>
        ) : (
          <p>The item was already {item.status} by another decision; the forum killed nothing.</p>
        )
      )}
      {p.outcome === 'no-quorum' && p.followUp && (
        <p>
          {p.followUp === 'reopen-next-cadence'
            ? 'Too few votes: the item comes back to the forum at its next review cadence.'
            : 'Too few votes: the item goes back to its owner, who decides as usual.'}
        </p>
      )}
    </section>
  );
}

/** Every vote cast, replaced ones included (struck through), with its reason: what the auditors read. */
function Votes({ proposal: p }: { proposal: ProposalView }) {
  return (
    <section aria-labelledby="votes-title">
      <h2 id="votes-title">Votes ({p.votes.length})</h2>
      {p.votes.length === 0 ? (
        <p className="muted">No vote has been cast yet.</p>
      ) : (
        <ol className="votes">
          {p.votes.map((v) => (
            <li key={v.eventId} className={v.latest ? undefined : 'superseded'}>
              <span className="who-name">{v.memberId}</span> voted <strong className={`vote-${v.choice}`}>{v.choice}</strong> on <Time iso={v.castAt} />
              {!v.latest && ' — changed later'}
              {v.latest && !v.counts && ' — does not count (no longer a member)'}
              {v.latest && v.countsFor.length > 0 && <span className="counts-for"> — also counts for {v.countsFor.join(', ')} (delegated)</span>}: {v.reason}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
