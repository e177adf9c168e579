import { signToken } from '../../apps/api/src/auth/token-signer';
import type { Ledger, Reply } from './ledger';

/** A rationale the deciders accept. */
export const RATIONALE = 'Because the data from the last quarter says so.';

/** Well-formed ids (UUID v4) that no stream will ever have. */
export const UNKNOWN_ID = '0f0e0d0c-0b0a-4909-8807-060504030201';
export const UNKNOWN_ID_2 = '1f1e1d1c-1b1a-4919-8817-161514131211';

// ---------------------------------------------------------------------------------------------
// Assertions

/**
 * An RFC 9457 problem with a stable code: status, `application/problem+json`, `code`, and the
 * members every problem must carry (`type`, `title`, `detail`, `requestId`).
 */
export function expectProblem(res: Reply, status: number, code: string): Record<string, any> {
  const summary = `${res.status} ${res.headers.get('content-type')} ${res.text.slice(0, 300)}`;
  expect({ status: res.status, code: (res.body as { code?: unknown })?.code, summary }).toEqual({ status, code, summary });
  expect(res.headers.get('content-type') ?? '').toContain('application/problem+json');
  const body = res.body as Record<string, any>;
  expect(body).toEqual(
    expect.objectContaining({
      type: expect.any(String),
      title: expect.any(String),
      detail: expect.any(String),
      requestId: expect.any(String),
      status,
      code,
    }),
  );
  expect(body.type.length).toBeGreaterThan(0);
  expect(body.title.length).toBeGreaterThan(0);
  expect(body.requestId.length).toBeGreaterThan(0);
  if (status === 401) expect(res.headers.get('www-authenticate')).toBe('Bearer');
  return body;
}

/** The `field`s named in a problem's `errors[]`. */
export function errorFields(res: Reply): string[] {
  const errors = (res.body as { errors?: { field: string }[] })?.errors ?? [];
  return errors.map((e) => e.field);
}

/** The `errors[]` entry for a field with a given code, or undefined. */
export function fieldError(res: Reply, field: string, code?: string): { field: string; code: string; message: string } | undefined {
  const errors = (res.body as { errors?: { field: string; code: string; message: string }[] })?.errors ?? [];
  return errors.find((e) => e.field === field && (code === undefined || e.code === code));
}

/** 400 VALIDATION.FAILED whose errors[] names `field` (optionally with a given error code). */
export function expectValidationError(res: Reply, field: string, code?: string): void {
  expectProblem(res, 400, 'VALIDATION.FAILED');
  expect({ fields: errorFields(res), hasField: fieldError(res, field, code) !== undefined }).toEqual({
    fields: expect.arrayContaining([field]),
    hasField: true,
  });
}

/** The event store's head position, as /health reports it (only decisions write to the store). */
export async function headPosition(ledger: Ledger): Promise<number> {
  const res = await ledger.request('GET', '/health');
  expect(res.status).toBe(200);
  const head = res.body?.eventStore?.headPosition;
  expect(typeof head).toBe('number');
  return head as number;
}

/**
 * Runs `fn` (which must only send requests that are to be rejected) and proves that the event store
 * did not move: its head position is the same before and after.
 */
