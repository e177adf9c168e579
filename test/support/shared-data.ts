import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * A folder of the real test data in `shared/data/` (never copied into the repository): the repository's sibling
 * `../shared/data/<name>`, looked for from the repository root's parent upwards (a git worktree may sit a level
 * deeper), or under LEDGER_SHARED_DATA_DIR. A missing folder fails the test with what to do, never skips it.
 */
export function sharedData(name: string): string {
  const repoRoot = resolve(__dirname, '..', '..');
  const tried: string[] = [];
  const override = process.env.LEDGER_SHARED_DATA_DIR;
  if (override) {
    const dir = join(resolve(override), name);
    if (existsSync(dir)) return dir;
    tried.push(dir);
  }
  for (let dir = dirname(repoRoot); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'data', name);
    if (existsSync(candidate)) return candidate;
    tried.push(candidate);
    if (dirname(dir) === dir) break;
  }
  throw new Error(
    `real test data "${name}" not found (looked in ${tried.join(', ')}). Put the shared data folder next to the ` +
      `repository (../shared/data/${name}) or set LEDGER_SHARED_DATA_DIR to the folder holding ${name}/.`,
  );
}
