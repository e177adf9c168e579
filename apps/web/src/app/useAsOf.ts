import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { parseAt, withAt } from './as-of';

/** The "as of" instant of the current URL (null = now) and a setter that keeps the rest of the URL. */
export function useAsOf(): { at: string | null; setAt: (at: string | null) => void } {
  const location = useLocation();
  const navigate = useNavigate();
  const at = parseAt(location.search);
  const setAt = useCallback(
    (next: string | null) => navigate({ pathname: location.pathname, search: withAt(location.search, next) }),
    [navigate, location.pathname, location.search],
  );
  return { at, setAt };
}
