import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { SIGN_IN_PATH } from '../../app/routes';
import { ErrorState, Loading } from '../../shared/states';
import { failureOf, oidcRefusal, type Refusal } from '../sign-in/link';
import { exchangeAccessToken, useAuthConfig, useStartSession, type Me, type OidcClientConfig } from '../sign-in/queries';
import { RefusalNotice } from '../sign-in/RefusalNotice';

/**
 * /app/auth/callback, outside the shell: the OpenID provider sends the browser back here with `code` and `state`.
 * The code becomes the provider's access token (oidc-client-ts, PKCE), the access token becomes the ledger's session
 * cookie (POST /auth/oidc/session), and the provider's tokens are forgotten (removeUser). Then the app, where the
 * person was headed.
 */
export default function AuthCallbackScreen() {
  const navigate = useNavigate();
  const config = useAuthConfig();
  const startSession = useStartSession();
  const [failed, setFailed] = useState<Refusal | null>(null);

  useEffect(() => {
    document.title = 'Signing in · Backlog Ledger';
  }, []);

  useEffect(() => {
    if (!config.data) return;
    const oidc = config.data.oidc;
    if (config.data.mode !== 'oidc' || !oidc) {
      setFailed({ title: 'This server does not sign in with an identity provider', detail: 'Sign in with the link from your invitation instead.' });
      return;
    }
    let live = true;
    completeOnce(window.location.href, oidc).then(
      ({ me, next }) => {
        if (!live) return;
        startSession(me);
        navigate(next, { replace: true });
      },
      (err) => live && setFailed(oidcRefusal(failureOf(err))),
    );
    return () => {
      live = false;
    };
    // The callback is processed once per URL (completeOnce); the session starter and navigate do not change it.
  }, [config.data]);

  return (
    <main id="main" className="sign-in" tabIndex={-1}>
      <h1>Signing in to Backlog Ledger</h1>
      {config.isError ? (
        <ErrorState error={config.error} onRetry={() => void config.refetch()} />
      ) : failed ? (
        <>
          <RefusalNotice refusal={failed} />
          <p>
            <Link className="button-link primary" to={SIGN_IN_PATH}>
              Try again
            </Link>
          </p>
        </>
      ) : (
        <Loading what="Completing the sign-in with your identity provider" />
      )}
    </main>
  );
}

let pending: { url: string; result: Promise<{ me: Me; next: string }> } | null = null;

/** One exchange per callback URL: the code and its state are single-use (React may run an effect twice). */
function completeOnce(url: string, oidc: OidcClientConfig): Promise<{ me: Me; next: string }> {
  if (pending?.url !== url) pending = { url, result: complete(url, oidc) };
  return pending.result;
}

async function complete(url: string, oidc: OidcClientConfig): Promise<{ me: Me; next: string }> {
  const { finishSignIn } = await import('../sign-in/oidc');
  const callback = await finishSignIn(url, oidc);
  try {
    return { me: await exchangeAccessToken(callback.accessToken), next: callback.next };
  } finally {
    await callback.forget();
  }
}
