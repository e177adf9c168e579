import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { hrefWithAt } from '../app/as-of';
import { useAsOf } from '../app/useAsOf';

/** A link to another screen that keeps the "as of" instant; `label` names it when its text alone does not say enough. */
export function AsOfLink({ to, children, className, label }: { to: string; children: ReactNode; className?: string; label?: string }) {
  const { at } = useAsOf();
  return (
    <Link to={hrefWithAt(to, at)} className={className} aria-label={label}>
      {children}
    </Link>
  );
}
