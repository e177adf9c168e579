import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

/** Embedded chDB in a process whose stdin is a pipe with data in it (a supervisor, a CI runner, `npm start < file`). */
function insertWithStdin(input: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-chdb-stdin-'));
  try {
    return spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'libs/analytics/src/testing/insert-child.ts', dir],
      { cwd: ROOT, input, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], encoding: 'utf8', timeout: 120_000 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the embedded analytics client (chDB) and the process stdin', () => {
  it('inserts whatever the process stdin holds: clickhouse-local never takes it as INSERT data', () => {
    // Before: "Processing async inserts with both inlined and external data (from stdin or infile) is not supported",
    // on every insert, so the projection never moved.
    const piped = insertWithStdin('{"not":"the rows of any insert"}\nhello\n');
    expect({ status: piped.status, stdout: piped.stdout, stderr: piped.stderr.slice(0, 300) }).toEqual({ status: 0, stdout: 'checkpoint 42\n', stderr: '' });
    const none = insertWithStdin(undefined);
    expect({ status: none.status, stdout: none.stdout }).toEqual({ status: 0, stdout: 'checkpoint 42\n' });
  }, 240_000);
});
