import { useEffect } from 'react';

/**
 * Sets the performance mark `data:<screen>` once per page load, at the first paint after the screen's data is on
 * screen (the web benchmark reads it: bench/web.bench.ts). rAF + a task = after that frame is painted. Cheap: one
 * mark per screen per load.
 */
export function useDataMark(screen: string, ready: boolean): void {
  useEffect(() => {
    if (!ready || typeof performance === 'undefined') return;
    const name = `data:${screen}`;
    if (performance.getEntriesByName(name, 'mark').length > 0) return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
      }, 0),
    );
  }, [screen, ready]);
}
