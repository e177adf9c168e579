import { createContext, useContext } from 'react';
import { api, unwrap } from '../api/client';
import { ROLES, type Role, type Session } from './roles';

/** Who is signed in: GET /me, the one place the app learns it (role, backlogs and name come from the API). */
export async function fetchSession(): Promise<Session> {
  return toSession((await unwrap(api.GET('/me'))).data);
}

export function toSession(body: unknown): Session {
  const b = body as { sub?: unknown; name?: unknown; role?: unknown; backlogs?: unknown; expiresAt?: unknown; sessionId?: unknown };
  if (typeof b?.sub !== 'string' || !ROLES.includes(b.role as Role)) throw new Error('the session answer is not a person with a role');
  return {
    sub: b.sub,
    ...(typeof b.name === 'string' && b.name.trim() !== '' ? { name: b.name } : {}),
    role: b.role as Role,
    backlogs: Array.isArray(b.backlogs) ? b.backlogs.filter((x): x is string => typeof x === 'string') : [],
    ...(typeof b.expiresAt === 'string' && !Number.isNaN(Date.parse(b.expiresAt)) ? { expiresAt: b.expiresAt } : {}),
    ...(typeof b.sessionId === 'string' ? { sessionId: b.sessionId } : {}),
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
