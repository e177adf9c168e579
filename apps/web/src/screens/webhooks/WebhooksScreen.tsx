import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { canManageWebhooks } from '../../app/roles';
import { useSession } from '../../app/session';
import { DecisionDialog } from '../../shared/DecisionDialog';
import { ShownOnce } from '../../shared/ShownOnce';
import { QueryView } from '../../shared/states';
import { Time } from '../../shared/Time';
import { useBacklogs } from '../people/queries';
import { deliveryCounts, deliveryOutcome, registerBody, registerFields } from './webhook-form';
import { registerWebhook, removeWebhook, useDeliveries, useRefreshWebhooks, useWebhook, useWebhooks, type Delivery, type RegisteredWebhook, type WebhookRecord } from './queries';

/**
 * Webhooks (docs/webhooks.md): the registered receivers, registering one (its signing secret shown once), the
 * deliveries of one with their outcome and attempts, removing one. Admins and product leaders manage them; auditors
 * see them. The selected webhook is in the URL (`?webhook=<id>`), so a reload or a shared link keeps it.
 */
export default function WebhooksScreen() {
  const session = useSession();
  const webhooks = useWebhooks();
  const [params] = useSearchParams();
  const selected = params.get('webhook');
  return (
    <section aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">Webhooks</h1>
      <p className="muted">
        Other tools (a chat relay, a tracker, your own service) hear about kill proposals, kills and escalations as they are recorded.
        Every delivery is signed with the webhook&rsquo;s secret and retried until the receiver answers 2xx.
      </p>
      {canManageWebhooks(session) && <RegisterWebhook />}
      <QueryView query={webhooks} what="Loading the webhooks">
        {(list) => (list.length === 0 ? <p>No webhook is registered.</p> : <WebhookTable webhooks={list} selected={selected} />)}
      </QueryView>
      {selected && <WebhookDetail key={selected} webhookId={selected} />}
    </section>
  );
}

