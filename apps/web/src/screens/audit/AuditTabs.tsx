import { Link } from 'react-router';

/** The audit screens' tabs: the event explorer and the chain-verification report. */
export function AuditTabs({ current }: { current: 'events' | 'verify' }) {
  return (
    <nav aria-label="Audit" className="tabs no-print">
      <ul>
        <li>
          <Link to="/audit" aria-current={current === 'events' ? 'page' : undefined}>
            Events
          </Link>
        </li>
        <li>
          <Link to="/audit/verify" aria-current={current === 'verify' ? 'page' : undefined}>
            Chain verification
          </Link>
        </li>
      </ul>
    </nav>
  );
}
