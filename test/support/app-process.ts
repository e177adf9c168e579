import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { signToken } from '../../apps/api/src/auth/token-signer';
import type { Principal } from '../../apps/api/src/auth/principal';
import { TEST_SECRET } from './ledger';

const REPO_ROOT = resolve(__dirname, '../..');

export interface AppProcess {
  url: string;
  /** Every stdout line, parsed when it is JSON. */
  lines: Record<string, unknown>[];
  token(role: Principal['role'], sub?: string): Promise<string>;
  /** SIGTERM (graceful shutdown), then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * The API as `npm start` runs it (apps/api/src/main.ts, from the sources), in a child process with its own
 * environment: for what only a real process shows (process-wide SDKs, signals, stdout logs).
 */
export async function startAppProcess(env: Record<string, string>, options: { dataDir?: string } = {}): Promise<AppProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ledger-proc-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: TEST_SECRET, ...env },
    },
  );
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  let buffer = '';
  let announce: (url: string) => void = () => undefined;
  const announced = new Promise<string>((r) => (announce = r));
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let i: number;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      const url = /running on (http:\/\/\S+)/.exec(line)?.[1];
      if (url) announce(url);
      try {
        lines.push(JSON.parse(line));
      } catch {
        /* the start banner */
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let timer: NodeJS.Timeout | undefined;
  const url = await Promise.race([
    announced,
    exited.then((code) => Promise.reject(new Error(`the app exited (${code}) before listening:\n${stderr}`))),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the app did not start within 60 s:\n${stderr}`)), 60_000))),
  ]).finally(() => clearTimeout(timer));
  const secret = new TextEncoder().encode(TEST_SECRET);
  return {
    url,
    lines,
    token: (role, sub = `${role}-1`) => signToken(secret, { sub, role, backlogs: [] }, { ttlSeconds: 3600 }),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
