import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { signToken } from '../../apps/api/src/auth/token-signer';

/**
 * LEDGER_API_PROCESSES=2 (ADR 0031), the real thing: a primary and two worker processes on one port and data dir.
 * Requests go out on fresh connections, so the primary hands them to the workers in turn. Nothing acknowledged is
 * lost, optimistic concurrency and Idempotency-Key hold across the processes, analytics are answered by both
 * (the primary's engine, over IPC), a killed worker is replaced, and SIGTERM stops everything cleanly.
 */
const SECRET = 'api-processes-secret-api-processes-secret-42';
const ROOT = join(__dirname, '..', '..');
const R = 'Decided in the multi-process test.';

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function start(dataDir: string, processes: number): Promise<Started> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      LEDGER_DATA_DIR: dataDir,
      LEDGER_JWT_SECRET: SECRET,
      LOG_LEVEL: 'info',
      LEDGER_API_PROCESSES: String(processes),
      LEDGER_FORUM_TICK_MS: '0',
      LEDGER_READ_WAIT_MS: '10000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start:\n${out}`)), 90_000);
    const poll = setInterval(() => {
      const m = /running on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => out });
      }
    }, 50);
    child.on('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`app exited with ${code}:\n${out}`));
    });
  });
}

/** The live processes whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .filter((n) => {
      try {
        const stat = readFileSync(`/proc/${n}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

const fresh = new Agent({ keepAlive: false, maxSockets: 64 });

/** One request on a new connection (so the primary picks the next worker). */
function call(url: string, method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  const u = new URL(path, url);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise<{ status: number; body: any; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname + u.search,
        method,
        agent: fresh,
        headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}), ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

