import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomIds, type Actor } from '@ledger/kernel';
import { getIn, valuesOf, type AccessCommand } from '@ledger/domain';
import { SqliteEventStore } from '@ledger/event-store';
import { JsonLogger } from '../shared/json-logger';
import { ACCESS_STREAM, AccessDirectory } from './access-directory';

const admin: Actor = { id: 'ada', role: 'admin' };
const NOW = '2026-03-02T10:00:00.000Z';
const meta = { requestId: 'r', correlationId: 'c' };
const hash = (n: number) => n.toString(16).padStart(64, '0');
const invite = (invitationId: string, n: number): (() => AccessCommand) => () => ({
  kind: 'CreateInvitation', actor: admin, invitationId, userId: `p${n}`, name: `Person ${n}`, role: 'stakeholder', backlogs: [],
  secretHash: hash(n), now: NOW, expiresAt: '2026-03-05T10:00:00.000Z',
});

async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Two directories on two connections to one SQLite file: two API replicas sharing a store. */
describe('access directory across replicas (real SQLite store, two connections)', () => {
  let dir: string;
  const stores: SqliteEventStore[] = [];
  const directories: AccessDirectory[] = [];
  const replica = async (pollIntervalMs: number) => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), pollIntervalMs });
    const directory = new AccessDirectory(store, randomIds, new JsonLogger('silent'));
    await directory.onApplicationBootstrap();
    stores.push(store);
    directories.push(directory);
    return { store, directory };
  };

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ledger-access-'))));
  afterEach(async () => {
    for (const d of directories.splice(0)) await d.onApplicationShutdown();
    for (const s of stores.splice(0)) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('each replica follows what the other decides: an invitation, its redemption, a revocation', async () => {
    const a = await replica(20);
    const b = await replica(20);
    await a.directory.decide(invite('i-1', 1), meta);
    await eventually(() => getIn(b.directory.state.invitations, 'i-1') !== undefined);

    const redeemed = await b.directory.decide(() => ({ kind: 'RedeemInvitation', secretHash: hash(1), sessionId: 's-1', now: NOW, sessionTtlMs: 3600_000 }), meta);
    expect(redeemed.events.map((e) => e.type)).toEqual(['invitation.redeemed', 'session.started']);
    await eventually(() => getIn(a.directory.state.sessions, 's-1')?.status === 'active');

    await a.directory.decide(() => ({ kind: 'RevokeSession', actor: admin, sessionId: 's-1', reason: 'Left the company this week', now: NOW }), meta);
    await eventually(() => getIn(b.directory.state.sessions, 's-1')?.status === 'revoked');
    const events = await a.store.readStream(ACCESS_STREAM);
    expect(events.map((e) => [e.type, e.metadata.actor])).toEqual([
      ['invitation.created', admin],
      ['invitation.redeemed', { id: 'p1', role: 'stakeholder' }],
      ['session.started', { id: 'p1', role: 'stakeholder' }],
      ['session.revoked', admin],
    ]);
  });

  it('a replica deciding on stale state hits the expected revision, reads what the other wrote, and decides again', async () => {
    const a = await replica(20);
    const stale = await replica(3_600_000); // follows only on its own commits
    await a.directory.decide(invite('i-1', 1), meta);
    expect(getIn(stale.directory.state.invitations, 'i-1')).toBeUndefined();
    // Same secret as i-1: on fresh state the decider refuses it, so the retry must have seen i-1.
    await expect(stale.directory.decide(invite('i-2', 1), meta)).rejects.toMatchObject({ code: 'INVITATION.SECRET_INVALID' });
    await stale.directory.decide(invite('i-3', 3), meta);
    expect(valuesOf(stale.directory.state.invitations).map((i) => i.invitationId).sort()).toEqual(['i-1', 'i-3']);
    expect((await a.store.readStream(ACCESS_STREAM)).map((e) => e.revision)).toEqual([0, 1]);
  });

  it('a start rebuilds the same state from the stream', async () => {
    const a = await replica(20);
    await a.directory.decide(invite('i-1', 1), meta);
    await a.directory.decide(() => ({ kind: 'RedeemBootstrapLink', sessionId: 's-boot', now: NOW, sessionTtlMs: 3600_000 }), meta);
    const restarted = await replica(20);
    expect(restarted.directory.state).toEqual(a.directory.state);
    expect(restarted.directory.state.adminHasSignedIn).toBe(true);
  });
});
