import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TEST_SECRET } from '../support/ledger';

const ROOT = resolve(__dirname, '../..');

interface Started {
  child: ChildProcess;
  url: string;
  banner: string;
}

/** `npm start`'s entry point (apps/api/src/main.ts) as a real process; resolves once it printed its banner. */
function startMain(dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'warn', LEDGER_FORUM_TICK_MS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`main.ts printed no banner within 90 s:\n${out}\n${err}`)), 90_000);
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Backlog Ledger is running on (http:\/\/\S+)[\s\S]*?\n {2}then:[^\n]*\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        done({ child, url: m[1], banner: out });
      }
    });
    child.on('exit', (code) => fail(new Error(`main.ts exited with ${code}:\n${out}\n${err}`)));
  });
}

function stop(s: Started): Promise<void> {
  return new Promise((done) => {
    s.child.removeAllListeners('exit');
    s.child.once('exit', () => done());
    s.child.kill('SIGTERM');
  });
}

const linkIn = (banner: string) => /\n {16}(http:\/\/\S+\/app\/sign-in#token=(boot_[A-Za-z0-9_-]{43}))\n/.exec(banner);
const signIn = (url: string, token: string) =>
  fetch(`${url}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });

// Two real starts (~25 s each on a shared 2-core machine): that no link is printed once an admin has signed in, and
// the rest of the link's life, are covered in process by sign-in.e2e-spec.ts.
describe('npm start prints the first-admin sign-in link', () => {
  it('prints a one-time link while no admin has signed in; a restart replaces it (the old one stops working); it works once' , async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-first-admin-'));
    const running: Started[] = [];
    try {
      const first = await startMain(dataDir);
      running.push(first);
      const a = linkIn(first.banner);
      expect(a).not.toBeNull();
      expect(a![1]).toBe(`${first.url}/app/sign-in#token=${a![2]}`);
      expect(first.banner).toContain('API token:    npm run token --');
      await stop(running.pop()!);

      const second = await startMain(dataDir);
      running.push(second);
      const b = linkIn(second.banner);
      expect(b![2]).not.toBe(a![2]);
      expect((await signIn(second.url, a![2])).status).toBe(401);
      const ok = await signIn(second.url, b![2]);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ sub: 'admin', role: 'admin', signedInWith: 'bootstrap-link' });
      expect((await signIn(second.url, b![2])).status).toBe(401);
      await stop(running.pop()!);

    } finally {
      for (const s of running) await stop(s);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
