import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The responses of a live pull, kept in `<data dir>/imports/<source>-<hash of what was asked>/` with the
 * cursor of where the pull is (`state.json`), so that an interrupted pull (rate limit given up on, a crash,
 * Ctrl-C) resumes with the next page instead of starting over. A pull that finished is started afresh by
 * the next run (new history may have happened since). Responses are saved as received, one file each.
 */
export class FetchCache<S extends object> {
  readonly dir: string;

  constructor(dataDir: string, source: string, identity: string) {
    const hash = createHash('sha256').update(identity).digest('hex').slice(0, 12);
    this.dir = join(dataDir, 'imports', `${source}-${hash}`);
  }

  /** The saved state of an unfinished pull, or null (no pull, or the last one finished: start afresh). */
  open(fresh: S, restart: boolean): { state: S; resumed: boolean } {
    const file = join(this.dir, 'state.json');
    if (!restart && existsSync(file)) {
      const state = JSON.parse(readFileSync(file, 'utf8')) as S & { finished?: boolean };
      if (!state.finished) return { state, resumed: true };
    }
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    this.save(fresh);
    return { state: fresh, resumed: false };
  }

  save(state: S): void {
    const file = join(this.dir, 'state.json');
    writeFileSync(`${file}.tmp`, JSON.stringify(state, null, 2));
    renameSync(`${file}.tmp`, file);
  }

  /** Writes a response before the state that points past it (write, then rename: never half a file). */
  put(name: string, body: unknown): void {
    const file = join(this.dir, name);
    writeFileSync(`${file}.tmp`, JSON.stringify(body));
    renameSync(`${file}.tmp`, file);
  }

  has(name: string): boolean {
    return existsSync(join(this.dir, name));
  }

  get(name: string): unknown {
    return JSON.parse(readFileSync(join(this.dir, name), 'utf8'));
  }

  /** Saved responses (not the state), in name order. */
  names(): string[] {
    return readdirSync(this.dir)
      .filter((n) => n.endsWith('.json') && n !== 'state.json')
      .sort();
  }
}
