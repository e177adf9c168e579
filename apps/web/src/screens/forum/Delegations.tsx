import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { canDelegate, canRevokeDelegation } from '../../app/roles';
import { useSession } from '../../app/session';
import { DecisionDialog, type FieldSpec } from '../../shared/DecisionDialog';
import { QueryView } from '../../shared/states';
import { Time } from '../../shared/Time';
import { useDelegations, type Delegation, type ForumView } from './queries';

const STATUS: Record<Delegation['status'], string> = {
  scheduled: 'scheduled',
  active: 'active',
  ended: 'ended',
  revoked: 'revoked',
  'ended-by-leave': 'ended (a party left)',
};

/** A date field (YYYY-MM-DD, the viewer's calendar) as the instant it starts in the viewer's zone. */
export function startOfLocalDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d).toISOString();
}

/**
 * Vote delegations in a forum (ADR 0035): a member delegates their vote to another member for a period and may
 * revoke it; the delegate sees whom they vote for; everyone who may read the forum sees every delegation and its
 * status (as of `at`). Decisions carry the forum's ETag (If-Match).
 */
export function Delegations({ forum: f, etag, at, onChanged }: { forum: ForumView; etag: string; at: string | null; onChanged: () => Promise<unknown> }) {
  const session = useSession();
  const list = useDelegations(f.id, at);
  const [dialog, setDialog] = useState<{ kind: 'delegate' } | { kind: 'revoke'; delegation: Delegation } | null>(null);
  const present = at === null;
  const live = (d: Delegation) => d.status === 'active' || d.status === 'scheduled';
  const delegations = list.data?.delegations ?? [];
  const mine = delegations.filter((d) => d.delegatorId === session.sub && live(d));
  const forMe = delegations.filter((d) => d.delegateId === session.sub && d.status === 'active');
  const mayDelegate = present && canDelegate(session, f) && mine.length === 0 && forMe.length === 0;
  const others = f.members.filter((m) => m !== session.sub);

  return (
    <section aria-labelledby="delegations-title" className="delegations">
      <h2 id="delegations-title">Vote delegations</h2>
      <p className="muted">
        A member may let another member vote for them for a period. The delegate’s vote counts for them unless they vote themself — their own vote always wins. No
        chains: a delegate cannot pass a delegated vote on.
      </p>
      {mine.map((d) => (
        <p key={d.delegationId} className="my-delegation" role="status">
          You delegated your vote to <strong>{d.delegateId}</strong> from <Time iso={d.validFrom} /> until <Time iso={d.validUntil} /> ({STATUS[d.status]}).{' '}
          {present && canRevokeDelegation(session, d) && (
            <button type="button" className="small" onClick={() => setDialog({ kind: 'revoke', delegation: d })}>
              Revoke my delegation
            </button>
          )}
        </p>
      ))}
      {forMe.length > 0 && (
        <p className="delegated-to-me" role="status">
          You vote for <strong>{forMe.map((d) => d.delegatorId).join(', ')}</strong> too: your vote counts for {forMe.length === 1 ? 'them' : 'each'} unless they vote
          themself.
        </p>
      )}
      {mayDelegate && (
        <p>
          <button type="button" onClick={() => setDialog({ kind: 'delegate' })} disabled={others.length === 0}>
            Delegate my vote…
          </button>
        </p>
      )}
      <QueryView query={list} what="Loading the delegations" isEmpty={(l) => l.delegations.length === 0} empty={<p>Nobody has delegated their vote in this forum.</p>}>
        {(l) => (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="delegations-title">
            <table className="data compact delegation-list">
              <thead>
                <tr>
                  <th scope="col">Who delegated</th>
                  <th scope="col">To</th>
                  <th scope="col">From</th>
                  <th scope="col">Until</th>
                  <th scope="col">Status</th>
                  {present && <th scope="col">Decision</th>}
                </tr>
              </thead>
              <tbody>
                {l.delegations.map((d) => (
                  <tr key={d.delegationId} data-delegation={d.delegationId}>
                    <th scope="row">{d.delegatorId}</th>
                    <td>{d.delegateId}</td>
                    <td>
                      <Time iso={d.validFrom} />
                    </td>
                    <td>
                      <Time iso={d.validUntil} />
                    </td>
                    <td>
                      <span className={`chip delegation-${d.status}`}>{STATUS[d.status]}</span>
                      {d.revokedAt && (
                        <span className="sub">
                          revoked <Time iso={d.revokedAt} />
                        </span>
                      )}
                    </td>
                    {present && (
                      <td>
                        {live(d) && canRevokeDelegation(session, d) && d.delegatorId !== session.sub && (
                          <button type="button" className="small" onClick={() => setDialog({ kind: 'revoke', delegation: d })}>
                            Revoke<span className="visually-hidden"> the delegation of {d.delegatorId} to {d.delegateId}</span>
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>

      {dialog?.kind === 'delegate' && (
        <DelegateDialog
          forum={f}
          etag={etag}
          others={others}
          onClose={async (changed) => {
            setDialog(null);
            if (changed) await onChanged();
          }}
          onStale={onChanged}
        />
      )}
      {dialog?.kind === 'revoke' && (
        <DecisionDialog
          title={`Revoke the delegation of ${dialog.delegation.delegatorId} to ${dialog.delegation.delegateId}`}
          description={<p>From now on {dialog.delegation.delegateId}’s vote no longer counts for {dialog.delegation.delegatorId}.</p>}
          submitLabel="Revoke the delegation"
          onSubmit={(body) =>
            unwrap(
              api.POST('/forums/{forumId}/delegations/{delegationId}/revoke', {
                params: { path: { forumId: f.id, delegationId: dialog.delegation.delegationId }, header: { 'If-Match': etag } } as never,
                body: body as never,
              }),
            )
          }
          onDone={() => {
            setDialog(null);
            void onChanged();
          }}
          onCancel={() => setDialog(null)}
          onStale={onChanged}
        />
      )}
    </section>
  );
}

function DelegateDialog({ forum: f, etag, others, onClose, onStale }: { forum: ForumView; etag: string; others: string[]; onClose: (changed: boolean) => void; onStale: () => unknown }) {
  const fields: FieldSpec[] = [
    { name: 'delegateId', label: 'Who votes for you', type: 'select', required: true, options: others.map((m) => ({ value: m, label: m })) },
    { name: 'validFrom', label: 'From (optional)', type: 'date', hint: 'Empty: from now. Otherwise from the start of that day, your time.' },
    { name: 'validUntil', label: 'Until', type: 'date', required: true, hint: 'Up to the start of that day, your time; at most 366 days.' },
  ];
  return (
    <DecisionDialog
      title={`Delegate your vote in “${f.name}”`}
      description={<p>Your delegate’s votes count for you on every proposal of this forum in the period, unless you vote yourself.</p>}
      fields={fields}
      initial={{ delegateId: others[0] ?? '' }}
      rationale={{ name: 'rationale', label: 'Why? (rationale)', hint: 'E.g. leave or a conflict of interest; recorded for the auditors.' }}
      submitLabel="Delegate my vote"
      onSubmit={(body) => {
        const { validFrom, validUntil, ...rest } = body as { validFrom?: string; validUntil: string };
        // Today means now (the start of today already passed); any other day is sent as it is, and the API judges it.
        const from = validFrom && validFrom !== new Date().toLocaleDateString('en-CA') ? startOfLocalDay(validFrom) : undefined;
        return unwrap(
          api.POST('/forums/{forumId}/delegations', {
            params: { path: { forumId: f.id }, header: { 'If-Match': etag } } as never,
            body: { ...rest, validUntil: startOfLocalDay(validUntil), ...(from ? { validFrom: from } : {}) } as never,
          }),
        );
      }}
      onDone={() => onClose(true)}
      onCancel={() => onClose(false)}
      onStale={onStale}
      current={<p>The forum now has {f.members.length} members.</p>}
    />
  );
}
