import { ApiError } from '../../api/problem';

/**
 * The sign-in page's logic (pure; unit-tested): the token in a sign-in link's fragment, where to go afterwards, and
 * what each refusal means for the person holding the link (docs/sign-in.md, ADR 0023).
 */

/** The API refuses longer tokens (SignInRequestDto); a longer fragment is not one of our links. */
export const TOKEN_MAX = 200;

/** The kinds of sign-in link the server hands out, by the token's prefix (apps/api/src/sign-in/first-admin-link.ts). */
export type LinkKind = 'first-admin' | 'invitation' | 'unknown';

export type FragmentToken = { token: string; kind: LinkKind } | { token: null; malformed: boolean };

/**
 * The `#token=…` of a sign-in link (`/app/sign-in#token=inv_…`). `malformed` when the fragment names a token that
 * cannot be one (empty, too long, spaces), so the page can say the link was cut or mistyped instead of posting it.
 */
export function tokenFromHash(hash: string): FragmentToken {
  const fragment = hash.replace(/^#/, '');
  if (fragment === '') return { token: null, malformed: false };
  const params = new URLSearchParams(fragment);
  if (!params.has('token')) return { token: null, malformed: false };
  const token = (params.get('token') ?? '').trim();
  if (token === '' || token.length > TOKEN_MAX || /\s/.test(token)) return { token: null, malformed: true };
  return { token, kind: linkKind(token) };
}

export function linkKind(token: string): LinkKind {
  if (token.startsWith('boot_')) return 'first-admin';
  if (token.startsWith('inv_')) return 'invitation';
  return 'unknown';
}

const OUTSIDE_THE_SHELL = ['/sign-in', '/auth/callback'];

/**
 * Where to go after signing in: the app path the person was headed to (`?next=`, relative to /app), else the
 * portfolio. Only paths inside the app: no scheme, no other host (`//evil`, `/\evil`), not the sign-in pages.
 */
export function safeNext(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f]/.test(raw)) return '/';
  let path = raw;
  // A full app path (/app/backlogs/…) also works: the router's basename is /app.
  if (path === '/app' || path.startsWith('/app/') || path.startsWith('/app?')) path = path.slice(4) || '/';
  if (!path.startsWith('/')) path = `/${path}`;
  const pathname = path.split(/[?#]/)[0];
  if (OUTSIDE_THE_SHELL.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return '/';
  return path;
}

/** "45 seconds", "1 minute", "15 minutes" (rounded up: never promise less waiting than the server asks). */
export function waitText(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 90) return `${s} second${s === 1 ? '' : 's'}`;
  const m = Math.ceil(s / 60);
  return `${m} minute${m === 1 ? '' : 's'}`;
}

export interface Refusal {
  /** Short, shown as the notice's heading. */
  title: string;
  /** What happened and what to do next. */
  detail: string;
}

/** A failed POST /auth/sign-in, as the API answered it (status, problem code, Retry-After). */
export interface SignInFailure {
  status: number;
  code: string | null;
  detail?: string | null;
  retryAfterSeconds?: number | null;
}

/** What a refused sign-in link means, in the words of the person who opened it. */
export function linkRefusal(f: SignInFailure, kind: LinkKind): Refusal {
  if (f.status === 429 || f.code === 'SIGN_IN.TOO_MANY_ATTEMPTS') {
    const wait = f.retryAfterSeconds ? waitText(f.retryAfterSeconds) : 'a few minutes';
    return {
      title: 'Too many failed sign-in attempts',
      detail: `Too many sign-in links that did not work came from your network address. Wait ${wait}, then open your link again.`,
    };
  }
  if (f.code === 'SIGN_IN.LINK_EXPIRED') {
    return {
      title: 'This sign-in link has expired',
      detail: 'Invitation links work only until the date the admin chose. Ask the admin who invited you for a new invitation.',
    };
  }
  if (f.code === 'SIGN_IN.LINK_INVALID') {
    return kind === 'first-admin'
      ? {
          title: 'This first-admin link no longer works',
          detail:
            'The first admin’s link works once, and every start of the server replaces it with a new one. Use the link the server printed at its last start; once an admin has signed in, ask that admin for an invitation.',
        }
      : {
          title: 'This sign-in link does not work',
          detail:
            'It has already been used, was revoked, or was copied incompletely. Each link signs in once. Ask an admin for a new invitation.',
        };
  }
  if (f.status === 0) return { title: 'The server could not be reached', detail: 'Check your connection, then open your link again.' };
  return { title: 'Signing in failed', detail: f.detail ? `The server said: ${f.detail}` : `The server answered ${f.status}. Open your link again, or ask an admin.` };
}

/** Why the person is on the sign-in page, from the 401 that GET /me answers (null: nothing worth saying). */
export function sessionEnded(code: string | null, signedOut: boolean): string | null {
  if (signedOut) return 'You have signed out.';
  switch (code) {
    case 'AUTH.SESSION_REVOKED':
      return 'An admin ended your session. Sign in again to continue.';
    case 'AUTH.SESSION_EXPIRED':
      return 'Your session has expired. Sign in again to continue.';
    case 'AUTH.SESSION_SIGNED_OUT':
      return 'This browser’s session was signed out. Sign in again to continue.';
    case 'AUTH.TOKEN_EXPIRED':
      return 'Your sign-in has expired. Sign in again to continue.';
    case 'AUTH.TOKEN_INVALID':
      return 'Your sign-in is no longer valid. Sign in again to continue.';
    default:
      return null;
  }
}

/** A failed OIDC exchange (POST /auth/oidc/session) or provider redirect, for the callback page. */
export function oidcRefusal(f: SignInFailure & { providerError?: string | null }): Refusal {
  if (f.providerError === 'access_denied') {
    return { title: 'Sign-in was cancelled', detail: 'The identity provider did not sign you in (cancelled or refused). Try again.' };
  }
  if (f.providerError) {
    return { title: 'The identity provider refused the sign-in', detail: `It said: ${f.providerError}${f.detail ? ` (${f.detail})` : ''}. Try again, or ask your administrator.` };
  }
  if (f.code === 'AUTH.NO_ROLE') {
    return {
      title: 'Your account has no role in Backlog Ledger',
      detail: `The identity provider signed you in, but none of your groups maps to a ledger role. Ask your administrator to give you one.${f.detail ? ` (${f.detail})` : ''}`,
    };
  }
  if (f.status === 429) return linkRefusal(f, 'unknown');
  if (f.code === 'AUTH.PROVIDER_UNAVAILABLE' || f.status === 503) {
    return { title: 'The identity provider cannot be reached', detail: 'Backlog Ledger could not check your sign-in with the provider. Try again in a moment.' };
  }
  if (f.code === 'AUTH.TOKEN_INVALID' || f.code === 'AUTH.TOKEN_EXPIRED') {
    return { title: 'The provider’s sign-in was not accepted', detail: `Backlog Ledger refused the token the provider issued${f.detail ? `: ${f.detail}` : ''}. Try again; if it keeps failing, ask your administrator.` };
  }
  if (f.status === 0) {
    return { title: 'The sign-in did not complete', detail: f.detail ? `${f.detail}. Start again from the sign-in page.` : 'Start again from the sign-in page.' };
  }
  return { title: 'Signing in failed', detail: f.detail ? `The server said: ${f.detail}` : `The server answered ${f.status}.` };
}

/**
 * Any error of a sign-in step as a SignInFailure: the API's problem (status, code, Retry-After), the provider's
 * redirect error (oidc-client-ts's ErrorResponse: `error`, `error_description`; duck-typed so this module does not
 * load oidc-client-ts), or anything else (a network failure, a callback without its state) as status 0.
 */
export function failureOf(err: unknown): SignInFailure & { providerError?: string | null } {
  if (err instanceof ApiError) return { status: err.status, code: err.code, detail: err.problem?.detail ?? null, retryAfterSeconds: err.retryAfterSeconds };
  const e = err as { name?: unknown; error?: unknown; error_description?: unknown; message?: unknown } | null;
  if (e && e.name === 'ErrorResponse' && typeof e.error === 'string') {
    return { status: 0, code: null, providerError: e.error, detail: typeof e.error_description === 'string' ? e.error_description : null };
  }
  return { status: 0, code: null, detail: typeof e?.message === 'string' ? e.message : String(err) };
}
