/**
 * Summarises a V8 .cpuprofile (node --cpu-prof): self time per function and per "area"
 * (a node_modules package, apps/…, libs/…, node internals, GC, idle), optionally only for
 * samples inside a window of the monotonic clock (process.hrtime.bigint() in the parent and V8's
 * profile timestamps both read CLOCK_MONOTONIC on Linux, so a phase can be cut out of the run).
 */
import { readFileSync } from 'node:fs';

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: CpuNode[];
  startTime: number; // µs
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  window_ms: number;
  sampled_ms: number;
  busy_pct: number;
  by_area: { area: string; ms: number; pct_of_busy: number }[];
  top_functions: { fn: string; where: string; self_ms: number; pct_of_busy: number }[];
  /** Time with the function anywhere on the stack (recursion counted once). */
  top_inclusive: { fn: string; where: string; total_ms: number; pct_of_busy: number }[];
  /** Longest stretches of consecutive samples in one function (the event loop stuck in one call). */
  longest_stalls: { ms: number; fn: string; where: string; callers: string }[];
}

function whereOf(url: string, lineNumber: number): string {
  return url ? `${url.replace(/^.*?(node_modules\/|apps\/|libs\/)/, '$1')}:${lineNumber + 1}` : '';
}

function areaOf(url: string, fn: string): string {
  if (fn === '(idle)') return '(idle)';
  if (fn === '(garbage collector)') return '(gc)';
  if (fn === '(program)') return '(program/native)';
  if (!url) return '(native/builtin)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node:internals';
  const m = /\/(apps\/api\/src\/[^/]+|libs\/[^/]+)\//.exec(url);
  if (m) return m[1];
  return url.replace(/^file:\/\//, '');
}

export function summarizeProfile(file: string, window?: { fromNs: bigint; toNs: bigint }, top = 25): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const fromUs = window ? Number(window.fromNs / 1000n) : -Infinity;
  const toUs = window ? Number(window.toNs / 1000n) : Infinity;
  const selfUs = new Map<number, number>();
  let t = p.startTime;
  let sampled = 0;
  const stalls: { id: number; us: number }[] = [];
  let run: { id: number; us: number } | null = null;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i] ?? 0;
    t += dt;
    if (t < fromUs || t > toUs) continue;
    const fn = byId.get(p.samples[i])!.callFrame.functionName;
    if (run && run.id === p.samples[i]) run.us += p.timeDeltas[i + 1] ?? 0;
    else {
      if (run) stalls.push(run);
      run = fn === '(idle)' || fn === '(program)' ? null : { id: p.samples[i], us: p.timeDeltas[i + 1] ?? 0 };
    }
    // Attribute the interval until the next sample to this sample's node.
    const next = p.timeDeltas[i + 1] ?? 0;
    selfUs.set(p.samples[i], (selfUs.get(p.samples[i]) ?? 0) + next);
    sampled += next;
  }
  if (run) stalls.push(run);
  stalls.sort((a, b) => b.us - a.us);
  const callersOf = (id: number) => {
    const names: string[] = [];
    for (let cur = parent.get(id); cur !== undefined && names.length < 4; cur = parent.get(cur)) {
      const cf = byId.get(cur)!.callFrame;
      if (cf.functionName && !cf.functionName.startsWith('(')) names.push(`${cf.functionName}@${whereOf(cf.url, cf.lineNumber)}`);
    }
    return names.join(' < ');
  };
  const fnTotals = new Map<string, { fn: string; where: string; us: number }>();
  const areaTotals = new Map<string, number>();
  let idle = 0;
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const { functionName, url, lineNumber } = n.callFrame;
    const fn = functionName || '(anonymous)';
    const area = areaOf(url, fn);
    if (area === '(idle)') idle += us;
    areaTotals.set(area, (areaTotals.get(area) ?? 0) + us);
    const where = whereOf(url, lineNumber);
    const key = `${fn}@${where}`;
    const cur = fnTotals.get(key) ?? { fn, where, us: 0 };
    cur.us += us;
    fnTotals.set(key, cur);
  }
  const busy = sampled - idle;
  const inclusive = new Map<string, { fn: string; where: string; us: number }>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const { functionName, url, lineNumber } = byId.get(cur)!.callFrame;
      if (!url || functionName.startsWith('(')) continue;
      const where = whereOf(url, lineNumber);
      const key = `${functionName}@${where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const e = inclusive.get(key) ?? { fn: functionName || '(anonymous)', where, us: 0 };
      e.us += us;
      inclusive.set(key, e);
    }
  }
  const pct = (us: number) => Math.round((1000 * us) / Math.max(1, busy)) / 10;
  const windowUs = window ? toUs - fromUs : p.endTime - p.startTime;
  return {
    window_ms: Math.round(windowUs / 1000),
    sampled_ms: Math.round(sampled / 1000),
    busy_pct: Math.round((1000 * busy) / Math.max(1, sampled)) / 10,
    by_area: [...areaTotals.entries()]
      .filter(([a]) => a !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([area, us]) => ({ area, ms: Math.round(us / 1000), pct_of_busy: pct(us) })),
    top_functions: [...fnTotals.values()]
      .filter((f) => f.fn !== '(idle)')
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ fn: f.fn, where: f.where, self_ms: Math.round(f.us / 1000), pct_of_busy: pct(f.us) })),
    longest_stalls: stalls.slice(0, 8).map((x) => {
      const cf = byId.get(x.id)!.callFrame;
      return { ms: Math.round(x.us / 100) / 10, fn: cf.functionName || '(anonymous)', where: whereOf(cf.url, cf.lineNumber), callers: callersOf(x.id) };
    }),
    top_inclusive: [...inclusive.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top * 2)
      .map((f) => ({ fn: f.fn, where: f.where, total_ms: Math.round(f.us / 1000), pct_of_busy: pct(f.us) })),
  };
}

if (require.main === module) {
  const [file, from, to] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: cpuprofile.ts <file.cpuprofile> [fromNs toNs]\n');
    process.exit(2);
  }
  const window = from && to ? { fromNs: BigInt(from), toNs: BigInt(to) } : undefined;
  console.log(JSON.stringify(summarizeProfile(file, window), null, 2));
}