describe('several API processes (LEDGER_API_PROCESSES=2, real processes)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-processes-'));
  let app: Started;
  let token: string;
  let backlogId: string;
  const items: string[] = [];
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => call(app.url, 'POST', path, token, body, headers);
  const get = (path: string) => call(app.url, 'GET', path, token);

  beforeAll(async () => {
    app = await start(dataDir, 2);
    token = await signToken(new TextEncoder().encode(SECRET), { sub: 'lena', role: 'product-leader' });
    backlogId = (await post('/backlogs', { name: 'Processes', productGoal: 'Decide from any process safely' })).body.id;
    for (let i = 0; i < 8; i++) items.push((await post(`/backlogs/${backlogId}/items`, { title: `item ${i}`, kind: 'story', rationale: R })).body.id);
  }, 120_000);

  afterAll(async () => {
    if (app && app.child.exitCode === null) {
      app.child.kill('SIGKILL');
      for (const pid of childrenOf(app.child.pid!)) process.kill(pid, 'SIGKILL');
    }
    fresh.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('both workers answer, each with its own read model, and each sees what the other acknowledged', async () => {
    const workers = new Set<number>();
    for (let i = 0; i < 6; i++) workers.add((await call(app.url, 'GET', '/health', token)).body.apiProcess.worker);
    expect([...workers].sort()).toEqual([1, 2]);
    for (const i of [3, 2, 1, 0, 3, 2]) {
      const moved = await post(`/items/${items[i]}/reprioritize`, { toPosition: 1, rationale: R });
      expect(moved.status).toBe(200);
      const top = await get(`/backlogs/${backlogId}/items?limit=1`);
      expect(top.body.items[0].id).toBe(items[i]);
    }
  });

  it('many concurrent decisions on few items through both: every acknowledged one is stored once, revisions gap-free, chains verify', async () => {
    const targets = items.slice(4, 8);
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) => post(`/items/${targets[i % targets.length]}/estimate`, { estimate: 1 + i, rationale: R })),
    );
    // 30 at once per item: a decision may give up after five lost races (409 CONCURRENCY.CONFLICT, nothing written).
    const refused = results.filter((r) => r.status !== 200);
    expect(refused.map((r) => `${r.status} ${r.body?.code}`).filter((c) => c !== "409 CONCURRENCY.CONFLICT")).toEqual([]);
    expect(refused.every((r) => r.status === 409 && r.body.code === 'CONCURRENCY.CONFLICT')).toBe(true);
    expect(refused.length).toBeLessThan(60);
    const acknowledged = new Set(results.filter((r) => r.status === 200).flatMap((r) => r.body.eventIds as string[]));
    expect(acknowledged.size).toBe(120 - refused.length);
    let stored = 0;
    let estimates = 0;
    for (const id of targets) {
      const history = (await get(`/items/${id}/history`)).body.entries as { eventId: string; revision: number; decision: string }[];
      expect(history.map((e) => e.revision)).toEqual(history.map((_, i) => i));
      for (const e of history) if (acknowledged.has(e.eventId)) stored += 1;
      estimates += history.filter((e) => e.decision === 'estimated').length;
    }
    expect(stored).toBe(acknowledged.size);
    expect(estimates).toBe(acknowledged.size);
    expect((await get('/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('If-Match and Idempotency-Key hold across processes', async () => {
    for (let round = 0; round < 4; round++) {
      const item = items[round];
      const etag = String((await get(`/items/${item}`)).headers.etag);
      const both = await Promise.all([7, 8].map((p) => post(`/items/${item}/reprioritize`, { toPosition: p, rationale: R }, { 'if-match': etag })));
      expect(both.map((r) => r.status).sort()).toEqual([200, 412]);
    }
    for (let round = 0; round < 4; round++) {
      const item = items[round];
      const key = `move-${round}`;
      const both = await Promise.all([0, 1].map(() => post(`/items/${item}/reprioritize`, { toPosition: 5, rationale: R }, { 'idempotency-key': key })));
      expect(both.map((r) => r.status)).toEqual([200, 200]);
      expect(both[0].body.eventIds).toEqual(both[1].body.eventIds);
      const retried = await post(`/items/${item}/reprioritize`, { toPosition: 5, rationale: R }, { 'idempotency-key': key });
      expect(retried.body.eventIds).toEqual(both[0].body.eventIds);
      const history = (await get(`/items/${item}/history`)).body.entries as { eventId: string }[];
      expect(history.filter((e) => e.eventId === both[0].body.eventIds[0])).toHaveLength(1);
    }
  });

  it('analytics come from the one engine, whichever worker is asked, with read-your-writes (minPosition)', async () => {
    const moved = await post(`/items/${items[6]}/kill`, { reason: 'Out of scope after the review.' });
    expect(moved.status).toBe(200);
    const answers = await Promise.all([0, 1, 2, 3].map(() => get(`/backlogs/${backlogId}/analytics/health?minPosition=${moved.body.position}`)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.size.readyItems)).size).toBe(1);
    expect(answers[0].body.size.readyItems).toBe(7);
  });

  it('a killed worker is replaced and the API keeps deciding', async () => {
    const [victim] = childrenOf(app.child.pid!);
    process.kill(victim, 'SIGKILL');
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !(childrenOf(app.child.pid!).length === 2 && !childrenOf(app.child.pid!).includes(victim))) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(childrenOf(app.child.pid!)).toHaveLength(2);
    const workers = new Set<number>();
    for (let i = 0; i < 300 && workers.size < 2; i++) {
      const h = await call(app.url, 'GET', '/health', token);
      if (h.status === 200) workers.add(h.body.apiProcess.worker);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(workers.size).toBe(2);
    expect((await post(`/items/${items[7]}/reprioritize`, { toPosition: 1, rationale: R })).status).toBe(200);
  }, 120_000);

  it('SIGTERM stops the workers and the primary cleanly; everything acknowledged is in the store', async () => {
    const acknowledged: string[] = [];
    const load = Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const r = await post(`/items/${items[i % 8 === 6 ? 7 : i % 8]}/estimate`, { estimate: 100 + i, rationale: R }).catch(() => null);
        if (r?.status === 200) acknowledged.push(...(r.body.eventIds as string[]));
      }),
    );
    await new Promise((r) => setTimeout(r, 50));
    const exited = new Promise<number | null>((resolve) => app.child.once('exit', (code) => resolve(code)));
    app.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await load;
    expect(childrenOf(app.child.pid!)).toEqual([]);
    const store = SqliteEventStore.open({ file: join(dataDir, 'events.sqlite') });
    try {
      const ids = new Set<string>();
      for (let after = 0; ; ) {
        const page = await store.readAll({ after, limit: 10_000 });
        if (page.length === 0) break;
        for (const e of page) ids.add(e.id);
        after = page[page.length - 1].position;
      }
      expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
      expect((await store.verify()).ok).toBe(true);
    } finally {
      await store.close();
    }
  }, 60_000);
});
