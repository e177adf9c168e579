import { createContext, useContext } from 'react';
import { ApiError } from '../api/problem';
import { ROLES, type Role, type Session } from './roles';

/**
 * Who is signed in. The one place the app learns it: today from the interim `GET /app/session` (the API's view of
 * the session cookie); when GET /me lands, this function becomes
 * `toSession((await unwrap(api.GET('/me'))).data)` and nothing else changes (ADR 0021; `Me` carries sub, name,
 * role, backlogs).
 */
export async function fetchSession(): Promise<Session> {
  const response = await fetch('/app/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw ApiError.from(response, body);
  return toSession(body);
}

export function toSession(body: unknown): Session {
  const b = body as { sub?: unknown; name?: unknown; role?: unknown; backlogs?: unknown };
  if (typeof b?.sub !== 'string' || !ROLES.includes(b.role as Role)) throw new Error('the session answer is not a person with a role');
  return {
    sub: b.sub,
    ...(typeof b.name === 'string' && b.name.trim() !== '' ? { name: b.name } : {}),
    role: b.role as Role,
    backlogs: Array.isArray(b.backlogs) ? b.backlogs.filter((x): x is string => typeof x === 'string') : [],
  };
}

export const SESSION_QUERY_KEY = ['session'] as const;

export const SessionContext = createContext<Session | null>(null);

/** The signed-in person; only inside the shell (which loads it before rendering a screen). */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the app shell');
  return s;
}
