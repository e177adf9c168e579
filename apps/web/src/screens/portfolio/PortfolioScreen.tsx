import { useAsOf } from '../../app/useAsOf';
import { AsOfLink } from '../../shared/AsOfLink';
import { useDataMark } from '../../shared/data-mark';
import { QueryView } from '../../shared/states';
import { Time } from '../../shared/Time';
import { useBacklogSummaries, usePortfolio, type Portfolio, type PortfolioRow } from './queries';

const VERDICT: Record<PortfolioRow['verdict'], string> = {
  'too-small': 'too small',
  healthy: 'healthy',
  'too-large': 'too large',
  unknown: 'no velocity yet',
};

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10} %`);

export default function PortfolioScreen() {
  const { at } = useAsOf();
  const portfolio = usePortfolio(at);
  useDataMark('portfolio', portfolio.isSuccess);
  return (
    <section aria-labelledby="portfolio-title">
      <h1 id="portfolio-title">Portfolio</h1>
      <QueryView
        query={portfolio}
        what="Loading the portfolio"
        isEmpty={(p) => p.backlogs.length === 0}
        empty={<p>No backlog{at ? ' existed at that time' : ' yet'}.</p>}
      >
        {(p) => <PortfolioTable portfolio={p} />}
      </QueryView>
    </section>
  );
}

function PortfolioTable({ portfolio }: { portfolio: Portfolio }) {
  // Names and goals of every backlog in one request (GET /backlogs), not one per row.
  const summaries = useBacklogSummaries();
  return (
    <>
      <p className="muted">
        As of <Time iso={portfolio.at} />; reversal rate and moves against the score over <Time iso={portfolio.period.from} dateOnly /> – <Time iso={portfolio.period.to} dateOnly />.
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Backlogs">
        <table className="data portfolio">
          <thead>
            <tr>
              <th scope="col">Backlog</th>
              <th scope="col" className="num">
                Open items
              </th>
              <th scope="col" className="num">
                Zombies
              </th>
              <th scope="col" className="num">
                Size in sprints
              </th>
              <th scope="col" className="num">
                Reversal rate
              </th>
              <th scope="col" className="num">
                Against the score
              </th>
            </tr>
          </thead>
          <tbody>
            {portfolio.backlogs.map((b) => {
              const s = summaries.get(b.backlogId);
              const base = `/backlogs/${b.backlogId}`;
              return (
                <tr key={b.backlogId}>
                  <th scope="row">
                    <AsOfLink to={base}>{b.name}</AsOfLink>
                    {s?.productGoal && <span className="sub">{s.productGoal}</span>}
                  </th>
                  <td className="num">{b.openItems}</td>
                  <td className="num">
                    <AsOfLink to={`${base}/zombies`} className="figure-link" label={`${b.zombies} zombies`}>
                      {b.zombies > 0 ? <span className="badge badge-zombie">{b.zombies}</span> : 0}
                    </AsOfLink>
                  </td>
                  <td className="num">
                    <AsOfLink to={`${base}/health`} className="figure-link" label={`Size ${b.sizeInSprints === null ? '—' : b.sizeInSprints.toFixed(1)} sprints: health`}>
                      {b.sizeInSprints === null ? '—' : b.sizeInSprints.toFixed(1)}
                    </AsOfLink>{' '}
                    <span className={`verdict verdict-${b.verdict}`}>{VERDICT[b.verdict]}</span>
                  </td>
                  <td className="num">
                    <AsOfLink to={`${base}/reversals`} className="figure-link" label={`Reversal rate ${pct(b.reversalRate)}`}>
                      {pct(b.reversalRate)}
                    </AsOfLink>
                  </td>
                  <td className="num" data-against={b.againstScore.share ?? ''}>
                    <AsOfLink
                      to={`${base}/against-score`}
                      className="figure-link"
                      label={`Against the score ${pct(b.againstScore.share)} (${b.againstScore.against} of ${b.againstScore.reprioritizations} reprioritizations)`}
                    >
                      {pct(b.againstScore.share)}
                    </AsOfLink>{' '}
                    <span className="sub">
                      {b.againstScore.against} of {b.againstScore.reprioritizations}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
