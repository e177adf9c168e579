import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The ui project's global setup: the tests drive the built web app, so build it when it is missing or older than
 * its sources (`npm test` builds it first anyway; this keeps `npx jest --selectProjects ui` honest).
 */
const WEB = join(__dirname, '..');

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  // The specs run in node: editing one does not change the build.
  const built = (name: string) => !/\.(ui-spec|unit\.spec)\.ts$/.test(name);
  return readdirSync(path)
    .filter(built)
    .reduce((m, name) => Math.max(m, newest(join(path, name))), s.mtimeMs);
}

export default async function uiGlobalSetup(): Promise<void> {
  const built = join(WEB, 'dist', 'index.html');
  const sources = Math.max(newest(join(WEB, 'src')), newest(join(WEB, 'index.html')), newest(join(WEB, 'vite.config.mjs')));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  process.stdout.write('\nui tests: building the web app (npm run build:web)…\n');
  // Jest sets NODE_ENV=test, which would make Vite bundle React's development build: build what `npm start` serves.
  execFileSync('npm', ['run', '-s', 'build:web', '--', '--logLevel', 'warn'], {
    stdio: 'inherit',
    cwd: join(WEB, '..', '..'),
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
