import { useId } from 'react';
import { describeTally, quorumProgress, tallyParts, tallyTotal, type Rule, type Tally, type TallyPart } from './tally';

/**
 * The tally bar: kill / keep / abstain / not voted as parts of the forum's members. Drawn in SVG (the CSP forbids
 * inline styles, so no CSS widths), told apart by fill pattern as well as colour, and always with its text
 * equivalent next to it (the legend: label and count of each part). The parts come from `tallyParts`.
 */
export function TallyBar({ tally }: { tally: Tally }) {
  // An id usable in url(#…): React's ids carry characters outside [A-Za-z0-9_-].
  const id = `tally${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const parts = tallyParts(tally);
  const total = tallyTotal(parts);
  let x = 0;
  return (
    <div className="tally">
      <svg className="tally-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <Patterns id={id} />
        <rect className="tally-track" x="0" y="0" width="100" height="10" />
        {total > 0 &&
          parts.map((p) => {
            const w = (p.count / total) * 100;
            const rect = w > 0 ? <rect key={p.key} className={`tally-part tally-part-${p.key}`} x={x} y="0" width={w} height="10" fill={fillOf(id, p)} /> : null;
            x += w;
            return rect;
          })}
      </svg>
      <ul className="tally-legend" aria-label={`Tally: ${describeTally(tally)}`}>
        {parts.map((p) => (
          <li key={p.key} className={`tally-legend-${p.key}`}>
            <svg className="swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
              <rect className={`tally-part tally-part-${p.key}`} x="0.5" y="0.5" width="9" height="9" fill={fillOf(id, p)} />
            </svg>
            {p.label} <strong className="tally-count">{p.count}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Patterns that tell the parts apart without colour: keep striped, abstain dotted (kill solid, not voted empty). The
 * patterned parts get their fill as an attribute, so no CSS rule may set a fill on them (CSS beats SVG attributes).
 */
function Patterns({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-keep`} width="3" height="3" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect className="pattern-keep" width="3" height="3" />
        <rect className="pattern-mark" width="1" height="3" />
      </pattern>
      <pattern id={`${id}-abstain`} width="3" height="3" patternUnits="userSpaceOnUse">
        <rect className="pattern-abstain" width="3" height="3" />
        <circle className="pattern-mark" cx="1.5" cy="1.5" r="0.6" />
      </pattern>
    </defs>
  );
}

const fillOf = (id: string, p: TallyPart): string | undefined => (p.key === 'keep' || p.key === 'abstain' ? `url(#${id}-${p.key})` : undefined);

/** Quorum progress: "Quorum: 3 of 5 needed" with a progress bar, and what is missing. */
export function QuorumProgress({ tally, rule }: { tally: Tally; rule: Rule }) {
  const q = quorumProgress(tally, rule);
  return (
    <p className={`quorum${q.reached ? ' quorum-reached' : ''}`}>
      <progress value={Math.min(q.cast, q.needed)} max={q.needed} aria-label="Quorum progress" />{' '}
      <span>
        Quorum: <strong>{q.text}</strong>
        {q.reached ? ' — reached' : ` — ${q.missing} more vote${q.missing === 1 ? '' : 's'} needed`}
        {q.unreachable && <> (only {tally.members} member{tally.members === 1 ? '' : 's'}: it cannot be reached unless members join)</>}
      </span>
    </p>
  );
}
