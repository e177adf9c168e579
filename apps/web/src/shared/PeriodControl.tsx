import { useEffect, useId, useState, type FormEvent } from 'react';
import { DEFAULT_PERIOD_DAYS, fromDateInput, lastDayInput, toDateInput } from '../app/period';
import { usePeriod } from '../app/usePeriod';
import { Time } from './Time';

/**
 * The reporting period of an analytics screen (`?from=&to=` in the URL, next to `?at=`): the first and the last day,
 * in the viewer's calendar. `shown` is the period the API answered with (its defaults filled in).
 */
export function PeriodControl({ shown }: { shown?: { from: string; to: string } }) {
  const { period, setPeriod } = usePeriod();
  const id = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  useEffect(() => {
    if (shown) {
      setFrom(toDateInput(shown.from));
      setTo(lastDayInput(shown.to));
    }
  }, [shown?.from, shown?.to]);

  function apply(e: FormEvent) {
    e.preventDefault();
    const f = fromDateInput(from, 'from');
    const t = fromDateInput(to, 'to');
    if (f === null || t === null) return setInvalid('Enter both days.');
    if (Date.parse(f) >= Date.parse(t)) return setInvalid('The first day must not be after the last.');
    setInvalid(null);
    setPeriod({ from: f, to: t });
  }

  const custom = period.from !== null || period.to !== null;
  return (
    <form className="period" onSubmit={apply} aria-label="Reporting period">
      <span className="period-title">Period</span>
      <label htmlFor={`${id}-from`}>First day</label>
      <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} aria-invalid={invalid ? true : undefined} aria-describedby={`${id}-state`} />
      <label htmlFor={`${id}-to`}>Last day</label>
      <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={invalid ? true : undefined} aria-describedby={`${id}-state`} />
      <button type="submit">Apply</button>
      {custom && (
        <button type="button" onClick={() => setPeriod({ from: null, to: null })}>
          Last {DEFAULT_PERIOD_DAYS} days
        </button>
      )}
      <span id={`${id}-state`} className="period-state" role={invalid ? 'alert' : undefined}>
        {invalid ??
          (shown ? (
            <>
              <Time iso={shown.from} /> – <Time iso={shown.to} />
              {custom ? '' : ` (the ${DEFAULT_PERIOD_DAYS} days up to the instant shown)`}
            </>
          ) : null)}
      </span>
    </form>
  );
}
