import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { parsePeriod, withPeriod, type Period } from './period';

/** The reporting period of the current URL (`?from=&to=`; null parts = the API's defaults) and a setter. */
export function usePeriod(): { period: Period; setPeriod: (p: Period) => void } {
  const location = useLocation();
  const navigate = useNavigate();
  const period = parsePeriod(location.search);
  const setPeriod = useCallback(
    (next: Period) => navigate({ pathname: location.pathname, search: withPeriod(location.search, next) }),
    [navigate, location.pathname, location.search],
  );
  return { period, setPeriod };
}
