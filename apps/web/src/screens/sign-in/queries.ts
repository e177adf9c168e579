import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { components } from '../../api/schema';
import { SESSION_QUERY_KEY, toSession } from '../../app/session';

export type AuthConfig = components['schemas']['AuthConfigResponseDto'];
export type OidcClientConfig = components['schemas']['OidcClientConfigDto'];
export type Me = components['schemas']['MeResponseDto'];

export const signInKeys = {
  config: ['auth-config'] as const,
  probe: ['sign-in', 'me'] as const,
};

/** GET /auth/config: embedded links or an OpenID provider; whether the first admin's link is still waiting. */
export function useAuthConfig() {
  return useQuery({
    queryKey: signInKeys.config,
    queryFn: async () => (await unwrap<AuthConfig>(api.GET('/auth/config'))).data,
    staleTime: 60_000,
  });
}

/** Who this browser is signed in as, if anyone: GET /me, and the 401's code when nobody (why the session ended). */
export type Probe = { signedIn: true; me: Me } | { signedIn: false; code: string | null };

export function useSignInProbe() {
  return useQuery<Probe>({
    queryKey: signInKeys.probe,
    queryFn: async () => {
      try {
        return { signedIn: true, me: (await unwrap<Me>(api.GET('/me'))).data };
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return { signedIn: false, code: e.code };
        throw e;
      }
    },
    retry: false,
    staleTime: 0,
  });
}

/** POST /auth/sign-in with a link's token: the session cookie is set by the answer; the person who signed in. */
export async function redeemLink(token: string): Promise<Me> {
  return (await unwrap<Me>(api.POST('/auth/sign-in', { body: { token } }))).data;
}

/** POST /auth/oidc/session: the provider's access token for the session cookie (ADR 0024). */
export async function exchangeAccessToken(accessToken: string): Promise<Me> {
  return (await unwrap<Me>(api.POST('/auth/oidc/session', { body: { accessToken } }))).data;
}

/**
 * After any sign-in: nothing cached for the previous person survives (another person may have used this browser),
 * and the shell starts with the new session instead of asking GET /me again.
 */
export function useStartSession(): (me: Me) => void {
  const client = useQueryClient();
  return (me) => {
    // Only this page's own queries are observed here; everything else was read for whoever signed in before.
    client.removeQueries({ predicate: (q) => q.getObserversCount() === 0 });
    client.setQueryData(SESSION_QUERY_KEY, toSession(me));
  };
}
