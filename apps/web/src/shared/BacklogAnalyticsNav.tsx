import { Link, useLocation } from 'react-router';
import { AT_PARAM } from '../app/as-of';
import { FROM_PARAM, TO_PARAM } from '../app/period';
import { AsOfLink } from './AsOfLink';

export const BACKLOG_VIEWS = [
  { id: 'backlog', label: 'Items', path: '' },
  { id: 'zombies', label: 'Zombies', path: '/zombies' },
  { id: 'reversals', label: 'Reversals', path: '/reversals' },
  { id: 'influence', label: 'Influence', path: '/influence' },
  { id: 'health', label: 'Health', path: '/health' },
  { id: 'against-score', label: 'Against the score', path: '/against-score' },
  { id: 'calibration', label: 'Calibration', path: '/calibration' },
] as const;
export type BacklogView = (typeof BACKLOG_VIEWS)[number]['id'];

/**
 * The views of one backlog (its items and its analytics), as tabs. Links keep the "as of" instant, and between the
 * analytics views the reporting period too.
 */
export function BacklogAnalyticsNav({ backlogId, current }: { backlogId: string; current: BacklogView }) {
  const search = new URLSearchParams(useLocation().search);
  const href = (view: (typeof BACKLOG_VIEWS)[number]) => {
    const keep = new URLSearchParams();
    const at = search.get(AT_PARAM);
    if (at) keep.set(AT_PARAM, at);
    if (view.id !== 'backlog') {
      for (const p of [FROM_PARAM, TO_PARAM]) {
        const v = search.get(p);
        if (v) keep.set(p, v);
      }
    }
    const s = keep.toString();
    return `/backlogs/${backlogId}${view.path}${s ? `?${s}` : ''}`;
  };
  return (
    <nav aria-label="Backlog views" className="tabs backlog-views">
      <ul>
        {BACKLOG_VIEWS.map((v) => (
          <li key={v.id}>
            <Link to={href(v)} aria-current={v.id === current ? 'page' : undefined}>
              {v.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The top of a backlog's analytics screen: crumbs back to the portfolio and the backlog, the title, the view tabs. */
export function BacklogAnalyticsHeader({ backlogId, backlogName, current, title, titleId }: {
  backlogId: string;
  backlogName: string | undefined;
  current: BacklogView;
  title: string;
  titleId: string;
}) {
  return (
    <>
      <p className="crumbs">
        <AsOfLink to="/">Portfolio</AsOfLink> › <AsOfLink to={`/backlogs/${backlogId}`}>{backlogName ?? 'Backlog'}</AsOfLink> ›
      </p>
      <h1 id={titleId}>
        {title}
        {backlogName && <span className="sub">{backlogName}</span>}
      </h1>
      <BacklogAnalyticsNav backlogId={backlogId} current={current} />
    </>
  );
}
