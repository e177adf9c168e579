import { AsOfLink } from '../../shared/AsOfLink';
import { describeInputs, formatScore, INPUT_LABEL, inputsOf, MODEL_FORMULA, MODEL_LABEL, scoreAsOf, SCORE_INPUT_NAMES, type FrozenScore, type ScoringModel } from '../../shared/score';
import { Time } from '../../shared/Time';
import type { HistoryEntry, ItemView, ScoreCheck } from './queries';

/**
 * The item's score (ADR 0033). Now: the backlog's model, the item's inputs, the score its latest decision froze.
 * As of an instant: the score the latest decision up to then froze, with the inputs and the model it froze — never
 * recomputed (a later change of model or inputs does not rewrite it).
 */
export function ScoreSection({ item, model, entries, at }: { item: ItemView; model: ScoringModel | undefined; entries: readonly HistoryEntry[] | undefined; at: string | null }) {
  if (at !== null) {
    const then = entries ? scoreAsOf(entries, at) : null;
    const decidedAt = then && entries?.find((e) => e.eventId === then.eventId)?.occurredAt;
    return (
      <section aria-labelledby="score-title" className="score-now" data-score={then?.score ?? ''}>
        <h2 id="score-title">Score as it stood</h2>
        {!entries ? (
          <p className="muted">Loading the timeline…</p>
        ) : !then ? (
          <p className="muted">No decision up to then froze a score.</p>
        ) : (
          <FrozenFacts
            scoring={then}
            caption={
              <>
                frozen by the decision of {decidedAt && <Time iso={decidedAt} />} (<AsOfLink to={`/items/${item.id}#event-${then.eventId}`}>on the timeline</AsOfLink>)
              </>
            }
          />
        )}
      </section>
    );
  }
  const s = item.scoring;
  const now = model ?? s?.model ?? 'none';
  const carried = SCORE_INPUT_NAMES.filter((n) => item.scoreInputs[n] !== undefined && item.scoreInputs[n] !== null);
  if (now === 'none' && carried.length === 0 && (!s || s.model === 'none')) {
    return (
      <p className="muted score-now" data-score="">
        Not scored: the backlog has no scoring model (its policy can name RICE, WSJF or value / effort).
      </p>
    );
  }
  return (
    <section aria-labelledby="score-title" className="score-now" data-score={s?.score ?? ''}>
      <h2 id="score-title">Score</h2>
      <dl className="score-facts">
        <div>
          <dt>Scoring model</dt>
          <dd data-figure="model">
            {MODEL_LABEL[now]} <span className="sub">{MODEL_FORMULA[now]}</span>
          </dd>
        </div>
        <div>
          <dt>Score</dt>
          <dd data-figure="score">{s ? formatScore(s.score) : '—'}</dd>
        </div>
        <div>
          <dt>Inputs now</dt>
          <dd data-figure="inputs">{carried.length === 0 ? 'none given' : carried.map((n) => `${INPUT_LABEL[n]} ${item.scoreInputs[n]}`).join(' · ')}</dd>
        </div>
      </dl>
      {s && s.model !== now && (
        <p className="muted">
          Its latest decision froze it under {MODEL_LABEL[s.model]}; the backlog now scores with {MODEL_LABEL[now]}: the next decision on it freezes a {MODEL_LABEL[now]} score.
        </p>
      )}
      {now !== 'none' && s?.score === null && (
        <p className="muted">No score: {inputsOf(now).filter((n) => item.scoreInputs[n] === undefined || item.scoreInputs[n] === null).map((n) => INPUT_LABEL[n].toLowerCase()).join(', ') || 'an input'} missing.</p>
      )}
    </section>
  );
}

function FrozenFacts({ scoring, caption }: { scoring: FrozenScore; caption: React.ReactNode }) {
  return (
    <dl className="score-facts">
      <div>
        <dt>Scoring model</dt>
        <dd data-figure="model">{MODEL_LABEL[scoring.model]}</dd>
      </div>
      <div>
        <dt>Score</dt>
        <dd data-figure="score">{formatScore(scoring.score)}</dd>
      </div>
      <div>
        <dt>Inputs</dt>
        <dd data-figure="inputs">{describeInputs(scoring.model, scoring.inputs) || '—'}</dd>
      </div>
      <div>
        <dt>Frozen</dt>
        <dd>{caption}</dd>
      </div>
    </dl>
  );
}

/** The score one decision froze, on its timeline entry; for a move, whether it went against the score. */
export function EntryScore({ scoring, scoreCheck }: { scoring: FrozenScore | null; scoreCheck: ScoreCheck | null }) {
  if (!scoring) return null;
  return (
    <>
      <p className="entry-score" data-score={scoring.score ?? ''}>
        <span className="muted">Score as decided:</span>{' '}
        {scoring.model === 'none' ? (
          <>no scoring model</>
        ) : (
          <>
            <strong>{formatScore(scoring.score)}</strong> {MODEL_LABEL[scoring.model]}
            <span className="sub">{describeInputs(scoring.model, scoring.inputs)}</span>
          </>
        )}
      </p>
      {scoreCheck && scoreCheck.count > 0 && (
        <p className="entry-against">
          <span className="chip">against the score</span> placed above {scoreCheck.count} open item{scoreCheck.count === 1 ? '' : 's'} scored more than{' '}
          {Math.round(scoreCheck.scoreMargin * 100)} % higher:{' '}
          {scoreCheck.items.map((j, i) => (
            <span key={j.itemId}>
              {i > 0 && ', '}
              <AsOfLink to={`/items/${j.itemId}`} label={`score ${formatScore(j.score)}: an item it was placed above`}>
                score {formatScore(j.score)}
              </AsOfLink>
            </span>
          ))}
        </p>
      )}
    </>
  );
}
