import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { OidcClientConfig } from './queries';
import { safeNext } from './link';

/**
 * Authorization Code + PKCE with the configured OpenID provider (docs/sign-in.md, ADR 0024), through oidc-client-ts.
 * Loaded on demand (`import('./oidc')`) only when the server is in OIDC mode: embedded sign-in never downloads it.
 *
 * The provider's tokens are kept in memory only (`InMemoryWebStorage` user store) and forgotten right after the
 * exchange for the session cookie; the default state store (localStorage) keeps the PKCE verifier and `state` across
 * the redirect to the provider and back, and oidc-client-ts removes that entry when the callback is processed.
 */
function userManager(oidc: OidcClientConfig): UserManager {
  return new UserManager({
    authority: oidc.issuer,
    client_id: oidc.clientId,
    redirect_uri: window.location.origin + oidc.redirectPath,
    scope: oidc.scopes,
    response_type: 'code',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    // The ledger's session replaces the provider's tokens: nothing to renew, no user info to fetch.
    automaticSilentRenew: false,
    loadUserInfo: false,
  });
}

/** Off to the provider's sign-in page; `next` (an app path) comes back in the state. */
export async function startSignIn(oidc: OidcClientConfig, next: string): Promise<void> {
  const manager = userManager(oidc);
  // Leftovers of flows that were abandoned at the provider.
  await manager.clearStaleState().catch(() => undefined);
  await manager.signinRedirect({ state: { next } });
}

export interface Callback {
  accessToken: string;
  next: string;
  /** Forget the provider's tokens (`removeUser()`); call once the exchange is done, whatever its outcome. */
  forget: () => Promise<void>;
}

/**
 * On /app/auth/callback: checks `state`, redeems the code with the PKCE verifier at the provider's token endpoint,
 * and takes the code out of the address bar. Throws the provider's ErrorResponse when it redirected with an error.
 */
export async function finishSignIn(url: string, oidc: OidcClientConfig): Promise<Callback> {
  const manager = userManager(oidc);
  try {
    const user = await manager.signinCallback(url);
    if (!user) throw new Error('The provider sent no sign-in back');
    const state = user.state as { next?: unknown } | undefined;
    return { accessToken: user.access_token, next: safeNext(typeof state?.next === 'string' ? state.next : null), forget: () => manager.removeUser() };
  } finally {
    // The code is single-use and useless now; still, it does not stay in the address bar or the history.
    window.history.replaceState(window.history.state, '', window.location.pathname);
  }
}
