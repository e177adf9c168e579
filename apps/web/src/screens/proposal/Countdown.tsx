import { useEffect, useState } from 'react';
import { Time } from '../../shared/Time';
import { countdown, refreshEvery } from './countdown';

/** The current instant, re-read every `everyMs` (one timer per caller: a list keeps one for all its rows). */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** The interval the soonest of these deadlines needs (see refreshEvery). */
export function refreshFor(closesAts: readonly (string | null)[], now: number): number {
  const left = closesAts.filter((c): c is string => c !== null).map((c) => Date.parse(c) - now).filter((ms) => ms > 0);
  return left.length ? refreshEvery(Math.min(...left)) : 60_000;
}

/**
 * A deadline with its live countdown: the instant in the viewer's zone (UTC on hover) and the time left. The text
 * is not a live region (it would announce itself every second); screen readers read it where it stands.
 */
export function Deadline({ closesAt, now, withDate = true }: { closesAt: string; now: number; withDate?: boolean }) {
  const c = countdown(closesAt, now);
  return (
    <span className={`deadline${c.urgent ? ' deadline-urgent' : ''}${c.passed ? ' deadline-passed' : ''}`}>
      {withDate && (
        <>
          <Time iso={closesAt} />{' '}
        </>
      )}
      <span className="countdown">{withDate ? `(${c.text})` : c.text}</span>
    </span>
  );
}
