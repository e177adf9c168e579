import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { hrefWithAt } from '../app/as-of';
import { useAsOf } from '../app/useAsOf';

/** A link to another screen that keeps the "as of" instant. */
export function AsOfLink({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const { at } = useAsOf();
  return (
    <Link to={hrefWithAt(to, at)} className={className}>
      {children}
    </Link>
  );
}
