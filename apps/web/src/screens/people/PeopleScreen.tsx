import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, fieldErrorsOf } from '../../api/problem';
import { canManagePeople } from '../../app/roles';
import { useSession } from '../../app/session';
import { DecisionDialog, Field } from '../../shared/DecisionDialog';
import { ShownOnce } from '../../shared/ShownOnce';
import { ErrorState, QueryView } from '../../shared/states';
import { Time } from '../../shared/Time';
import { useAuthConfig } from '../sign-in/queries';
import {
  backlogsFor,
  EMPTY_INVITE,
  EXPIRY_CHOICES,
  inviteField,
  roleLabel,
  ROLE_CHOICES,
  statusCounts,
  validateInvite,
  type InviteValues,
} from './invite-form';
import {
  invite,
  revokeInvitation,
  revokeSession,
  useBacklogs,
  useInvitations,
  useRefreshPeople,
  useSessions,
  type BacklogSummary,
  type CreatedInvitation,
  type Invitation,
  type LiveSession,
} from './queries';

const REASON = { name: 'reason', label: 'Why? (reason)', hint: 'At least 10 characters; kept in the audit trail with your name.' };

/** Admins: invite people (a one-time sign-in link with a role, backlogs and an expiry), see and revoke invitations and live sessions. */
export default function PeopleScreen() {
  const session = useSession();
  const config = useAuthConfig();
  const backlogs = useBacklogs();
  const names = new Map((backlogs.data ?? []).map((b) => [b.id, b.name]));
  const oidc = config.data?.mode === 'oidc';
  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">People</h1>
      <p className="muted">
        Who may sign in, and who is signed in now. Every invitation, sign-in, sign-out and revocation is recorded as an event for the
        auditors.
      </p>
      {config.isError && <ErrorState error={config.error} onRetry={() => void config.refetch()} />}
      {oidc ? (
        <p className="notice notice-info">
          People sign in through the identity provider <code>{config.data?.oidc?.issuer}</code>: their role and backlogs come from their
          groups there, so there are no invitations to send. Sessions can still be revoked here.
        </p>
      ) : (
        config.data && canManagePeople(session) && <InviteSection backlogs={backlogs.data ?? null} />
      )}
      <InvitationsSection names={names} hidden={oidc} />
      <SessionsSection names={names} />
    </section>
  );
}

function InviteSection({ backlogs }: { backlogs: BacklogSummary[] | null }) {
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      {created && (
        <ShownOnce
          title={`Invitation for ${created.name} created`}
          label={`Sign-in link for ${created.name}`}
          value={created.link}
          doneLabel="Done: I have sent the link"
          onDone={() => setCreated(null)}
        >
          <p>
            Send this link to {created.name} (for example by chat or e-mail). It signs them in once as <strong>{roleLabel(created.role)}</strong>{' '}
            and works until <Time iso={created.expiresAt} />.
          </p>
        </ShownOnce>
      )}
      <InviteForm backlogs={backlogs} onCreated={setCreated} />
    </section>
  );
}

const SHOWN = ['name', 'userId', 'role', 'backlogs', 'expiresInHours'];

