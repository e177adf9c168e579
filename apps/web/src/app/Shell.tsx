import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, NavLink, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { api, onUnauthorized, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import { ErrorState, Loading } from '../shared/states';
import { Time } from '../shared/Time';
import { hrefWithAt, parseAt } from './as-of';
import { AsOfControl } from './AsOfControl';
import { navFor } from './nav';
import { mayOpen, SIGN_IN_PATH, type ScreenRoute } from './routes';
import { fetchSession, SESSION_QUERY_KEY, SessionContext } from './session';

const ROLE_LABEL: Record<string, string> = {
  admin: 'Admin',
  'product-leader': 'Product leader',
  'product-owner': 'Product owner',
  stakeholder: 'Stakeholder',
  'forum-member': 'Forum member',
  auditor: 'Auditor',
};

/** The frame of every signed-in screen: header, navigation by role, the "as of" control, the screen. */
export function Shell() {
  const navigate = useNavigate();
  const location = useLocation();
  const session = useQuery({ queryKey: SESSION_QUERY_KEY, queryFn: fetchSession, retry: false, staleTime: Infinity });
  const route = useMatches().at(-1)?.handle as ScreenRoute | undefined;
  const at = parseAt(location.search);

  useEffect(() => {
    onUnauthorized(() => navigate(`${SIGN_IN_PATH}?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true }));
    // Outside the shell (the sign-in pages ask GET /me themselves) a 401 sends nobody anywhere.
    return () => onUnauthorized(() => {});
  }, [navigate, location.pathname, location.search]);

  useEffect(() => {
    document.title = route ? `${route.title} · Backlog Ledger` : 'Backlog Ledger';
  }, [route]);

  if (session.isPending) return <Loading what="Signing in" />;
  if (session.isError) {
    if (session.error instanceof ApiError && session.error.status === 401) {
      return <Navigate to={`${SIGN_IN_PATH}?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
    }
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  }
  const me = session.data;

  return (
    <SessionContext.Provider value={me}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to={hrefWithAt('/', at)} className="brand">
          Backlog Ledger
        </Link>
        <nav aria-label="Main">
          <ul>
            {navFor(me).map((e) => (
              <li key={e.to}>
                <NavLink to={hrefWithAt(e.to, at)} end={e.to === '/'}>
                  {e.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {route?.asOf && <AsOfControl />}
        <div className="account">
          <p className="who" aria-label="Signed in as">
            <span className="who-name">{me.name ?? me.sub}</span> <span className="role-badge">{ROLE_LABEL[me.role] ?? me.role}</span>
            {me.expiresAt && (
              <span className="session-ends">
                {' '}
                session until <Time iso={me.expiresAt} />
              </span>
            )}
          </p>
          <SignOut />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {at && route?.asOf && (
          <p className="as-of-banner" role="status">
            You are looking at the past. Decisions are taken on the present: choose <strong>Now</strong> to take one.
          </p>
        )}
        {route && !mayOpen(route, me.role) ? (
          <ErrorState error={new Error(`The ${route.title} screen is not available to the ${ROLE_LABEL[me.role]} role.`)} />
        ) : (
          <Outlet />
        )}
      </main>
    </SessionContext.Provider>
  );
}

/** POST /auth/sign-out (ends the session, clears the cookie), then the sign-in page, forgetting everything cached. */
function SignOut() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    setFailed(null);
    try {
      await unwrap(api.POST('/auth/sign-out'));
      await navigate(`${SIGN_IN_PATH}?signed-out`, { replace: true });
      // The shell and its screens are gone: nothing the signed-out person read stays in memory.
      client.removeQueries({ predicate: (q) => q.getObserversCount() === 0 });
    } catch (e) {
      setFailed(`Signing out failed: ${e instanceof Error ? e.message : String(e)}. You are still signed in; try again.`);
      setBusy(false);
    }
  }
  return (
    <div className="sign-out">
      <button type="button" className="small" onClick={() => void signOut()} disabled={busy}>
        Sign out
      </button>
      {failed && (
        <p className="field-error" role="alert">
          {failed}
        </p>
      )}
    </div>
  );
}

export function NotFound() {
  return <ErrorState error={new ApiError(404, { type: '', title: 'Not Found', status: 404, code: 'ROUTE.NOT_FOUND', detail: 'There is no such page in the app.' }, null)} />;
}
