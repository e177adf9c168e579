/**
 * The deadline countdown (pure; unit-tested). Voting ends at `closesAt`, exclusive (the API refuses a vote at or
 * after it); the countdown floors every unit so it never promises time that is not there.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface Countdown {
  /** "3 days 4 h left", "5 h 12 min left", "4 min 30 s left", "12 s left", or "voting closed". */
  text: string;
  /** The deadline has passed (no vote is taken any more). */
  passed: boolean;
  /** Less than a day left. */
  urgent: boolean;
  /** Milliseconds left (0 once passed). */
  msLeft: number;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

export function countdown(closesAt: string, now: number): Countdown {
  const left = Date.parse(closesAt) - now;
  if (!Number.isFinite(left)) return { text: 'no deadline', passed: false, urgent: false, msLeft: 0 };
  if (left <= 0) return { text: 'voting closed', passed: true, urgent: false, msLeft: 0 };
  const days = Math.floor(left / DAY);
  const hours = Math.floor((left % DAY) / HOUR);
  const minutes = Math.floor((left % HOUR) / MINUTE);
  const seconds = Math.floor((left % MINUTE) / SECOND);
  let text: string;
  if (days > 0) text = hours > 0 ? `${plural(days, 'day')} ${hours} h left` : `${plural(days, 'day')} left`;
  else if (hours > 0) text = `${hours} h ${minutes} min left`;
  else if (minutes > 0) text = `${minutes} min ${seconds} s left`;
  else text = `${seconds} s left`;
  return { text, passed: false, urgent: left < DAY, msLeft: left };
}

/**
 * How often a countdown must re-render to stay exact to its shown unit: every second in the last hour, every
 * minute in the last day... never less often than once a minute, so it also notices the deadline passing.
 */
export function refreshEvery(msLeft: number): number {
  return msLeft > 0 && msLeft <= HOUR ? SECOND : MINUTE;
}
