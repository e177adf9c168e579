/**
 * Runs a server (the real app, or the adapter micro-app) in a CHILD process so the load generator in
 * this process does not share its event loop. The child binds 127.0.0.1 on an ephemeral port and
 * prints "running on http://…" on stdout, which is how we learn the URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { log } from './progress';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const APP_ENTRY = join(REPO_ROOT, 'apps', 'api', 'src', 'main.ts');
export const BENCH_JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';

const live = new Set<ChildProcess>();

/** CPU time (ms) the children used, read from /proc/<pid>/stat just before each is stopped. */
let childCpuMs = 0;
export function childrenCpuMs(): number {
  return childCpuMs;
}

/** utime + stime of a live process (all its threads), in ms; 0 where /proc is unavailable. */
export function procCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ = 100
  } catch {
    return 0;
  }
}

/** Last-resort cleanup (uncaught error, Ctrl-C): only the children this process started, by pid. */
export function killAllChildren(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
  live.clear();
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Spawn → "running on" line. */
  bootMs: number;
  startedAt: bigint;
  /** SIGTERM, wait for exit (SIGKILL after `graceMs`). Resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
  /** Last lines the child wrote (for error reports). */
  tail(): string;
}

export interface StartOptions {
  entry: string;
  env: Record<string, string>;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  label: string;
  bootTimeoutMs?: number;
  /** Working directory (default: this repository), e.g. another checkout to compare with. */
  cwd?: string;
}

/** Environment for the child: ours minus anything that would reconfigure the ledger, plus `extra`. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('LEDGER_') || k.startsWith('CLICKHOUSE_') || k === 'PORT' || k === 'HOST' || k === 'LOG_LEVEL' || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  return { ...env, HOST: '127.0.0.1', TS_NODE_TRANSPILE_ONLY: 'true', ...extra };
}

export function startServer(opts: StartOptions): Promise<ServerProcess> {
  const args = [
    ...(opts.nodeArgs ?? []),
    '-r',
    'ts-node/register/transpile-only',
    '-r',
    'tsconfig-paths/register',
    opts.entry,
  ];
  const startedAt = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { cwd: opts.cwd ?? REPO_ROOT, env: childEnv(opts.env), stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  const lines: string[] = [];
  let forwarded = 0;
  const remember = (line: string) => {
    lines.push(line);
    if (lines.length > 60) lines.shift();
  };
  // Warnings and errors the child logs go to our stderr (capped: a flood would distort the run).
  const forward = (line: string) => {
    if (forwarded < 20) process.stderr.write(`  [${opts.label}] ${line.slice(0, 400)}\n`);
    else if (forwarded === 20) process.stderr.write(`  [${opts.label}] (further child log lines suppressed)\n`);
    forwarded += 1;
  };
  let urlResolve: ((url: string) => void) | null = null;
  const urlSeen = new Promise<string>((r) => (urlResolve = r));

  splitLines(child.stdout!, (line) => {
    remember(line);
    const m = /running on (http:\/\/[^\s]+)/.exec(line);
    if (m && urlResolve) {
      urlResolve(m[1]);
      urlResolve = null;
      return;
    }
    if (/"level":"(warn|error)"/.test(line)) forward(line);
  });
  splitLines(child.stderr!, (line) => {
    remember(line);
    forward(line);
  });
  const exited = new Promise<number | null>((r) =>
    child.once('exit', (code) => {
      live.delete(child);
      r(code);
    }),
  );

  const timeoutMs = opts.bootTimeoutMs ?? 60_000;
  return new Promise<ServerProcess>((resolveStart, rejectStart) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectStart(new Error(`${opts.label} did not start within ${timeoutMs} ms:\n${lines.join('\n')}`));
    }, timeoutMs);
    exited.then((code) => {
      clearTimeout(timer);
      rejectStart(new Error(`${opts.label} exited (code ${code}) before listening:\n${lines.join('\n')}`));
    });
    urlSeen.then((url) => {
      clearTimeout(timer);
      const u = new URL(url);
      if (u.hostname !== '127.0.0.1') {
        child.kill('SIGKILL');
        rejectStart(new Error(`${opts.label} is not on loopback (${url}); refusing to load it`));
        return;
      }
      const bootMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
      resolveStart({
        url: `http://127.0.0.1:${u.port}`,
        pid: child.pid!,
        bootMs,
        startedAt,
        tail: () => lines.join('\n'),
        async stop(graceMs = 20_000) {
          if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
          childCpuMs += procCpuMs(child.pid!);
          child.kill('SIGTERM');
          const killer = setTimeout(() => {
            log(`${opts.label} (pid ${child.pid}) did not exit ${graceMs} ms after SIGTERM: SIGKILL`);
            child.kill('SIGKILL');
          }, graceMs);
          const code = await exited;
          clearTimeout(killer);
          return code;
        },
      });
    });
  });
}

function splitLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buf = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buf += chunk;
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      if (line.trim()) onLine(line);
    }
  });
}

/** The real app, as `npm start` would run it but from the TS sources (ts-node, transpile-only). */
export function startLedgerApp(opts: { dataDir: string; label?: string; nodeArgs?: string[]; env?: Record<string, string> }) {
  return startServer({
    entry: APP_ENTRY,
    label: opts.label ?? 'app',
    nodeArgs: opts.nodeArgs,
    env: {
      PORT: '0',
      LEDGER_DATA_DIR: opts.dataDir,
      LEDGER_JWT_SECRET: BENCH_JWT_SECRET,
      LOG_LEVEL: 'warn',
      ...(opts.env ?? {}),
    },
  });
}