function RegisterWebhook() {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<RegisteredWebhook | null>(null);
  const [, setParams] = useSearchParams();
  const backlogs = useBacklogs();
  const refresh = useRefreshWebhooks();
  return (
    <>
      {created && (
        <ShownOnce
          title="Webhook registered"
          label="Signing secret"
          value={created.secret}
          doneLabel="Done: the receiver has the secret"
          onDone={() => setCreated(null)}
        >
          <p>
            Store this secret with the receiver: it verifies each delivery&rsquo;s <code>X-Ledger-Signature</code> with it (see
            docs/webhooks.md). Afterwards only its last characters (<code>…{created.secretHint}</code>) are shown.
          </p>
        </ShownOnce>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={() => setOpen(true)} disabled={!backlogs.data}>
          Register a webhook
        </button>
      </div>
      {open && (
        <DecisionDialog
          title="Register a webhook"
          description={<p>Choose the events the receiver hears about; leave every backlog unticked to hear about all of them.</p>}
          fields={registerFields(backlogs.data ?? [])}
          rationale={{ name: 'rationale', label: 'Why does this receiver hear about decisions? (rationale)', hint: 'At least 10 characters; kept in the audit trail.' }}
          submitLabel="Register"
          onSubmit={(body) => registerWebhook(registerBody(body))}
          onDone={(result) => {
            const registered = result as RegisteredWebhook;
            setOpen(false);
            setCreated(registered);
            setParams({ webhook: registered.id });
            void refresh();
          }}
          onCancel={() => setOpen(false)}
        />
      )}
    </>
  );
}

function WebhookTable({ webhooks, selected }: { webhooks: WebhookRecord[]; selected: string | null }) {
  const backlogs = useBacklogs();
  const names = new Map((backlogs.data ?? []).map((b) => [b.id, b.name]));
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Registered webhooks">
      <table className="data webhooks">
        <thead>
          <tr>
            <th scope="col">Receiver</th>
            <th scope="col">Events</th>
            <th scope="col" className="wide">
              Scope
            </th>
            <th scope="col">Status</th>
            <th scope="col" className="wide">
              Registered
            </th>
            <th scope="col">
              <span className="visually-hidden">Deliveries</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {webhooks.map((w) => (
            <tr key={w.webhookId} className={w.webhookId === selected ? 'selected' : undefined} aria-current={w.webhookId === selected ? 'true' : undefined}>
              <th scope="row" className="url">
                {w.url}
                <span className="sub">secret …{w.secretHint}</span>
              </th>
              <td>
                <ul className="chips" aria-label="Events">
                  {w.events.map((e) => (
                    <li key={e} className="chip">
                      {e}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="wide">
                {w.backlogIds.length === 0 && !w.forumId ? 'every backlog' : [...w.backlogIds.map((b) => names.get(b) ?? b), ...(w.forumId ? [`forum ${w.forumId}`] : [])].join(', ')}
              </td>
              <td>
                <span className={`badge ${w.status === 'active' ? 'badge-ok' : 'badge-expired'}`}>{w.status}</span>
              </td>
              <td className="wide">
                <Time iso={w.registeredAt} />
                <span className="sub">by {w.registeredBy}</span>
              </td>
              <td>
                <Link to={`?webhook=${w.webhookId}`}>
                  Deliveries<span className="visually-hidden"> to {w.url}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WebhookDetail({ webhookId }: { webhookId: string }) {
  const session = useSession();
  const webhook = useWebhook(webhookId);
  const deliveries = useDeliveries(webhookId);
  const refresh = useRefreshWebhooks();
  const [removing, setRemoving] = useState(false);
  return (
    <section aria-labelledby="deliveries-title" className="webhook-detail">
      <QueryView query={webhook} what="Loading the webhook">
        {({ data: w, etag }) => (
          <>
            <h2 id="deliveries-title">
              Deliveries to <span className="url">{w.url}</span>
            </h2>
            <dl className="facts">
              <div>
                <dt>Status</dt>
                <dd>
                  {w.status}
                  {w.removedAt && (
                    <>
                      {' '}
                      since <Time iso={w.removedAt} />
                    </>
                  )}
                </dd>
              </div>
              <div>
                <dt>Events</dt>
                <dd>{w.events.join(', ')}</dd>
              </div>
              <div>
                <dt>Registered</dt>
                <dd>
                  <Time iso={w.registeredAt} /> by {w.registeredBy}
                </dd>
              </div>
              <div>
                <dt>Secret</dt>
                <dd>…{w.secretHint}</dd>
              </div>
            </dl>
            {canManageWebhooks(session) && w.status === 'active' && (
              <div className="actions">
                <button type="button" className="danger" onClick={() => setRemoving(true)}>
                  Remove this webhook
                </button>
              </div>
            )}
            {removing && (
              <DecisionDialog
                title="Remove the webhook"
                description={
                  <p>
                    Deliveries to <span className="url">{w.url}</span> stop; pending ones are cancelled. The deliveries so far stay in the log.
                  </p>
                }
                rationale={{ name: 'rationale', label: 'Why do deliveries stop? (rationale)', hint: 'At least 10 characters; kept in the audit trail.' }}
                submitLabel="Remove"
                onSubmit={(body) => removeWebhook(webhookId, String(body.rationale), etag)}
                onStale={() => refresh()}
                current={<p>Status now: {w.status}</p>}
                onDone={() => {
                  setRemoving(false);
                  void refresh();
                }}
                onCancel={() => setRemoving(false)}
              />
            )}
          </>
        )}
      </QueryView>
      <QueryView query={deliveries} what="Loading the deliveries">
        {(list) => (list.length === 0 ? <p>Nothing has been delivered to it yet.</p> : <DeliveryTable deliveries={list} />)}
      </QueryView>
    </section>
  );
}

const STATUS_BADGE: Record<Delivery['status'], string> = { delivered: 'badge-ok', pending: 'badge-todo', dead: 'badge-killed', cancelled: 'badge-expired' };

function DeliveryTable({ deliveries }: { deliveries: Delivery[] }) {
  return (
    <>
      <p className="muted" role="status">
        {deliveryCounts(deliveries)}. Newest first.
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Deliveries">
        <table className="data deliveries">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Outcome</th>
              <th scope="col" className="wide">
                Recorded
              </th>
              <th scope="col" className="wide">
                Attempts
              </th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.deliveryId}>
                <th scope="row">
                  {d.eventType}
                  <span className="sub">position {d.eventPosition}</span>
                </th>
                <td>
                  <span className={`badge ${STATUS_BADGE[d.status]}`}>{d.status === 'dead' ? 'given up' : d.status}</span>
                  <span className="sub">{deliveryOutcome(d)}</span>
                  {d.status === 'pending' && d.nextAttemptAt && (
                    <span className="sub">
                      next attempt <Time iso={d.nextAttemptAt} />
                    </span>
                  )}
                  {d.deliveredAt && (
                    <span className="sub">
                      at <Time iso={d.deliveredAt} />
                    </span>
                  )}
                </td>
                <td className="wide">
                  <Time iso={d.createdAt} />
                </td>
                <td className="wide">
                  {d.attemptLog.length === 0 ? (
                    '—'
                  ) : (
                    <ol className="attempts">
                      {d.attemptLog.map((a) => (
                        <li key={a.attempt}>
                          <Time iso={a.startedAt} />: {a.statusCode !== null ? `HTTP ${a.statusCode}` : a.error ?? 'no answer'} in {a.durationMs} ms
                        </li>
                      ))}
                    </ol>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
