import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../api/problem';

/** The four states every screen shows the same way: loading, empty, error, analytics catching up. */
export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      {what}…
    </p>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      {children ?? <p>Nothing has been recorded here yet.</p>}
      <p>
        To explore with realistic data, load the demo history: <code>npm run ledger -- demo</code> (stop the API first, then
        start it again).
      </p>
    </div>
  );
}

export function CatchingUp({ retrying }: { retrying: boolean }) {
  return (
    <div className="state state-catching-up" role="status" aria-live="polite">
      <p>
        <strong>The analytics are catching up</strong> with the latest decisions.
      </p>
      <p>{retrying ? 'Retrying automatically…' : 'They will be ready shortly; reload to try again.'}</p>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const e = error instanceof ApiError ? error : null;
  const title =
    e?.status === 403
      ? 'You may not see this'
      : e?.status === 404
        ? 'Not found'
        : 'Something went wrong';
  return (
    <div className="state state-error" role="alert">
      <p>
        <strong>{title}</strong>
      </p>
      <p>{error instanceof Error ? error.message : String(error)}</p>
      {e?.code && (
        <p className="muted">
          code <code>{e.code}</code>
        </p>
      )}
      {onRetry && e?.status !== 403 && e?.status !== 404 && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

const isCatchingUp = (e: unknown) => e instanceof ApiError && e.catchingUp;

/**
 * Renders a query through the shared states: loading (or "catching up" while a 503 is being retried), error,
 * empty (when `isEmpty` says so), else `children(data)`.
 */
export function QueryView<T>({
  query,
  children,
  isEmpty,
  empty,
  what,
}: {
  query: UseQueryResult<T, Error>;
  children: (data: T) => ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  what?: string;
}) {
  if (query.isPending) {
    return isCatchingUp(query.failureReason) ? <CatchingUp retrying /> : <Loading what={what} />;
  }
  if (query.isError) {
    return isCatchingUp(query.error) ? <CatchingUp retrying={false} /> : <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (isEmpty?.(query.data)) return <Empty>{empty}</Empty>;
  return <>{children(query.data)}</>;
}
