import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, fieldErrorsOf } from '../../api/problem';
import { Field } from '../../shared/DecisionDialog';
import { rationaleProblem } from '../../shared/rationale';
import { Time } from '../../shared/Time';
import { castVote, type VoteChoice } from './queries';

const CHOICES: readonly { value: VoteChoice; label: string; means: string }[] = [
  { value: 'kill', label: 'Kill', means: 'Stop the item: it leaves the backlog.' },
  { value: 'keep', label: 'Keep', means: 'The item stays in the backlog.' },
  { value: 'abstain', label: 'Abstain', means: 'Counts for the quorum, not for kill or keep.' },
];

const REASON = { name: 'reason', label: 'Why? (reason)', type: 'textarea' as const, required: true, hint: 'At least 10 characters. Every member and auditor reads it with your vote.' };

type Notice = { kind: 'stale' } | { kind: 'closed'; closesAt: string | null } | { kind: 'done'; choice: VoteChoice } | null;

/**
 * The ballot: kill / keep / abstain with a required reason, inline on the proposal (it is the screen's main action,
 * so not behind a dialog; on a phone the choices are full-width targets). It keeps the DecisionDialog's rules: the
 * reason is required, API problems appear next to their fields, the vote carries If-Match, and when the proposal
 * changed meanwhile (412) or voting closed (PROPOSAL.VOTING_CLOSED) it says so, records nothing and shows the new state.
 * A vote cast again replaces the earlier one.
 */
export function Ballot({
  proposalId,
  etag,
  current,
  closesAt,
  onVoted,
  onStale,
}: {
  proposalId: string;
  /** The ETag of the proposal as shown (a new one after every refetch). */
  etag: string;
  /** My vote that stands, if any. */
  current: { choice: VoteChoice } | null;
  closesAt: string | null;
  onVoted: () => unknown;
  onStale: () => unknown;
}) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [choice, setChoice] = useState<VoteChoice | ''>(current?.choice ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const focus = (errs: Record<string, string>) => {
    const name = errs.choice ? 'choice' : errs.reason ? 'reason' : null;
    if (name) form.current?.querySelector<HTMLElement>(`[name="${name}"]`)?.focus();
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (choice === '') errs.choice = 'Choose kill, keep or abstain.';
    const r = rationaleProblem(reason, 'The reason');
    if (r) errs.reason = r;
    setErrors(errs);
    setNotice(null);
    if (Object.keys(errs).length) return focus(errs);
    setBusy(true);
    try {
      await castVote(proposalId, etag, { choice: choice as VoteChoice, reason: reason.trim() });
      setNotice({ kind: 'done', choice: choice as VoteChoice });
      setReason('');
      await onVoted();
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        setNotice({ kind: 'stale' });
        await onStale();
      } else if (err instanceof ApiError && err.code === 'PROPOSAL.VOTING_CLOSED') {
        setNotice({ kind: 'closed', closesAt });
        await onStale();
      } else {
        const errs2 = fieldErrorsOf(err, ['choice', 'reason']);
        setErrors(errs2);
        focus(errs2);
      }
    } finally {
      setBusy(false);
    }
  }

  const choiceError = errors.choice;
  return (
    <form ref={form} className="ballot" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{current ? 'Change your vote' : 'Your vote'}</h2>
      {notice?.kind === 'done' && (
        <p className="notice notice-ok" role="status">
          Your vote <strong>{notice.choice}</strong> is recorded. You may change it until the deadline; the last vote counts.
        </p>
      )}
      {notice?.kind === 'stale' && (
        <div className="notice notice-stale" role="alert">
          <p>
            <strong>The proposal changed while you were voting</strong> (another vote, or a change to the proposal). Your vote was
            not recorded. The page now shows the new state; check it and cast your vote again.
          </p>
        </div>
      )}
      {notice?.kind === 'closed' && (
        <p className="notice notice-error" role="alert">
          <strong>Voting has closed</strong>
          {notice.closesAt && (
            <>
              {' '}
              (the deadline was <Time iso={notice.closesAt} />)
            </>
          )}
          . Your vote was not recorded.
        </p>
      )}
      {errors[''] && (
        <p className="notice notice-error" role="alert">
          {errors['']}
        </p>
      )}
      <fieldset className={`choices${choiceError ? ' field-invalid' : ''}`} aria-describedby={choiceError ? `${id}-choice-error` : undefined}>
        <legend>
          Kill, keep or abstain?<span aria-hidden="true"> *</span>
        </legend>
        {CHOICES.map((c) => (
          <label key={c.value} className={`choice choice-${c.value}${choice === c.value ? ' choice-selected' : ''}`}>
            <input
              type="radio"
              name="choice"
              value={c.value}
              checked={choice === c.value}
              onChange={() => {
                setChoice(c.value);
                setErrors((prev) => ({ ...prev, choice: '' }));
              }}
              aria-invalid={choiceError ? true : undefined}
            />
            <span className="choice-text">
              <strong>{c.label}</strong>
              <span className="choice-means">{c.means}</span>
            </span>
          </label>
        ))}
        {choiceError && (
          <p id={`${id}-choice-error`} className="field-error" role="alert">
            {choiceError}
          </p>
        )}
      </fieldset>
      <Field id={`${id}-reason`} spec={REASON} value={reason} error={errors.reason || undefined} onChange={(v) => setReason(String(v))} />
      <button type="submit" className="primary ballot-submit" disabled={busy}>
        {busy ? 'Recording…' : current ? 'Change my vote' : 'Cast my vote'}
      </button>
    </form>
  );
}