function InviteForm({ backlogs, onCreated }: { backlogs: BacklogSummary[] | null; onCreated: (c: CreatedInvitation) => void }) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const refresh = useRefreshPeople();
  const [values, setValues] = useState<InviteValues>(EMPTY_INVITE);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<InviteValues>) => setValues((v) => ({ ...v, ...patch }));
  const reach = backlogsFor(values.role);

  const focusFirst = (errs: Record<string, string>) => {
    const first = SHOWN.find((f) => errs[f]);
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs = validateInvite(values);
    setErrors(errs);
    if (Object.keys(errs).length) return focusFirst(errs);
    setBusy(true);
    try {
      const created = await invite(values);
      onCreated(created);
      setValues(EMPTY_INVITE);
      void refresh();
    } catch (err) {
      const aliases = err instanceof ApiError ? Object.fromEntries((err.problem?.errors ?? []).map((f) => [f.field, inviteField(f.field)])) : {};
      const errs2 = fieldErrorsOf(err, SHOWN, aliases);
      setErrors(errs2);
      focusFirst(errs2);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} className="invite-form" onSubmit={submit} noValidate aria-label="Invite someone">
      {errors[''] && (
        <p className="notice notice-error" role="alert">
          {errors['']}
        </p>
      )}
      <Field
        id={`${id}-name`}
        spec={{ name: 'name', label: 'Name', type: 'text', required: true, hint: 'As the person is shown in every decision they take.' }}
        value={values.name}
        error={errors.name}
        onChange={(v) => set({ name: String(v) })}
      />
      <fieldset className={`role-choices${errors.role ? ' field-invalid' : ''}`} aria-describedby={errors.role ? `${id}-role-error` : undefined}>
        <legend>
          Role<span aria-hidden="true"> *</span>
        </legend>
        {ROLE_CHOICES.map((r) => (
          <label key={r.value} className={`role-choice${values.role === r.value ? ' role-choice-selected' : ''}`}>
            <input type="radio" name="role" value={r.value} checked={values.role === r.value} onChange={() => set({ role: r.value })} />
            <span>
              <strong>{r.label}</strong> <span className="muted">— {r.means}</span>
            </span>
          </label>
        ))}
        {errors.role && (
          <p id={`${id}-role-error`} className="field-error" role="alert">
            {errors.role}
          </p>
        )}
      </fieldset>
      {reach !== 'none' && (
        <fieldset className={`backlog-choices${errors.backlogs ? ' field-invalid' : ''}`} aria-describedby={`${id}-backlogs-hint${errors.backlogs ? ` ${id}-backlogs-error` : ''}`}>
          <legend>
            Backlogs{reach === 'required' && <span aria-hidden="true"> *</span>}
          </legend>
          <p id={`${id}-backlogs-hint`} className="hint">
            {reach === 'required' ? 'A product owner decides only on these.' : 'Optional: a stakeholder is limited to these; with none chosen, to every backlog.'}
          </p>
          {backlogs === null ? (
            <p className="muted">Loading the backlogs…</p>
          ) : backlogs.length === 0 ? (
            <p className="muted">No backlog exists yet: create one first (product leaders and admins can, through the API).</p>
          ) : (
            backlogs.map((b) => (
              <label key={b.id} className="backlog-choice">
                <input
                  type="checkbox"
                  name="backlogs"
                  value={b.id}
                  checked={values.backlogs.includes(b.id)}
                  onChange={(e) => set({ backlogs: e.target.checked ? [...values.backlogs, b.id] : values.backlogs.filter((x) => x !== b.id) })}
                />
                {b.name}
              </label>
            ))
          )}
          {errors.backlogs && (
            <p id={`${id}-backlogs-error`} className="field-error" role="alert">
              {errors.backlogs}
            </p>
          )}
        </fieldset>
      )}
      <Field
        id={`${id}-expiry`}
        spec={{
          name: 'expiresInHours',
          label: 'The link works for',
          type: 'select',
          required: true,
          options: EXPIRY_CHOICES.map((c) => ({ value: String(c.hours), label: c.label })),
          hint: 'After that it no longer signs anyone in; invite again if it was not used in time.',
        }}
        value={String(values.expiresInHours)}
        error={errors.expiresInHours}
        onChange={(v) => set({ expiresInHours: Number(v) })}
      />
      <Field
        id={`${id}-user`}
        spec={{
          name: 'userId',
          label: 'Acts as (id, optional)',
          type: 'text',
          hint: 'The id their decisions are recorded under. Empty: made from the name (Lena Novák → lena-novak). Inviting the same id again is the same person.',
        }}
        value={values.userId}
        error={errors.userId}
        onChange={(v) => set({ userId: String(v) })}
      />
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create the invitation link'}
        </button>
      </div>
    </form>
  );
}

function backlogNames(ids: readonly string[], names: Map<string, string>): string {
  return ids.length === 0 ? 'all' : ids.map((b) => names.get(b) ?? b).join(', ');
}

