import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** When the process started and ended (Date.now()). */
  startedAt: number;
  endedAt: number;
}

/** `npm run ledger -- <args>` as a child process, with only PATH, HOME and `env` in its environment. */
export function ledgerCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const startedAt = Date.now();
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/cli/ledger.cli.ts', ...args],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((done) => child.on('exit', (code) => done({ code, stdout, stderr, startedAt, endedAt: Date.now() })));
}

/** A script run with the repository's TypeScript setup; resolves to its stdout (rejects on a non-zero exit). */
export function runScript(source: string, env: Record<string, string> = {}): Promise<string> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', '-e', source], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((done, fail) => child.on('exit', (code) => (code === 0 ? done(stdout) : fail(new Error(`script exited ${code}: ${stderr}`)))));
}
