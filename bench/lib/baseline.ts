/**
 * `--baseline <ref>`: the code of an earlier commit, exported (`git archive`, no worktree, nothing written to
 * the repository) into the run's temp dir, so the same benchmark runs against both trees in one run.
 * The export shares this tree's node_modules (a symlink): the comparison is of our code, not of dependencies;
 * when the two commits' package.json files differ, that is reported.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './app-process';

export interface SourceTree {
  /** `head` (this working tree) or `base` (the exported commit). */
  side: 'head' | 'base';
  root: string;
  commit: string;
  /** Uncommitted files in the working tree (head only). */
  dirtyFiles: number;
}

function git(args: string[], cwd = REPO_ROOT): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 }).toString().trim();
}

export function headTree(): SourceTree {
  const dirty = git(['status', '--porcelain']).split('\n').filter(Boolean).length;
  return { side: 'head', root: REPO_ROOT, commit: git(['rev-parse', '--short', 'HEAD']), dirtyFiles: dirty };
}

export function exportBaseline(ref: string, dir: string): SourceTree & { packageJsonDiffers: boolean } {
  const commit = git(['rev-parse', '--short', `${ref}^{commit}`]);
  const root = join(dir, `baseline-${commit}`);
  mkdirSync(root, { recursive: true });
  const tar = execFileSync('git', ['archive', '--format=tar', commit], { cwd: REPO_ROOT, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', root], { input: tar });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  const packageJsonDiffers = readFileSync(join(root, 'package.json'), 'utf8') !== readFileSync(join(REPO_ROOT, 'package.json'), 'utf8');
  return { side: 'base', root, commit, dirtyFiles: 0, packageJsonDiffers };
}
