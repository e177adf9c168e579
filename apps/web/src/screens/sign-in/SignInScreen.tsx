import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ErrorState, Loading } from '../../shared/states';
import { Time } from '../../shared/Time';
import { failureOf, linkRefusal, safeNext, sessionEnded, tokenFromHash, type LinkKind, type Refusal } from './link';
import { RefusalNotice } from './RefusalNotice';
import { redeemLink, useAuthConfig, useSignInProbe, useStartSession, type AuthConfig, type Probe } from './queries';

type LinkState = { phase: 'none' } | { phase: 'signing-in'; kind: LinkKind } | { phase: 'refused'; refusal: Refusal } | { phase: 'malformed' };

/**
 * /app/sign-in, outside the shell. Embedded mode: a sign-in link (`#token=…`, an invitation or the first admin's
 * link) is taken out of the address bar, then redeemed; without one the page says how to get one. OIDC mode: a
 * button starts Authorization Code + PKCE with the provider (./oidc, loaded on demand). A 401 anywhere in the app
 * lands here with `?next=` (where to go back) and GET /me's code says why the session ended.
 */
export default function SignInScreen() {
  const location = useLocation();
  const navigate = useNavigate();
  const params = new URLSearchParams(location.search);
  const next = safeNext(params.get('next'));
  const signedOut = params.has('signed-out');
  const startSession = useStartSession();
  const [link, setLink] = useState<LinkState>({ phase: 'none' });

  useEffect(() => {
    document.title = 'Sign in · Backlog Ledger';
  }, []);

  useEffect(() => {
    function take() {
      const found = tokenFromHash(window.location.hash);
      if (found.token === null && !found.malformed) return;
      // The secret leaves the address bar (and this history entry) before it is sent anywhere.
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
      if (found.token === null) return setLink({ phase: 'malformed' });
      setLink({ phase: 'signing-in', kind: found.kind });
      redeemLink(found.token).then(
        (me) => {
          startSession(me);
          navigate(safeNext(new URLSearchParams(window.location.search).get('next')), { replace: true });
        },
        (err) => setLink({ phase: 'refused', refusal: linkRefusal(failureOf(err), found.kind) }),
      );
    }
    take();
    // A link opened while this page is showing changes only the fragment: the page is not loaded again.
    window.addEventListener('hashchange', take);
    return () => window.removeEventListener('hashchange', take);
    // On arrival and on each new fragment; the link is single-use and its fragment is gone once taken.
  }, []);

  return (
    <main id="main" className="sign-in" tabIndex={-1}>
      <h1>Sign in to Backlog Ledger</h1>
      {link.phase === 'signing-in' ? (
        <Loading what={link.kind === 'first-admin' ? 'Signing you in as the first admin' : 'Signing you in'} />
      ) : (
        <>
          {link.phase === 'refused' && <RefusalNotice refusal={link.refusal} />}
          {link.phase === 'malformed' && (
            <RefusalNotice
              refusal={{
                title: 'This is not a complete sign-in link',
                detail: 'The link was probably cut when it was copied. Open the whole link from your invitation, or ask an admin for a new one.',
              }}
            />
          )}
          <SignInOptions next={next} signedOut={signedOut} afterLink={link.phase !== 'none'} />
        </>
      )}
    </main>
  );
}

function SignInOptions({ next, signedOut, afterLink }: { next: string; signedOut: boolean; afterLink: boolean }) {
  const config = useAuthConfig();
  const probe = useSignInProbe();
  if (config.isPending || probe.isPending) return <Loading what="Checking how to sign you in" />;
  if (config.isError) return <ErrorState error={config.error} onRetry={() => void config.refetch()} />;
  return (
    <>
      {!afterLink && <WhyHere probe={probe.data} signedOut={signedOut} next={next} />}
      {config.data.mode === 'oidc' && config.data.oidc ? <OidcSignIn config={config.data} next={next} /> : <EmbeddedSignIn config={config.data} />}
      <p className="muted">
        A session lasts {sessionLength(config.data.sessionTtlMinutes)}; after that, sign in again.
      </p>
    </>
  );
}

/** Already signed in (then: continue), or why the session ended (revoked, expired, signed out). */
function WhyHere({ probe, signedOut, next }: { probe: Probe | undefined; signedOut: boolean; next: string }) {
  if (probe?.signedIn) {
    return (
      <div className="notice notice-ok" role="status">
        <p>
          You are signed in as <strong>{probe.me.name}</strong> until <Time iso={probe.me.expiresAt} />.
        </p>
        <p>
          <Link className="button-link primary" to={next}>
            Continue to Backlog Ledger
          </Link>
        </p>
      </div>
    );
  }
  const why = sessionEnded(probe?.code ?? null, signedOut);
  if (why) {
    return (
      <p className="notice notice-info" role="status">
        {why}
      </p>
    );
  }
  return <p>You are not signed in{next !== '/' ? ': sign in to open the page you asked for' : ''}.</p>;
}

function EmbeddedSignIn({ config }: { config: AuthConfig }) {
  return (
    <section aria-labelledby="how-title" className="sign-in-how">
      <h2 id="how-title">How to sign in</h2>
      <p>
        Backlog Ledger signs people in with a <strong>one-time sign-in link</strong>. Open the link from your invitation in this
        browser: it signs you in once, with the role and backlogs the admin chose for you. No link, or it no longer works? Ask an
        admin to invite you.
      </p>
      {config.firstAdminPending && (
        <div className="notice notice-todo" role="note" aria-labelledby="first-admin-title">
          <p id="first-admin-title">
            <strong>No admin has signed in yet.</strong>
          </p>
          <p>
            The first admin&rsquo;s link was printed by <code>npm start</code> in the terminal where the server runs, after{' '}
            <q>first admin:</q>. It works once; every start of the server prints a new one. The first admin then invites everyone else
            from the People screen.
          </p>
        </div>
      )}
    </section>
  );
}

function OidcSignIn({ config, next }: { config: AuthConfig; next: string }) {
  const oidc = config.oidc!;
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<Refusal | null>(null);
  const provider = hostOf(oidc.issuer);
  async function start() {
    setBusy(true);
    setFailed(null);
    try {
      const { startSignIn } = await import('./oidc');
      await startSignIn(oidc, next);
    } catch (e) {
      const f = failureOf(e);
      setFailed({ title: 'The identity provider cannot be reached', detail: `${f.detail ?? 'No answer'}. Try again in a moment, or ask your administrator.` });
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="how-title" className="sign-in-how">
      <h2 id="how-title">Sign in with your organisation&rsquo;s account</h2>
      <p>
        Backlog Ledger signs you in through your identity provider (<code>{provider}</code>); your role and backlogs come from your
        groups there.
      </p>
      {failed && <RefusalNotice refusal={failed} />}
      <p>
        <button type="button" className="primary sign-in-button" onClick={() => void start()} disabled={busy}>
          {busy ? 'Opening the provider…' : `Sign in with ${provider}`}
        </button>
      </p>
    </section>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function sessionLength(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? '' : 's'}`;
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `${minutes} minutes`;
}