export async function expectNothingWritten<T>(ledger: Ledger, fn: () => Promise<T>): Promise<T> {
  const before = await headPosition(ledger);
  const result = await fn();
  const after = await headPosition(ledger);
  expect({ headPositionAfter: after }).toEqual({ headPositionAfter: before });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Tokens that must be refused

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

export async function forgedTokens(ledger: Ledger, backlogs: string[]) {
  const now = Math.floor(Date.now() / 1000);
  const valid = await ledger.token('product-owner', 'olga', backlogs);
  const [header, payload, signature] = valid.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  return {
    /** exp an hour ago (issued 2 h ago with a 1 h ttl; beyond the 5 s clock tolerance). */
    expired: await ledger.token('product-owner', 'olga', backlogs, { ttlSeconds: 3600, now: new Date(Date.now() - 2 * 3600 * 1000) }),
    /** Same claims, signed with a secret the server does not know. */
    otherSecret: await signToken(new TextEncoder().encode('not-the-server-secret-not-the-server-secret-!!'), {
      sub: 'olga',
      role: 'product-owner',
      backlogs,
    }),
    /** alg "none", no signature. */
    algNone: `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub: 'mallory', role: 'admin', backlogs: [], iat: now, exp: now + 3600 })}.`,
    /** A valid token whose payload was edited to claim the admin role; the signature is the original. */
    tampered: `${header}.${b64url({ ...claims, role: 'admin' })}.${signature}`,
    /** Correctly signed, but the role is not one the API knows. */
    unknownRole: await ledger.token('superuser' as never, 'mallory', backlogs),
    /** Correctly signed, but issued an hour in the future. */
    issuedInFuture: await ledger.token('product-owner', 'olga', backlogs, { ttlSeconds: 7200, now: new Date(Date.now() + 3600 * 1000) }),
    /** Correctly signed, but claims the internal "system" role, which no token may carry. */
    systemRole: await ledger.token('system' as never, 'mallory', backlogs),
  };
}

// ---------------------------------------------------------------------------------------------
// A world with every state the write routes need

export interface World {
  /** Backlog A, owned by olga. */
  backlogId: string;
  /** Backlog B, owned by otto. */
  otherBacklogId: string;
  /** Active objective of A (the open item is not linked to it). */
  objectiveId: string;
  /** A second active objective of A (free to retire). */
  spareObjectiveId: string;
  /** Ranked at position 1 of A. */
  anchorItemId: string;
  /**
   * Open, ranked at position 2 of A, estimate 3, not linked to an objective, with an open escalation
   * (escalationId) against its `added` decision; its `estimated` decision (estimateEventId) is not escalated.
   */
  itemId: string;
  addedEventId: string;
  estimateEventId: string;
  escalationId: string;
  killedItemId: string;
  deliveredItemId: string;
  /** An open item of backlog B. */
  otherItemId: string;
  tokens: {
    admin: string;
    leader: string;
    /** product-owner scoped to A. */
    owner: string;
    /** product-owner scoped to B. */
    otherOwner: string;
    /** stakeholder without a scope (may act on any backlog). */
    stakeholder: string;
    /** stakeholder scoped to B. */
    scopedStakeholder: string;
    auditor: string;
    forumMember: string;
  };
}

async function ok(res: Reply, status: number, what: string): Promise<Reply> {
  if (res.status !== status) throw new Error(`fixture: ${what} answered ${res.status}: ${res.text}`);
  return res;
}

/** Builds backlogs A and B and the items of A in every state the write routes need (all through the API). */
export async function makeWorld(ledger: Ledger, label = 'World'): Promise<World> {
  const leader = await ledger.token('product-leader', 'lena');
  const admin = await ledger.token('admin', 'ada');
  const post = (path: string, body: unknown, token: string) => ledger.request('POST', path, { token, body });

  const backlogId = (await ok(await post('/backlogs', { name: `${label} A`, productGoal: 'Make paying effortless for returning customers' }, leader), 201, 'create A')).body.id;
  const otherBacklogId = (await ok(await post('/backlogs', { name: `${label} B`, productGoal: 'Make onboarding effortless for new teams' }, leader), 201, 'create B')).body.id;
  const owner = await ledger.token('product-owner', 'olga', [backlogId]);
  const otherOwner = await ledger.token('product-owner', 'otto', [otherBacklogId]);
  const stakeholder = await ledger.token('stakeholder', 'sam');
  const scopedStakeholder = await ledger.token('stakeholder', 'sue', [otherBacklogId]);

  const objective = (title: string) =>
    post(`/backlogs/${backlogId}/objectives`, { title, metric: 'median checkout seconds', target: '< 20', rationale: RATIONALE }, owner);
  const objectiveId = (await ok(await objective('Faster checkout'), 201, 'objective')).body.objectiveId;
  const spareObjectiveId = (await ok(await objective('Fewer abandoned carts'), 201, 'spare objective')).body.objectiveId;

  const addItem = async (title: string, backlog = backlogId, token = owner) =>
    (await ok(await post(`/backlogs/${backlog}/items`, { title, kind: 'story', rationale: RATIONALE }, token), 201, `add ${title}`)).body;
  const anchorItemId = (await addItem('Anchor')).id;
  const added = await addItem('Open item');
  const itemId = added.id as string;
  const addedEventId = added.eventIds[0] as string;
  const estimated = await ok(await post(`/items/${itemId}/estimate`, { estimate: 3, rationale: RATIONALE }, owner), 200, 'estimate');
  const estimateEventId = estimated.body.eventIds[0] as string;
  const escalated = await ok(
    await post(
      `/items/${itemId}/escalations`,
      { againstEventId: addedEventId, wanted: 'Put it at the very top', reason: 'Three enterprise renewals depend on it.' },
      stakeholder,
    ),
    201,
    'escalate',
  );
  const escalationId = escalated.body.escalationId as string;

  const killedItemId = (await addItem('Killed item')).id;
  await ok(await post(`/items/${killedItemId}/kill`, { reason: 'Nobody used it in six months.' }, owner), 200, 'kill');
  const deliveredItemId = (await addItem('Delivered item')).id;
  await ok(await post(`/items/${deliveredItemId}/deliver`, { rationale: RATIONALE }, owner), 200, 'deliver');
  const otherItemId = (await addItem('Other backlog item', otherBacklogId, otherOwner)).id;

  return {
    backlogId,
    otherBacklogId,
    objectiveId,
    spareObjectiveId,
    anchorItemId,
    itemId,
    addedEventId,
    estimateEventId,
    escalationId,
    killedItemId,
    deliveredItemId,
    otherItemId,
    tokens: {
      admin,
      leader,
      owner,
      otherOwner,
      stakeholder,
      scopedStakeholder,
      auditor: await ledger.token('auditor', 'audrey'),
      forumMember: await ledger.token('forum-member', 'fred'),
    },
  };
}
