import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

/** What a screen's `*.echarts.ts` module exports: echarts/core with only the charts that screen registered. */
export type EChartsModule = typeof import('echarts/core');

/**
 * An Apache ECharts chart, loaded on demand: `load` imports the screen's own echarts module (e.g.
 * `() => import('./rank-chart.echarts')`), so ECharts downloads only when a chart is shown. Canvas rendering
 * (no inline styles needed). `label` describes the chart for screen readers; give the numbers in text too.
 */
export function EChart({ load, option, label, className = 'chart' }: { load: () => Promise<{ default: EChartsModule }>; option: EChartsCoreOption; label: string; className?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<EChartsModule['init']> | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    load().then(
      ({ default: echarts }) => {
        if (disposed || !el.current) return;
        chart.current = echarts.init(el.current, null, { renderer: 'canvas' });
        chart.current.setOption(option);
        observer = new ResizeObserver(() => chart.current?.resize());
        observer.observe(el.current);
      },
      (e: unknown) => setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // The chart instance lives as long as the component; option changes are applied below.
  }, [load]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  if (failed) return <p className="state state-error">The chart could not load: {failed}</p>;
  return <div ref={el} className={className} role="img" aria-label={label} />;
}
