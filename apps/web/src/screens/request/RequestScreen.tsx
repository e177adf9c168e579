import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { components } from '../../api/schema';
import { canRequestItem } from '../../app/roles';
import { useSession } from '../../app/session';
import { DecisionDialog, type FieldSpec } from '../../shared/DecisionDialog';
import { QueryView } from '../../shared/states';
import { useBacklogNames } from '../audit/queries';
import { addItem, KINDS } from '../backlog/queries';

type Backlog = components['schemas']['BacklogSummaryDto'];
type Added = components['schemas']['DecisionResponseDto'];

const FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Title', type: 'text', required: true },
  { name: 'kind', label: 'Kind', type: 'select', required: true, options: KINDS },
  { name: 'hypothesis', label: 'Hypothesis', type: 'textarea', hint: 'What you believe it would change, and how one would know.' },
];

/** A stakeholder's way to ask for work: pick a backlog, say what and why; the request joins the bottom of its ranking. */
export default function RequestScreen() {
  const session = useSession();
  const backlogs = useBacklogNames();
  const client = useQueryClient();
  const [requesting, setRequesting] = useState<Backlog | null>(null);
  const [done, setDone] = useState<{ backlog: Backlog; title: string; added: Added } | null>(null);

  return (
    <section aria-labelledby="request-title">
      <h1 id="request-title">Request an item</h1>
      <p className="muted">
        Ask a backlog’s owners for new work. Your request joins the bottom of the backlog with your name and your reason; its owners rank it, and
        every decision they take on it is on its timeline. If you disagree with one, escalate it there; <Link to="/escalations">your escalations</Link>{' '}
        show how each was resolved.
      </p>
      {done && (
        <p className="notice notice-ok" role="status">
          Requested “{done.title}” in {done.backlog.name}: it is at the bottom of the ranking until its owners rank it.{' '}
          <Link to={`/items/${done.added.id}`}>Open its timeline</Link>
        </p>
      )}
      <QueryView
        query={backlogs}
        what="Loading the backlogs"
        isEmpty={(list) => list.filter((b) => canRequestItem(session, b.id)).length === 0}
        empty={<p>There is no backlog you may request items for yet.</p>}
      >
        {(list) => (
          <ul className="request-backlogs">
            {list
              .filter((b) => canRequestItem(session, b.id))
              .map((b) => (
                <li key={b.id} className="request-backlog">
                  <h2>
                    <Link to={`/backlogs/${b.id}`}>{b.name}</Link>
                  </h2>
                  <p className="goal">
                    <span className="muted">Product goal:</span> {b.productGoal}
                  </p>
                  <p className="muted">
                    {b.counts.ranked} ranked item{b.counts.ranked === 1 ? '' : 's'} · owned by {b.owners.map((o) => o.id).join(', ') || '—'}
                  </p>
                  <button type="button" className="primary" onClick={() => setRequesting(b)}>
                    Request an item<span className="visually-hidden"> for {b.name}</span>
                  </button>
                </li>
              ))}
          </ul>
        )}
      </QueryView>
      {requesting && (
        <DecisionDialog
          title={`Request an item for ${requesting.name}`}
          description={<p>Your request joins the bottom of the backlog; its owners rank it.</p>}
          fields={FIELDS}
          initial={{ kind: 'story' }}
          rationale={{ name: 'rationale', label: 'Why is it needed?', hint: 'At least 10 characters; recorded with your request for everyone who reads it.' }}
          submitLabel="Request"
          onSubmit={async (body) => ({ title: String(body.title), added: (await addItem(requesting.id, body)).data as Added })}
          onDone={(result) => {
            const r = result as { title: string; added: Added };
            setDone({ backlog: requesting, ...r });
            setRequesting(null);
            void client.invalidateQueries({ queryKey: ['backlogs'] });
            void client.invalidateQueries({ queryKey: ['backlog-items', requesting.id] });
            void client.invalidateQueries({ queryKey: ['portfolio'] });
          }}
          onCancel={() => setRequesting(null)}
        />
      )}
    </section>
  );
}
