import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, etagOf, unwrap } from '../../api/client';
import { canGovernForums, canLeaveForum } from '../../app/roles';
import { useSession } from '../../app/session';
import { useAsOf } from '../../app/useAsOf';
import { AsOfLink } from '../../shared/AsOfLink';
import { DecisionDialog, type FieldSpec } from '../../shared/DecisionDialog';
import { EChart } from '../../shared/EChart';
import { QueryView } from '../../shared/states';
import { Time } from '../../shared/Time';
import { ClosedTable } from '../forums/ClosedTable';
import { RULE_ALIASES, RULE_FIELDS, ruleBody, ruleInitial, ruleSummary, scopeFields } from '../forums/forum-form';
import { recentlyClosed } from '../forums/inbox';
import { useBacklogs, useItems, useProposals, useRefreshForums } from '../forums/queries';
import { Deadline, refreshFor, useNow } from '../proposal/Countdown';
import { formatShare } from '../proposal/tally';
import { Delegations } from './Delegations';
import { useForum, useForumAnalytics, type ForumReport, type ForumView } from './queries';

const loadOutcomesChart = () => import('./outcomes.echarts');

export default function ForumScreen() {
  const { forumId = '' } = useParams();
  const forum = useForum(forumId);
  return (
    <QueryView query={forum} what="Loading the forum">
      {({ data, etag }) => <ForumPage forum={data} etag={etag ?? etagOf(data.revision)} />}
    </QueryView>
  );
}

type Dialog = { kind: 'rule' } | { kind: 'add-member' } | { kind: 'remove'; memberId: string } | null;

