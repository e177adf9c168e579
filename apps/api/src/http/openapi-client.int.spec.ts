import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLIENT_TYPES_FILE } from './openapi-client';

const run = promisify(execFile);
const ROOT = join(__dirname, '../../../..');

/** `npm run api:client -- --check` (openapi-typescript is ESM-only under jest, so the check runs as the CLI does). */
function check(file?: string) {
  return run('npm', ['run', '-s', 'api:client', '--', '--check', ...(file ? ['--file', file] : [])], { cwd: ROOT, timeout: 60_000 }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
}

describe("the web app's typed API client (apps/web/src/api/schema.d.ts)", () => {
  it("is what the app's current OpenAPI document generates (when this fails: run `npm run api:client` and commit)", async () => {
    const r = await check();
    expect(r.out).toContain('is up to date');
    expect(r.code).toBe(0);
  }, 90_000);

  it('the check fails, naming the first differing line, when the committed file is stale', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-client-'));
    try {
      const stale = join(dir, 'schema.d.ts');
      writeFileSync(stale, readFileSync(CLIENT_TYPES_FILE, 'utf8').replace('export type paths = {', 'export type paths = {\n    "/stale": never;'));
      const r = await check(stale);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/differs from what the app's OpenAPI document generates \(first difference at line \d+/);
      expect(r.out).toContain('"/stale": never;');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
