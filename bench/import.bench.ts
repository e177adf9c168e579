/**
 * Bulk import (issue 12, scope 6; ADR 0027): `npm run ledger -- import <file>` on a million decisions.
 *   history: the demo generator's history (the one `npm run ledger -- demo` imports) over ten years and ~100
 *            backlogs, cut to `decisions` lines (bench/lib/import-history.ts, in a child process);
 *   before:  the one-by-one path (each line through the app's command bus, one commit per line, the read model
 *            followed live: how imports ran before ADR 0027) on the first `beforeDecisions` lines;
 *   after:   the bulk path on the same first lines (side by side), then on all of them, then the same file again
 *            (every line already there: all skipped).
 * Every run is the CLI's code path (runImport: import with progress, then wait for the read model and analytics)
 * in a child process on a fresh data dir (the re-run on the full import's), and reports decisions/s and events/s
 * of the import itself, the catch-up that follows, CPU, peak RSS and the load average around it: other sessions
 * share this machine.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './lib/app-process';
import { fmt, log } from './lib/progress';

export interface ImportBenchOptions {
  dir: string;
  decisions: number;
  beforeDecisions: number;
  seed: number;
  nodeArgs?: string[];
  onPhase?: (name: string, fromNs: bigint, toNs: bigint) => void;
}

type Json = Record<string, any>;

function child(script: string, args: Json, nodeArgs: string[] = []): Promise<Json> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('LEDGER_') && !k.startsWith('CLICKHOUSE_') && k !== 'NODE_OPTIONS') env[k] = v;
    const proc = spawn(
      process.execPath,
      [...nodeArgs, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(REPO_ROOT, 'bench', 'lib', script), JSON.stringify(args)],
      { cwd: REPO_ROOT, env: { ...env, TS_NODE_TRANSPILE_ONLY: 'true' }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    proc.stdout!.setEncoding('utf8');
    proc.stdout!.on('data', (c: string) => (out += c));
    proc.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice(7)));
      else reject(new Error(`${script} exited with ${code}: ${out.slice(-2000)}`));
    });
  });
}

const perS = (n: number, ms: number) => (ms > 0 ? Math.round((n * 1000) / ms) : 0);

async function importRun(name: string, dataDir: string, file: string, mode: 'bulk' | 'one-by-one', o: ImportBenchOptions): Promise<Json> {
  log(`import: ${name} (${mode}) → ${dataDir}`);
  const from = process.hrtime.bigint();
  // With the node flags `npm run ledger` has.
  const r = await child('import-child.ts', { dataDir, file, mode }, ['--max-semi-space-size=64', ...(o.nodeArgs ?? [])]);
  o.onPhase?.(`import ${name}`, from, process.hrtime.bigint());
  if (r.rejected > 0) throw new Error(`${name}: ${r.rejected} lines refused (the generated history imports without one)`);
  const result = {
    ...r,
    decisions_per_s: perS(r.processed, r.import_ms),
    events_per_s: perS(r.events, r.import_ms),
    import_seconds: Math.round(r.import_ms / 100) / 10,
    catch_up_seconds: Math.round(r.catch_up_ms / 100) / 10,
  };
  log(
    `import: ${name}: ${fmt(r.processed)} lines in ${result.import_seconds} s = ${fmt(result.decisions_per_s)} decisions/s ` +
      `(${fmt(result.events_per_s)} events/s); caught up ${result.catch_up_seconds} s later; peak RSS ${r.max_rss_mb} MB; load ${r.load_before.join(' / ')}; ` +
      `cores used during the import: this ${r.import_own_cores}, others ${r.import_foreign_cores} (of ${r.cores})`,
  );
  return result;
}

export async function benchImport(o: ImportBenchOptions): Promise<Json> {
  mkdirSync(o.dir, { recursive: true });
  const file = join(o.dir, 'history.ndjson');
  const prefixFile = join(o.dir, 'history-prefix.ndjson');
  log(`import: generating ${fmt(o.decisions)} decisions (demo generator, 120 months)`);
  const history = await child('import-history.ts', { file, decisions: o.decisions, seed: o.seed, end: '2026-01-01', prefixFile, prefix: o.beforeDecisions });
  log(`import: ${fmt(history.decisions)} lines, ${fmt(Math.round(statSync(file).size / 1e6))} MB, ${history.backlogs} backlogs, in ${Math.round(history.generate_ms / 1000)} s`);

  const before = await importRun(`before: first ${fmt(o.beforeDecisions)} lines, one by one`, join(o.dir, 'before'), prefixFile, 'one-by-one', o);
  const samePrefix = await importRun(`after: first ${fmt(o.beforeDecisions)} lines, bulk`, join(o.dir, 'after-prefix'), prefixFile, 'bulk', o);
  const bulk = await importRun(`after: all ${fmt(history.decisions)} lines, bulk`, join(o.dir, 'after'), file, 'bulk', o);
  const rerun = await importRun('after: the same file again (all skipped)', join(o.dir, 'after'), file, 'bulk', o);
  if (rerun.written !== 0 || rerun.skipped !== bulk.processed) throw new Error(`re-run wrote ${rerun.written} decisions, skipped ${rerun.skipped}`);
  return {
    history: { ...history, file_mb: Math.round(statSync(file).size / 1e6) },
    before,
    after_same_lines: samePrefix,
    speedup_same_lines: Math.round((samePrefix.decisions_per_s / Math.max(1, before.decisions_per_s)) * 10) / 10,
    after: bulk,
    rerun,
  };
}
