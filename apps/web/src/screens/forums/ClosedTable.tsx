import { Link } from 'react-router';
import { Time } from '../../shared/Time';
import { OUTCOME_LABEL } from '../proposal/tally';
import type { ProposalRow } from './queries';

/** Closed and withdrawn proposals with their outcome (the inbox, a forum's page). */
export function ClosedTable({ rows, forums, titles }: { rows: ProposalRow[]; forums: Map<string, { name: string }>; titles: Map<string, string> }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Recently decided proposals">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Proposal</th>
            <th scope="col">Outcome</th>
            <th scope="col" className="wide">
              Forum
            </th>
            <th scope="col">Decided</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/proposals/${r.id}`}>Kill “{titles.get(r.itemId) ?? 'an item'}”?</Link>
              </th>
              <td>
                <span className={`outcome-chip outcome-chip-${r.status === 'withdrawn' ? 'withdrawn' : r.outcome}`}>
                  {r.status === 'withdrawn' ? 'Withdrawn' : r.outcome ? OUTCOME_LABEL[r.outcome] : '—'}
                </span>
              </td>
              <td className="wide">{forums.get(r.forumId)?.name ?? r.forumId}</td>
              <td>{r.closedAt ? <Time iso={r.closedAt} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