function InvitationsSection({ names, hidden }: { names: Map<string, string>; hidden: boolean }) {
  const session = useSession();
  const invitations = useInvitations();
  const refresh = useRefreshPeople();
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  if (hidden && (invitations.data?.length ?? 0) === 0) return null;
  return (
    <section aria-labelledby="invitations-title">
      <h2 id="invitations-title">Invitations</h2>
      <QueryView query={invitations} what="Loading the invitations">
        {(list) =>
          list.length === 0 ? (
            <p>No invitation yet.</p>
          ) : (
            <>
              <p className="muted">{statusCounts(list)}. Newest first; the links themselves are never shown again.</p>
              <div className="table-scroll" tabIndex={0} role="region" aria-label="Invitations">
                <table className="data people">
                  <thead>
                    <tr>
                      <th scope="col">Person</th>
                      <th scope="col">Role</th>
                      <th scope="col" className="wide">
                        Backlogs
                      </th>
                      <th scope="col">Status</th>
                      <th scope="col" className="wide">
                        Invited
                      </th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((i) => (
                      <tr key={i.invitationId}>
                        <th scope="row">
                          {i.name}
                          {' '}
                          <span className="sub">{i.userId}</span>
                        </th>
                        <td>{roleLabel(i.role)}</td>
                        <td className="wide">{backlogNames(i.backlogs, names)}</td>
                        <td>
                          <InvitationStatus invitation={i} />
                        </td>
                        <td className="wide">
                          <Time iso={i.createdAt} />
                          {i.invitedBy && <span className="sub"> by {i.invitedBy}</span>}
                        </td>
                        <td>
                          {i.status === 'open' && canManagePeople(session) && (
                            <button type="button" className="small danger" onClick={() => setRevoking(i)}>
                              Revoke<span className="visually-hidden"> the invitation for {i.name}</span>
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </QueryView>
      {revoking && (
        <DecisionDialog
          title={`Revoke the invitation for ${revoking.name}`}
          description={<p>The link stops working at once; nobody can sign in with it any more. Invite again to give a new one.</p>}
          rationale={REASON}
          submitLabel="Revoke the invitation"
          onSubmit={(body) => revokeInvitation(revoking.invitationId, String(body.reason))}
          onDone={() => {
            setRevoking(null);
            void refresh();
          }}
          onCancel={() => setRevoking(null)}
        />
      )}
    </section>
  );
}

function InvitationStatus({ invitation: i }: { invitation: Invitation }) {
  switch (i.status) {
    case 'open':
      return (
        <>
          <span className="badge badge-todo">open</span>
          {' '}
          <span className="sub">
            until <Time iso={i.expiresAt} />
          </span>
        </>
      );
    case 'redeemed':
      return (
        <>
          <span className="badge badge-ok">redeemed</span>
          {i.redeemedAt && (
            <span className="sub">
              {' '}
              <Time iso={i.redeemedAt} />
            </span>
          )}
        </>
      );
    case 'revoked':
      return (
        <>
          <span className="badge badge-killed">revoked</span>
          {i.revokedAt && (
            <span className="sub">
              {' '}
              <Time iso={i.revokedAt} />
            </span>
          )}
          {i.revokeReason && <span className="sub"> “{i.revokeReason}”</span>}
        </>
      );
    default:
      return (
        <>
          <span className="badge badge-expired">expired</span>
          {' '}
          <span className="sub">
            <Time iso={i.expiresAt} />
          </span>
        </>
      );
  }
}

const METHOD: Record<string, string> = { 'bootstrap-link': 'first-admin link', invitation: 'invitation link', oidc: 'identity provider' };

function SessionsSection({ names }: { names: Map<string, string> }) {
  const session = useSession();
  const sessions = useSessions();
  const refresh = useRefreshPeople();
  const [revoking, setRevoking] = useState<LiveSession | null>(null);
  const mine = revoking !== null && revoking.sessionId === session.sessionId;
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">Signed in now</h2>
      <QueryView query={sessions} what="Loading the sessions">
        {(list) =>
          list.length === 0 ? (
            <p>Nobody is signed in with a web session.</p>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-label="Live sessions">
              <table className="data people">
                <thead>
                  <tr>
                    <th scope="col">Person</th>
                    <th scope="col">Role</th>
                    <th scope="col" className="wide">
                      Backlogs
                    </th>
                    <th scope="col" className="wide">
                      Signed in with
                    </th>
                    <th scope="col">Since</th>
                    <th scope="col" className="wide">
                      Ends
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((s) => (
                    <tr key={s.sessionId}>
                      <th scope="row">
                        {s.name}
                        {' '}
                        <span className="sub">{s.userId}</span>
                        {s.sessionId === session.sessionId && <span className="chip">you, in this browser</span>}
                      </th>
                      <td>{roleLabel(s.role)}</td>
                      <td className="wide">{backlogNames(s.backlogs, names)}</td>
                      <td className="wide">{METHOD[s.method] ?? s.method}</td>
                      <td>
                        <Time iso={s.startedAt} />
                      </td>
                      <td className="wide">
                        <Time iso={s.expiresAt} />
                      </td>
                      <td>
                        {canManagePeople(session) && (
                          <button type="button" className="small danger" onClick={() => setRevoking(s)}>
                            Revoke<span className="visually-hidden"> the session of {s.name}</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
      {revoking && (
        <DecisionDialog
          title={`End the session of ${revoking.name}`}
          description={
            <p>
              {mine
                ? 'This is your own session: you will be signed out at once.'
                : `${revoking.name} is signed out at once, in every tab; to come back they need a new invitation${revoking.method === 'oidc' ? ' or a new sign-in with the provider' : ''}.`}
            </p>
          }
          rationale={REASON}
          submitLabel="End the session"
          onSubmit={(body) => revokeSession(revoking.sessionId, String(body.reason))}
          onDone={() => {
            setRevoking(null);
            void refresh();
          }}
          onCancel={() => setRevoking(null)}
        />
      )}
    </section>
  );
}
