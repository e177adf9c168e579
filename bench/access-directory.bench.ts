/**
 * The access directory (ADR 0023): how long a start takes to fold the `access-directory` stream into memory, and
 * what checking a web session costs per request (session JWT verification + directory lookup).
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/access-directory.bench.ts [signIns]
 * Seeds `signIns` invitation sign-ins (invitation.created, invitation.redeemed, session.started; every 10th also
 * session.signed-out), one every 5 minutes, 8-hour sessions, into a SQLite store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { FixedClock, SequentialIds, type EventToAppend } from '@ledger/kernel';
import { getIn, valuesOf } from '@ledger/domain';
import { SqliteEventStore } from '@ledger/event-store';
import { ACCESS_STREAM, AccessDirectory } from '../apps/api/src/sign-in/access-directory';
import { SessionTokens } from '../apps/api/src/sign-in/session-tokens';
import { JsonLogger } from '../apps/api/src/shared/json-logger';

/** A real gc() even without --expose-gc, so the heap figure is live data, not garbage. */
function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const uuid = (n: number, tag: number) => `${tag.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export async function benchAccessDirectory(opts: { dir: string; signIns: number }): Promise<Record<string, number>> {
  const store = SqliteEventStore.open({ file: join(opts.dir, 'access.sqlite'), clock: new FixedClock(new Date('2027-01-01T00:00:00Z')) });
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  let batch: EventToAppend[] = [];
  let revision = -1;
  let events = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const r = await store.append(ACCESS_STREAM, batch, revision < 0 ? 'no-stream' : revision);
    revision = r.nextRevision;
    events += batch.length;
    batch = [];
  };
  const push = (type: string, data: Record<string, unknown>) =>
    batch.push({ id: uuid(events + batch.length, 1), type, schemaVersion: 1, data, metadata: { actor: { id: 'admin', role: 'admin' }, correlationId: uuid(events, 2), causationId: null } });
  for (let i = 0; i < opts.signIns; i++) {
    const at = new Date(t0 + i * 300_000).toISOString();
    const expiresAt = new Date(t0 + i * 300_000 + 8 * 3600_000).toISOString();
    const invitationId = uuid(i, 3);
    const sessionId = uuid(i, 4);
    const userId = `person-${i % 300}`;
    push('invitation.created', { invitationId, userId, name: `Person ${i % 300}`, role: 'stakeholder', backlogs: [], createdAt: at, expiresAt, secretHash: i.toString(16).padStart(64, '0') });
    push('invitation.redeemed', { invitationId, sessionId, userId, redeemedAt: at });
    push('session.started', { sessionId, userId, name: `Person ${i % 300}`, role: 'stakeholder', backlogs: [], method: 'invitation', invitationId, issuer: null, startedAt: at, expiresAt });
    if (i % 10 === 0) push('session.signed-out', { sessionId, userId, signedOutAt: at });
    if (batch.length >= 2000) await flush();
  }
  await flush();

  collect();
  const heap0 = process.memoryUsage().heapUsed;
  const directory = new AccessDirectory(store, new SequentialIds(), new JsonLogger('silent'));
  const started = process.hrtime.bigint();
  await directory.onApplicationBootstrap();
  const startMs = Number(process.hrtime.bigint() - started) / 1e6;
  collect();
  const heapMiB = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;

  // A live session's check, as SessionAuth does it on every request: verify the cookie's JWT, look the session up.
  const tokens = new SessionTokens(new TextEncoder().encode('bench-session-secret-0123456789abcdef'));
  const last = valuesOf(directory.state.sessions).sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
  const now = new Date(Date.parse(last.startedAt) + 60_000);
  const jwt = await tokens.sign({ sessionId: last.sessionId, sub: last.userId }, now, new Date(last.expiresAt));
  const checks = 20_000;
  const c0 = process.hrtime.bigint();
  for (let i = 0; i < checks; i++) {
    const claims = await tokens.verify(jwt, now);
    if (getIn(directory.state.sessions, claims.sessionId)?.status !== 'active') throw new Error('the session should be live');
  }
  const checkUs = Number(process.hrtime.bigint() - c0) / 1e3 / checks;
  await directory.onApplicationShutdown();
  await store.close();
  return {
    sign_ins: opts.signIns,
    events,
    start_ms: Math.round(startMs),
    start_events_per_s: Math.round(events / (startMs / 1000)),
    sessions_in_memory: directory.state.sessions.size,
    invitations_in_memory: directory.state.invitations.size,
    heap_mib_after_start: Math.round(heapMiB * 10) / 10,
    session_check_us: Math.round(checkUs * 10) / 10,
  };
}

if (require.main === module) {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-access-'));
  benchAccessDirectory({ dir, signIns: Number(process.argv[2] ?? 100_000) })
    .then((r) => process.stdout.write(JSON.stringify(r, null, 2) + '\n'))
    .finally(() => rmSync(dir, { recursive: true, force: true }));
}
