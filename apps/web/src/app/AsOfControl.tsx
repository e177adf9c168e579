import { useEffect, useState, type FormEvent } from 'react';
import { fromLocalInput, toLocalInput } from './as-of';
import { useAsOf } from './useAsOf';
import { Time } from '../shared/Time';

/** The one "as of" control: picks an instant in the viewer's zone, keeps it in the URL as ?at= (UTC). */
export function AsOfControl() {
  const { at, setAt } = useAsOf();
  const [draft, setDraft] = useState(at ? toLocalInput(at) : '');
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setDraft(at ? toLocalInput(at) : ''), [at]);

  function apply(e: FormEvent) {
    e.preventDefault();
    if (draft === '') return setAt(null);
    const iso = fromLocalInput(draft);
    setInvalid(iso === null);
    if (iso !== null) setAt(iso);
  }

  return (
    <form className="as-of" onSubmit={apply} aria-label="Show the ledger as of a date">
      <label htmlFor="as-of-input">As of</label>
      <input
        id="as-of-input"
        type="datetime-local"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby="as-of-state"
      />
      <button type="submit">Show</button>
      {at && (
        <button type="button" onClick={() => setAt(null)}>
          Now
        </button>
      )}
      <span id="as-of-state" className="as-of-state">
        {invalid ? 'Enter a date and time.' : at ? <>As it stood on <Time iso={at} /></> : 'Now'}
      </span>
    </form>
  );
}