function ForumPage({ forum: f, etag }: { forum: ForumView; etag: string }) {
  const session = useSession();
  const { at } = useAsOf();
  const backlogs = useBacklogs();
  const refresh = useRefreshForums();
  const [dialog, setDialog] = useState<Dialog>(null);
  const names = new Map((backlogs.data ?? []).map((b) => [b.id, b.name]));
  const present = at === null;
  const governor = present && canGovernForums(session);
  const leaver = present && canLeaveForum(session, f);

  return (
    <article aria-labelledby="forum-title">
      <p className="crumbs">
        <Link to="/forums">Forums</Link> ›
      </p>
      <h1 id="forum-title">{f.name}</h1>
      {!present && <p className="muted">The rule, scope and members are shown as they are now; the analytics as of the instant chosen.</p>}
      <dl className="facts">
        <div>
          <dt>Reviews</dt>
          <dd>
            {f.backlogIds.map((id, i) => (
              <span key={id}>
                {i > 0 && ', '}
                <AsOfLink to={`/backlogs/${id}`}>{names.get(id) ?? id}</AsOfLink>
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>Rule</dt>
          <dd>{ruleSummary(f.rule)}</dd>
        </div>
        <div>
          <dt>Without quorum</dt>
          <dd>{f.rule.onNoQuorum === 'reopen-next-cadence' ? 'nominated again at the next cadence' : 'handed back to the owner'}</dd>
        </div>
        <div>
          <dt>Next automatic nomination</dt>
          <dd>{f.nextCadenceAt ? <Time iso={f.nextCadenceAt} /> : '—'}</dd>
        </div>
      </dl>

      {(governor || leaver) && (
        <section aria-label="Decisions on the forum" className="actions">
          {governor && (
            <>
              <button type="button" onClick={() => setDialog({ kind: 'rule' })} disabled={!backlogs.data}>
                Change the rule
              </button>
              <button type="button" onClick={() => setDialog({ kind: 'add-member' })}>
                Add a member
              </button>
            </>
          )}
          {leaver && (
            <button type="button" className="danger" onClick={() => setDialog({ kind: 'remove', memberId: session.sub })}>
              Leave the forum
            </button>
          )}
        </section>
      )}

      <section aria-labelledby="members-title">
        <h2 id="members-title">Members ({f.members.length})</h2>
        {f.members.length === 0 ? (
          <p className="muted">No member yet: nobody votes until members are added.</p>
        ) : (
          <ul className="members">
            {f.members.map((m) => (
              <li key={m}>
                <span className="who-name">{m}</span>
                {m === session.sub && <span className="chip">you</span>}
                {governor && m !== session.sub && (
                  <button type="button" className="small" onClick={() => setDialog({ kind: 'remove', memberId: m })}>
                    Remove<span className="visually-hidden"> {m} from the forum</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <Delegations forum={f} etag={etag} at={at} onChanged={refresh} />
      <ForumProposals forum={f} />
      <Analytics forumId={f.id} at={at} />

      {dialog && (
        <ForumDialog
          dialog={dialog}
          forum={f}
          etag={etag}
          backlogs={backlogs.data ?? []}
          self={session.sub}
          onClose={(changed) => {
            setDialog(null);
            if (changed) void refresh();
          }}
          onStale={refresh}
        />
      )}
    </article>
  );
}

function ForumDialog({
  dialog,
  forum: f,
  etag,
  backlogs,
  self,
  onClose,
  onStale,
}: {
  dialog: NonNullable<Dialog>;
  forum: ForumView;
  etag: string;
  backlogs: { id: string; name: string }[];
  self: string;
  onClose: (changed: boolean) => void;
  onStale: () => unknown;
}) {
  const path = { path: { forumId: f.id }, header: { 'If-Match': etag } };
  const current = (
    <p>
      The forum now has {f.members.length} member{f.members.length === 1 ? '' : 's'}; rule: {ruleSummary(f.rule)}.
    </p>
  );
  const common = { onDone: () => onClose(true), onCancel: () => onClose(false), onStale, current };
  if (dialog.kind === 'rule') {
    return (
      <DecisionDialog
        {...common}
        title={`Change the rule of “${f.name}”`}
        description={<p>Open proposals keep the rule they opened with; the new rule applies to proposals opened from now on.</p>}
        fields={[...scopeFields(backlogs), ...RULE_FIELDS]}
        initial={ruleInitial(f.rule, f.backlogIds)}
        aliases={RULE_ALIASES}
        submitLabel="Change the rule"
        onSubmit={(body) => {
          const { rule, backlogIds, rest } = ruleBody(body);
          if (backlogIds.length === 0) throw new Error('Choose at least one backlog for the forum to review.');
          return unwrap(api.PUT('/forums/{forumId}/rule', { params: path, body: { ...rest, rule, backlogIds } as never }));
        }}
      />
    );
  }
  if (dialog.kind === 'add-member') {
    const fields: FieldSpec[] = [
      { name: 'memberId', label: 'Who (their sign-in name)', type: 'text', required: true, hint: 'The subject their session carries, e.g. maria.' },
    ];
    return (
      <DecisionDialog
        {...common}
        title={`Add a member to “${f.name}”`}
        fields={fields}
        submitLabel="Add the member"
        onSubmit={(body) => unwrap(api.POST('/forums/{forumId}/members', { params: path, body: body as never }))}
      />
    );
  }
  const leaving = dialog.memberId === self;
  return (
    <DecisionDialog
      {...common}
      title={leaving ? `Leave “${f.name}”` : `Remove ${dialog.memberId} from “${f.name}”`}
      description={<p>{leaving ? 'Your' : 'Their'} votes on proposals still open stop counting.</p>}
      submitLabel={leaving ? 'Leave the forum' : 'Remove the member'}
      onSubmit={(body) => unwrap(api.POST('/forums/{forumId}/members/leave', { params: path, body: { ...body, memberId: dialog.memberId } as never }))}
    />
  );
}

/** The forum's open proposals with their countdown, and its latest outcomes. */
function ForumProposals({ forum: f }: { forum: ForumView }) {
  const closed = useProposals('closed', f.id);
  const ended = useMemo(() => recentlyClosed(closed.data ?? [], new Set([f.id]), 10), [closed.data, f.id]);
  const items = useItems([...f.openProposals.map((p) => p.itemId), ...ended.map((r) => r.itemId)]);
  const titles = new Map(items.flatMap((q) => (q.data ? [[q.data.data.id, q.data.data.title] as const] : [])));
  const now = useNow(refreshFor(f.openProposals.map((p) => p.closesAt), Date.now()));
  return (
    <>
      <section aria-labelledby="forum-open-title">
        <h2 id="forum-open-title">Open proposals ({f.openProposals.length})</h2>
        {f.openProposals.length === 0 ? (
          <p className="muted">No proposal is open for votes.</p>
        ) : (
          <ul className="open-proposals">
            {f.openProposals.map((p) => (
              <li key={p.id}>
                <Link to={`/proposals/${p.id}`}>Kill “{titles.get(p.itemId) ?? 'an item'}”?</Link> — deadline <Deadline closesAt={p.closesAt} now={now} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="forum-closed-title">
        <h2 id="forum-closed-title">Latest outcomes</h2>
        <QueryView query={closed} what="Loading the outcomes" isEmpty={() => ended.length === 0} empty={<p>No proposal of this forum has closed yet.</p>}>
          {() => <ClosedTable rows={ended} forums={new Map([[f.id, f]])} titles={titles} />}
        </QueryView>
      </section>
    </>
  );
}

const PERIODS = [30, 90, 365] as const;

/** GET /forums/:id/analytics: the period's decisions by outcome (chart + numbers), speed and participation. */
function Analytics({ forumId, at }: { forumId: string; at: string | null }) {
  const [days, setDays] = useState<number>(90);
  const report = useForumAnalytics(forumId, at, days);
  return (
    <section aria-labelledby="analytics-title">
      <h2 id="analytics-title">Analytics</h2>
      <p className="field field-inline">
        <label htmlFor="forum-period">Period</label>
        <select id="forum-period" value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {PERIODS.map((d) => (
            <option key={d} value={d}>
              the last {d} days
            </option>
          ))}
        </select>
      </p>
      <QueryView query={report} what="Loading the forum's analytics" isEmpty={(r) => r.proposalsOpened === 0 && r.closed.total === 0 && r.openProposals === 0 && r.withdrawn === 0} empty={<p>No proposal in this period.</p>}>
        {(r) => <Report report={r} />}
      </QueryView>
    </section>
  );
}

const pct = (v: number | null) => (v === null ? '—' : formatShare(v));

/** The decided proposals by outcome; colours are told apart by decal patterns too, and the numbers are in text. */
const OUTCOME_BARS = [
  { label: 'Kill', color: '#b42318', decal: 'rect', value: (r: ForumReport) => r.closed.kill },
  { label: 'Keep', color: '#116329', decal: 'circle', value: (r: ForumReport) => r.closed.keep },
  { label: 'No quorum', color: '#7a4b00', decal: 'triangle', value: (r: ForumReport) => r.closed.noQuorum },
  { label: 'Withdrawn', color: '#4f5761', decal: 'diamond', value: (r: ForumReport) => r.withdrawn },
] as const;

function Report({ report: r }: { report: ForumReport }) {
  const bars = OUTCOME_BARS.map((b) => ({ ...b, count: b.value(r) }));
  const counts = bars.map((b) => b.count).join(',');
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 40, right: 16, top: 24, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: OUTCOME_BARS.map((b) => b.label) },
      yAxis: { type: 'value', minInterval: 1, name: 'proposals' },
      series: [
        {
          type: 'bar',
          data: counts.split(',').map((c, i) => ({ value: Number(c), itemStyle: { color: OUTCOME_BARS[i].color, decal: { symbol: OUTCOME_BARS[i].decal } } })),
          label: { show: true, position: 'top' },
        },
      ],
    }),
    [counts],
  );
  return (
    <>
      <p className="muted">
        <Time iso={r.period.from} dateOnly /> – <Time iso={r.period.to} dateOnly />, as of <Time iso={r.at} />.
      </p>
      <EChart
        load={loadOutcomesChart}
        option={option}
        label={`Proposals decided in the period: ${bars.map((b) => `${b.label.toLowerCase()} ${b.count}`).join(', ')}`}
      />
      <dl className="facts stats">
        <div>
          <dt>Opened</dt>
          <dd>{r.proposalsOpened}</dd>
        </div>
        <div>
          <dt>Closed</dt>
          <dd>
            {r.closed.total} (kill {r.closed.kill}, keep {r.closed.keep}, no quorum {r.closed.noQuorum})
          </dd>
        </div>
        <div>
          <dt>Kill rate</dt>
          <dd>{pct(r.killRate)}</dd>
        </div>
        <div>
          <dt>No-quorum share</dt>
          <dd>{pct(r.noQuorumShare)}</dd>
        </div>
        <div>
          <dt>Median days to decision</dt>
          <dd>{r.medianDaysToDecision === null ? '—' : Math.round(r.medianDaysToDecision * 10) / 10}</dd>
        </div>
        <div>
          <dt>Participation (votes ÷ members)</dt>
          <dd>{pct(r.participation)}</dd>
        </div>
        <div>
          <dt>Open</dt>
          <dd>{r.openProposals}</dd>
        </div>
        <div>
          <dt>Members</dt>
          <dd>{r.members}</dd>
        </div>
      </dl>
    </>
  );
}
