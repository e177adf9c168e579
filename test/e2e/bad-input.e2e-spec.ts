/**
 * Bad input, end to end: every write route (and the reads where it matters) is fed invalid bodies,
 * broken transports, bad tokens, wrong roles, foreign scopes, unknown ids, bad preconditions and
 * replayed Idempotency-Keys. Every rejection must be an application/problem+json with a stable code,
 * and — proven through /health's eventStore.headPosition — must write nothing.
 */
import { startLedger, type Ledger, type Reply } from '../support/ledger';
import {
  RATIONALE,
  UNKNOWN_ID,
  errorFields,
  expectNothingWritten,
  expectProblem,
  expectValidationError,
  fieldError,
  forgedTokens,
  headPosition,
  makeWorld,
  type World,
} from '../support/fixtures';

type Body = Record<string, unknown>;
type Ids = { backlogId: string; itemId: string; objectiveId: string; escalationId: string };
type Param = keyof Ids;

interface TextField {
  field: string;
  /** The code the deciders answer for trivial text in this field (422). */
  code: string;
  /** The field may be left out (it then defaults); only its trivial values are rejected. */
  optional?: boolean;
}

interface WriteRoute {
  name: string;
  method: 'POST' | 'PUT';
  path: (ids: Ids) => string;
  params: Param[];
  /** The ids the route acts on in a world built by makeWorld. */
  target: (w: World) => Ids;
  /** A body that the route accepts against `target(w)`. */
  body: (w: World) => Body;
  status: 200 | 201;
  /** The stream whose revision If-Match is compared with (null: the decision creates a stream). */
  guard: 'backlog' | 'item' | null;
  texts: TextField[];
  /** [field the 400 must name, patch that gives it a value of the wrong type]. */
  wrongTypes: [string, Body][];
  /** Code for auditors and forum members. */
  readOnlyRoleCode: string;
  /** Code for an unscoped stakeholder (null: stakeholders may take this decision). */
  stakeholder: { code: string; patch?: Body } | null;
}

const NOT_FOUND_CODE: Record<Param, string> = {
  backlogId: 'BACKLOG.NOT_FOUND',
  itemId: 'ITEM.NOT_FOUND',
  objectiveId: 'BACKLOG.OBJECTIVE_NOT_FOUND',
  escalationId: 'ESCALATION.NOT_FOUND',
};

const RATIONALE_FIELD: TextField = { field: 'rationale', code: 'DECISION.RATIONALE_REQUIRED' };
const ONLY_DECIDERS = { code: 'DECISION.NOT_ALLOWED_FOR_ROLE' };

const base = (w: World): Ids => ({ backlogId: w.backlogId, itemId: w.itemId, objectiveId: w.spareObjectiveId, escalationId: w.escalationId });

const WRITES: WriteRoute[] = [
  {
    name: 'POST /backlogs',
    method: 'POST',
    path: () => '/backlogs',
    params: [],
    target: base,
    body: () => ({ name: 'Payments', productGoal: 'Make paying effortless for everyone', rationale: RATIONALE }),
    status: 201,
    guard: null,
    texts: [
      { field: 'productGoal', code: 'BACKLOG.PRODUCT_GOAL_REQUIRED' },
      { ...RATIONALE_FIELD, optional: true },
    ],
    wrongTypes: [
      ['name', { name: 42 }],
      ['policy', { policy: [] }],
      ['policy', { policy: 'strict' }],
      ['policy.zombieAfterDays', { policy: { zombieAfterDays: '90' } }],
      ['policy.healthySprints', { policy: { healthySprints: [3, 6] } }],
    ],
    readOnlyRoleCode: 'AUTH.ROLE_FORBIDDEN',
    stakeholder: { code: 'AUTH.ROLE_FORBIDDEN' },
  },
  {
    name: 'POST /backlogs/:backlogId/product-goal',
    method: 'POST',
    path: (i) => `/backlogs/${i.backlogId}/product-goal`,
    params: ['backlogId'],
    target: base,
    body: () => ({ productGoal: 'Returning customers pay in one tap', rationale: RATIONALE }),
    status: 200,
    guard: 'backlog',
    texts: [{ field: 'productGoal', code: 'BACKLOG.PRODUCT_GOAL_REQUIRED' }, RATIONALE_FIELD],
    wrongTypes: [],
    readOnlyRoleCode: 'DECISION.NOT_ALLOWED_FOR_ROLE',
    stakeholder: ONLY_DECIDERS,
  },
  {
    name: 'POST /backlogs/:backlogId/objectives',
    method: 'POST',
    path: (i) => `/backlogs/${i.backlogId}/objectives`,
    params: ['backlogId'],
    target: base,
    body: () => ({ title: 'Higher conversion', metric: 'checkout conversion rate', target: '3%', rationale: RATIONALE }),
    status: 201,
    guard: 'backlog',
    texts: [RATIONALE_FIELD],
    wrongTypes: [
      ['title', { title: 7 }],
      ['metric', { metric: ['rate'] }],
      ['target', { target: 3 }],
    ],
    readOnlyRoleCode: 'DECISION.NOT_ALLOWED_FOR_ROLE',
    stakeholder: ONLY_DECIDERS,
  },
  {
    name: 'POST /backlogs/:backlogId/objectives/:objectiveId/retire',
    method: 'POST',
    path: (i) => `/backlogs/${i.backlogId}/objectives/${i.objectiveId}/retire`,
    params: ['backlogId', 'objectiveId'],
    target: base,
    body: () => ({ rationale: RATIONALE }),
    status: 200,
    guard: 'backlog',
    texts: [RATIONALE_FIELD],
    wrongTypes: [],
    readOnlyRoleCode: 'DECISION.NOT_ALLOWED_FOR_ROLE',
    stakeholder: ONLY_DECIDERS,
  },
  {
    name: 'POST /backlogs/:backlogId/velocities',
    method: 'POST',
    path: (i) => `/backlogs/${i.backlogId}/velocities`,
    params: ['backlogId'],
    target: base,
    body: () => ({ sprint: 'Sprint 7', endedOn: '2026-01-02', points: 21, rationale: RATIONALE }),
    status: 201,
    guard: 'backlog',
    texts: [RATIONALE_FIELD],
    wrongTypes: [
      ['points', { points: '21' }],
      ['points', { points: null }],
      ['endedOn', { endedOn: 20260102 }],
      ['sprint', { sprint: 7 }],
    ],
    readOnlyRoleCode: 'DECISION.NOT_ALLOWED_FOR_ROLE',
    stakeholder: ONLY_DECIDERS,
  },
  {
    name: 'PUT /backlogs/:backlogId/policy',
    method: 'PUT',
    path: (i) => `/backlogs/${i.backlogId}/policy`,
    params: ['backlogId'],
    target: base,
    body: () => ({ policy: { zombieAfterDays: 120 }, rationale: RATIONALE }),
    status: 200,
    guard: 'backlog',
    texts: [RATIONALE_FIELD],
    wrongTypes: [
      ['policy', { policy: [] }],
      ['policy', { policy: 'strict' }],
      ['policy', { policy: null }],
      ['policy.zombieAfterDays', { policy: { zombieAfterDays: '120' } }],
      ['policy.healthySprints', { policy: { healthySprints: [3, 6] } }],
    ],
    readOnlyRoleCode: 'DECISION.NOT_ALLOWED_FOR_ROLE',
    stakeholder: ONLY_DECIDERS,
  },
  {
    name: 'POST /backlogs/:backlogId/items',
    method: 'POST',
    path: (i) => `/backlogs/${i.backlogId}/items`,
    params: ['backlogId'],
    target: base,
    body: () => ({ title: 'Saved cards', kind: 'story', rationale: RATIONALE }),
    status: 201,
    guard: null,
    texts: [RATIONALE_FIELD],
    wrongTypes: [
      ['title', { title: 42 }],
      ['kind', { kind: 3 }],
      ['estimate', { estimate: '5' }],
      ['toPosition', { toPosition: '1' }],
      ['objectiveId', { objectiveId: 12 }],
    ],
    readOnlyRoleCode: 'DECISION.NOT_ALLOWED_FOR_ROLE',
    stakeholder: { code: 'ITEM.STAKEHOLDER_CANNOT_REPRIORITIZE', patch: { toPosition: 1 } },
  },
  {
    name: 'POST /items/:itemId/reprioritize',
    method: 'POST',
    path: (i) => `/items/${i.itemId}/reprioritize`,
    params: ['itemId'],
    target: base,
    body: () => ({ toPosition: 1, trigger: 'new-evidence', rationale: RATIONALE }),
    status: 200,
    guard: 'item',
    texts: [RATIONALE_FIELD],
    wrongTypes: [
      ['toPosition', { toPosition: '1' }],
      ['toPosition', { toPosition: 1.5 }],
      ['trigger', { trigger: 5 }],
    ],
    readOnlyRoleCode: 'DECISION.NOT_ALLOWED_FOR_ROLE',
    stakeholder: { code: 'ITEM.STAKEHOLDER_CANNOT_REPRIORITIZE' },
  },
  {
    name: 'POST /items/:itemId/escalations',
    method: 'POST',
    path: (i) => `/items/${i.itemId}/escalations`,
    params: ['itemId'],
    target: base,
    body: (w) => ({ againstEventId: w.estimateEventId, wanted: 'Estimate it at 1 point instead', reason: 'The spike showed it is a config change.' }),
    status: 201,
    guard: 'item',
    texts: [
      { field: 'reason', code: 'ESCALATION.REASON_REQUIRED' },
      { field: 'wanted', code: 'ESCALATION.WANTED_REQUIRED' },
    ],
    wrongTypes: [
      ['againstEventId', { againstEventId: 42 }],
      ['againstEventId', { againstEventId: 'not-a-uuid' }],
      ['addressedTo', { addressedTo: 42 }],
    ],
    readOnlyRoleCode: 'DECISION.NOT_ALLOWED_FOR_ROLE',
    stakeholder: null,
  },
  {
    name: 'POST /items/:itemId/escalations/:escalationId/resolve',
    method: 'POST',
    path: (i) => `/items/${i.itemId}/escalations/${i.escalationId}/resolve`,
    params: ['itemId', 'escalationId'],
    target: base,
    body: () => ({ outcome: 'upheld', rationale: RATIONALE }),
    status: 200,
    guard: 'item',
    texts: [RATIONALE_FIELD],
    wrongTypes: [
      ['outcome', { outcome: true }],
      ['outcome', { outcome: null }],
      ['toPosition', { toPosition: '2' }],
    ],
    readOnlyRoleCode: 'DECISION.NOT_ALLOWED_FOR_ROLE',
    stakeholder: ONLY_DECIDERS,
  },
  {
    name: 'POST /items/:itemId/kill',
    method: 'POST',
    path: (i) => `/items/${i.itemId}/kill`,
    params: ['itemId'],
    target: base,
    body: () => ({ reason: 'Nobody asked for it in six months.' }),
    status: 200,
    guard: 'item',
    texts: [{ field: 'reason', code: 'ITEM.KILL_REASON_REQUIRED' }],
    wrongTypes: [],
    readOnlyRoleCode: 'DECISION.NOT_ALLOWED_FOR_ROLE',
    stakeholder: ONLY_DECIDERS,
  },
  {
    name: 'POST /items/:itemId/revive',
    method: 'POST',
    path: (i) => `/items/${i.itemId}/revive`,
    params: ['itemId'],
    target: (w) => ({ ...base(w), itemId: w.killedItemId }),
    body: () => ({ rationale: RATIONALE }),
    status: 200,
    guard: 'item',
    texts: [RATIONALE_FIELD],
    wrongTypes: [['toPosition', { toPosition: 'top' }]],
    readOnlyRoleCode: 'DECISION.NOT_ALLOWED_FOR_ROLE',
    stakeholder: ONLY_DECIDERS,
  },
  {
    name: 'POST /items/:itemId/anti-backlog',
    method: 'POST',
    path: (i) => `/items/${i.itemId}/anti-backlog`,
    params: ['itemId'],
    target: base,
    body: () => ({ reason: 'Does not serve the product goal at all.' }),
    status: 200,
    guard: 'item',
    texts: [{ field: 'reason', code: 'ITEM.ANTI_BACKLOG_REASON_REQUIRED' }],
    wrongTypes: [],
    readOnlyRoleCode: 'DECISION.NOT_ALLOWED_FOR_ROLE',
    stakeholder: ONLY_DECIDERS,
  },
  {
    name: 'POST /items/:itemId/kill-criteria',
    method: 'POST',
    path: (i) => `/items/${i.itemId}/kill-criteria`,
    params: ['itemId'],
    target: base,
    body: () => ({ exitCondition: 'No checkout-time gain after two sprints', reviewBy: '2026-03-01', rationale: RATIONALE }),
    status: 200,
    guard: 'item',
    texts: [{ field: 'exitCondition', code: 'ITEM.EXIT_CONDITION_REQUIRED' }, RATIONALE_FIELD],
    wrongTypes: [
      ['reviewBy', { reviewBy: 20260301 }],
      ['reviewBy', { reviewBy: { date: '2026-03-01' } }],
    ],
    readOnlyRoleCode: 'DECISION.NOT_ALLOWED_FOR_ROLE',
    stakeholder: ONLY_DECIDERS,
  },
  {
    name: 'POST /items/:itemId/estimate',
    method: 'POST',
    path: (i) => `/items/${i.itemId}/estimate`,
    params: ['itemId'],
    target: base,
    body: () => ({ estimate: 5, rationale: RATIONALE }),
    status: 200,
    guard: 'item',
    texts: [RATIONALE_FIELD],
    wrongTypes: [
      ['estimate', { estimate: '5' }],
      ['estimate', { estimate: [5] }],
      ['estimate', { estimate: true }],
      ['scoreInputs', { scoreInputs: 'high' }],
      ['scoreInputs.value', { scoreInputs: { value: 'high' } }],
      ['scoreInputs.impact', { scoreInputs: { impact: 4 } }],
    ],
    readOnlyRoleCode: 'DECISION.NOT_ALLOWED_FOR_ROLE',
    stakeholder: ONLY_DECIDERS,
  },
  {
    name: 'POST /items/:itemId/objective',
    method: 'POST',
    path: (i) => `/items/${i.itemId}/objective`,
    params: ['itemId'],
    target: base,
    body: (w) => ({ objectiveId: w.objectiveId, rationale: RATIONALE }),
    status: 200,
    guard: 'item',
    texts: [RATIONALE_FIELD],
    wrongTypes: [
      ['objectiveId', { objectiveId: 42 }],
      ['objectiveId', { objectiveId: null }],
    ],
    readOnlyRoleCode: 'DECISION.NOT_ALLOWED_FOR_ROLE',
    stakeholder: ONLY_DECIDERS,
  },
  {
    name: 'POST /items/:itemId/start',
    method: 'POST',
    path: (i) => `/items/${i.itemId}/start`,
    params: ['itemId'],
    target: base,
    body: () => ({ rationale: RATIONALE }),
    status: 200,
    guard: 'item',
    texts: [RATIONALE_FIELD],
    wrongTypes: [],
    readOnlyRoleCode: 'DECISION.NOT_ALLOWED_FOR_ROLE',
    stakeholder: ONLY_DECIDERS,
  },
  {
    name: 'POST /items/:itemId/deliver',
    method: 'POST',
    path: (i) => `/items/${i.itemId}/deliver`,
    params: ['itemId'],
    target: base,
    body: () => ({ rationale: RATIONALE }),
    status: 200,
    guard: 'item',
    texts: [RATIONALE_FIELD],
    wrongTypes: [],
    readOnlyRoleCode: 'DECISION.NOT_ALLOWED_FOR_ROLE',
    stakeholder: ONLY_DECIDERS,
  },
  {
    name: 'POST /items/:itemId/outcomes',
    method: 'POST',
    path: (i) => `/items/${i.itemId}/outcomes`,
    params: ['itemId'],
    target: (w) => ({ ...base(w), itemId: w.deliveredItemId }),
    body: (w) => ({ objectiveId: w.objectiveId, observedValue: '17 s median checkout', moved: true, rationale: RATIONALE }),
    status: 201,
    guard: 'item',
    texts: [RATIONALE_FIELD],
    wrongTypes: [
      ['moved', { moved: 'yes' }],
      ['moved', { moved: null }],
      ['observedValue', { observedValue: 17 }],
      ['objectiveId', { objectiveId: 'abc' }],
    ],
    readOnlyRoleCode: 'DECISION.NOT_ALLOWED_FOR_ROLE',
    stakeholder: ONLY_DECIDERS,
  },
];

interface ReadRoute {
  name: string;
  path: (ids: Ids) => string;
  params: Param[];
  /** Reads of one backlog (scope applies); the audit reads are role-gated instead, the lists filtered by scope. */
  scoped: boolean;
}

const READS: ReadRoute[] = [
  { name: 'GET /backlogs/:backlogId', path: (i) => `/backlogs/${i.backlogId}`, params: ['backlogId'], scoped: true },
  { name: 'GET /backlogs/:backlogId/items', path: (i) => `/backlogs/${i.backlogId}/items`, params: ['backlogId'], scoped: true },
  { name: 'GET /items/:itemId', path: (i) => `/items/${i.itemId}`, params: ['itemId'], scoped: true },
  { name: 'GET /items/:itemId/history', path: (i) => `/items/${i.itemId}/history`, params: ['itemId'], scoped: true },
  { name: 'GET /audit/events', path: () => '/audit/events', params: [], scoped: false },
  { name: 'GET /audit/verify', path: () => '/audit/verify', params: [], scoped: false },
  { name: 'GET /backlogs', path: () => '/backlogs', params: [], scoped: false },
  { name: 'GET /escalations', path: (i) => `/escalations?backlogId=${i.backlogId}`, params: [], scoped: false },
];

const TRIVIAL_TEXTS = ['ok', 'aaaaaaaaaaaa', '..........'];
const omit = (body: Body, field: string): Body => Object.fromEntries(Object.entries(body).filter(([k]) => k !== field));
const JSON_CT = { 'content-type': 'application/json' };

// =============================================================================================

describe('bad input over HTTP: every rejection is a problem+json with a stable code and writes nothing', () => {
  let ledger: Ledger;
  let w: World;

  beforeAll(async () => {
    ledger = await startLedger();
    w = await makeWorld(ledger);
  });
  afterAll(() => ledger.close());

  /** Sends a write of `route` against the world, as the owner of backlog A unless told otherwise. */
  const send = (
    route: WriteRoute,
    o: { body?: unknown; rawBody?: string; token?: string | null; headers?: Record<string, string>; ids?: Partial<Ids> } = {},
  ) => {
    const ids = { ...route.target(w), ...o.ids };
    const token = o.token === null ? undefined : (o.token ?? (route.guard === null && route.params.length === 0 ? w.tokens.leader : w.tokens.owner));
    const req: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = { token, headers: o.headers };
    if (o.rawBody !== undefined) req.rawBody = o.rawBody;
    else req.body = 'body' in o ? o.body : route.body(w);
    return ledger.request(route.method, route.path(ids), req);
  };
  const rejected = (route: WriteRoute, o: Parameters<typeof send>[1] = {}) => expectNothingWritten(ledger, () => send(route, o));

  // -------------------------------------------------------------------------------------------
  describe('request bodies: rationale / reason, unknown fields, wrong types', () => {
    const missing = WRITES.flatMap((route) =>
      route.texts.filter((t) => !t.optional).map((t) => ({ label: `${route.name} without ${t.field}`, route, field: t.field })),
    );
    it.each(missing)('$label → 400 VALIDATION.FAILED naming it', async ({ route, field }) => {
      const res = await rejected(route, { body: omit(route.body(w), field) });
      expectValidationError(res, field);
    });

    const trivial = WRITES.flatMap((route) =>
      route.texts.flatMap((t) =>
        TRIVIAL_TEXTS.map((value) => ({ label: `${route.name} with ${t.field} '${value}'`, route, text: t, value })),
      ),
    );
    it.each(trivial)('$label → 422 with the field in errors[]', async ({ route, text, value }) => {
      const res = await rejected(route, { body: { ...route.body(w), [text.field]: value } });
      expectProblem(res, 422, text.code);
      expect(errorFields(res)).toContain(text.field);
    });

    it.each(WRITES)('$name with an unknown field → 400 VALIDATION.FAILED, errors[].code unknown-field', async (route) => {
      const res = await rejected(route, { body: { ...route.body(w), unexpected: true } });
      expectValidationError(res, 'unexpected', 'unknown-field');
    });

    it.each(WRITES)('$name with an actor in the body (the actor comes from the token) → 400 unknown-field', async (route) => {
      const res = await rejected(route, { body: { ...route.body(w), actor: { id: 'mallory', role: 'admin' } } });
      expectValidationError(res, 'actor', 'unknown-field');
    });

    const wrongTypes = WRITES.flatMap((route) => [
      ...route.texts.flatMap((t) =>
        ([
          ['a number', 12345],
          ['null', null],
          ['an array', [RATIONALE]],
          ['an object', { text: RATIONALE }],
        ] as [string, unknown][])
          // An optional field may be null (it then defaults, like an absent one).
          .filter(([kind]) => !(t.optional && kind === 'null'))
          .map(([kind, value]) => ({
            label: `${route.name} with ${t.field} as ${kind}`,
            route,
            field: t.field,
            patch: { [t.field]: value } as Body,
          })),
      ),
      ...route.wrongTypes.map(([field, patch]) => ({ label: `${route.name} with ${JSON.stringify(patch)}`, route, field, patch })),
    ]);
    it.each(wrongTypes)('$label → 400 VALIDATION.FAILED naming the field', async ({ route, field, patch }) => {
      const res = await rejected(route, { body: { ...route.body(w), ...patch } });
      expectValidationError(res, field);
    });

    it.each(WRITES)('$name with a JSON array as the body → 400 VALIDATION.FAILED', async (route) => {
      const res = await rejected(route, { body: [route.body(w)] });
      expectProblem(res, 400, 'VALIDATION.FAILED');
      expect(errorFields(res)).toContain(route.texts.find((t) => !t.optional)!.field);
    });

    it('PUT /backlogs/:backlogId/policy with an unknown nested field → 400 unknown-field naming its path', async () => {
      const policy = WRITES.find((r) => r.name === 'PUT /backlogs/:backlogId/policy')!;
      const res = await rejected(policy, { body: { policy: { zombieAfterDays: 120, zombieDays: 3 }, rationale: RATIONALE } });
      expectValidationError(res, 'policy.zombieDays', 'unknown-field');
      const nested = await rejected(policy, { body: { policy: { healthySprints: { min: 2, max: 5, ideal: 4 } }, rationale: RATIONALE } });
      expectValidationError(nested, 'policy.healthySprints.ideal', 'unknown-field');
    });

    it('POST /items/:itemId/reprioritize with two placements, or none → 400 naming them', async () => {
      const route = WRITES.find((r) => r.name === 'POST /items/:itemId/reprioritize')!;
      const both = await rejected(route, { body: { toPosition: 1, before: w.anchorItemId, rationale: RATIONALE } });
      expectValidationError(both, 'before', 'exclusive');
      expect(errorFields(both)).toContain('toPosition');
      const none = await rejected(route, { body: { rationale: RATIONALE } });
      expectValidationError(none, 'toPosition', 'required');
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('transport: malformed JSON, oversized bodies, other media types', () => {
    it.each(WRITES)('$name with malformed JSON → 400 REQUEST.MALFORMED_JSON', async (route) => {
      const raw = JSON.stringify(route.body(w)).slice(0, -1) + ',';
      expectProblem(await rejected(route, { rawBody: raw, headers: JSON_CT }), 400, 'REQUEST.MALFORMED_JSON');
    });

    it.each(WRITES)('$name with a body over 64 KiB → 413 REQUEST.TOO_LARGE', async (route) => {
      const raw = JSON.stringify({ ...route.body(w), padding: 'x'.repeat(70 * 1024) });
      expectProblem(await rejected(route, { rawBody: raw, headers: JSON_CT }), 413, 'REQUEST.TOO_LARGE');
    });

    it.each(WRITES)('$name with the JSON sent as text/plain → 415 REQUEST.UNSUPPORTED_MEDIA_TYPE', async (route) => {
      const raw = JSON.stringify(route.body(w));
      const res = await rejected(route, { rawBody: raw, headers: { 'content-type': 'text/plain' } });
      expectProblem(res, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
    });

    // The same root causes, on a sample of routes (a nested DTO, a create, an item decision).
    const sample = WRITES.filter((r) =>
      ['POST /backlogs', 'PUT /backlogs/:backlogId/policy', 'POST /backlogs/:backlogId/items', 'POST /items/:itemId/start'].includes(r.name),
    );
    it.each(sample)('$name with form-encoded or XML bodies → 415 REQUEST.UNSUPPORTED_MEDIA_TYPE', async (route) => {
      const form = await rejected(route, { rawBody: 'rationale=Because+the+data+says+so', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expectProblem(form, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
      const xml = await rejected(route, { rawBody: '<rationale>Because the data says so</rationale>', headers: { 'content-type': 'application/xml' } });
      expectProblem(xml, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
    });

    it.each(sample)('$name with Content-Type: application/json and an empty body → 400 REQUEST.EMPTY_BODY', async (route) => {
      expectProblem(await rejected(route, { rawBody: '', headers: JSON_CT }), 400, 'REQUEST.EMPTY_BODY');
    });

    it.each(sample)('$name with a __proto__ key (prototype poisoning) → 400 REQUEST.MALFORMED_JSON', async (route) => {
      const raw = JSON.stringify(route.body(w)).replace(/^\{/, '{"__proto__":{"role":"admin"},');
      expectProblem(await rejected(route, { rawBody: raw, headers: JSON_CT }), 400, 'REQUEST.MALFORMED_JSON');
    });

    it.each(sample)('$name with deeply nested JSON (5000 levels, 10 KB) → 400 VALIDATION.FAILED, not a 500', async (route) => {
      const deep = '['.repeat(5000) + '1' + ']'.repeat(5000);
      const raw = JSON.stringify(route.body(w)).replace(/^\{/, `{"nested":${deep},`);
      expectProblem(await rejected(route, { rawBody: raw, headers: JSON_CT }), 400, 'VALIDATION.FAILED');
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('authentication', () => {
    type Variant = 'none' | 'malformed' | 'expired' | 'otherSecret' | 'algNone' | 'tampered' | 'unknownRole' | 'systemRole' | 'issuedInFuture';
    const EXPECTED: Record<Variant, string> = {
      none: 'AUTH.TOKEN_MISSING',
      malformed: 'AUTH.TOKEN_MALFORMED',
      expired: 'AUTH.TOKEN_EXPIRED',
      otherSecret: 'AUTH.TOKEN_INVALID',
      algNone: 'AUTH.TOKEN_INVALID',
      tampered: 'AUTH.TOKEN_INVALID',
      unknownRole: 'AUTH.TOKEN_INVALID',
      systemRole: 'AUTH.TOKEN_INVALID',
      issuedInFuture: 'AUTH.TOKEN_INVALID',
    };
    const VARIANTS = Object.keys(EXPECTED) as Variant[];
    let bad: Awaited<ReturnType<typeof forgedTokens>>;
    beforeAll(async () => {
      bad = await forgedTokens(ledger, [w.backlogId]);
    });
    const headersFor = (v: Variant): Record<string, string> =>
      v === 'none' ? {} : v === 'malformed' ? { authorization: 'Basic b2xnYTpzZWNyZXQ=' } : { authorization: `Bearer ${bad[v]}` };

    const writeRows = WRITES.flatMap((route) => VARIANTS.map((variant) => ({ label: `${route.name} / ${variant}`, route, variant })));
    it.each(writeRows)('$label → 401 with WWW-Authenticate: Bearer, nothing written', async ({ route, variant }) => {
      const res = await rejected(route, { token: null, headers: headersFor(variant) });
      expectProblem(res, 401, EXPECTED[variant]);
    });

    const readRows = READS.flatMap((route) => VARIANTS.map((variant) => ({ label: `${route.name} / ${variant}`, route, variant })));
    it.each(readRows)('$label → 401 with WWW-Authenticate: Bearer', async ({ route, variant }) => {
      const res = await ledger.request('GET', route.path(base(w)), { headers: headersFor(variant) });
      expectProblem(res, 401, EXPECTED[variant]);
    });

    it.each([
      ['a token without a scheme', (t: string) => t],
      ['"Bearer" alone', () => 'Bearer'],
      ['two tokens', (t: string) => `Bearer ${t} ${t}`],
      ['the Token scheme', (t: string) => `Token ${t}`],
    ])('an Authorization header with %s → 401 AUTH.TOKEN_MALFORMED', async (_label, header) => {
      const res = await ledger.request('GET', `/items/${w.itemId}`, { headers: { authorization: (header as (t: string) => string)(w.tokens.owner) } });
      expectProblem(res, 401, 'AUTH.TOKEN_MALFORMED');
    });

    it('a token that is not a JWT at all → 401 AUTH.TOKEN_INVALID', async () => {
      expectProblem(await ledger.request('GET', `/items/${w.itemId}`, { token: 'abc.def.ghi' }), 401, 'AUTH.TOKEN_INVALID');
    });

    it('the web session cookie authenticates like a bearer token; a forged or expired one is refused the same way', async () => {
      const cookie = (t: string) => ({ cookie: `theme=dark; ledger_session=${t}` });
      expect((await ledger.request('GET', `/items/${w.itemId}`, { headers: cookie(w.tokens.owner) })).status).toBe(200);
      expectProblem(await ledger.request('GET', `/items/${w.itemId}`, { headers: cookie(bad.tampered) }), 401, 'AUTH.TOKEN_INVALID');
      expectProblem(await ledger.request('GET', `/items/${w.itemId}`, { headers: cookie(bad.expired) }), 401, 'AUTH.TOKEN_EXPIRED');
      expectProblem(await ledger.request('GET', `/items/${w.itemId}`, { headers: { cookie: 'ledger_session=' } }), 401, 'AUTH.TOKEN_MISSING');
      // An explicit Authorization header is what counts when both are sent.
      expectProblem(
        await ledger.request('GET', `/items/${w.itemId}`, { headers: { ...cookie(w.tokens.owner), authorization: `Bearer ${bad.tampered}` } }),
        401,
        'AUTH.TOKEN_INVALID',
      );
    });

    it('health and the API document stay public', async () => {
      expect((await ledger.request('GET', '/health')).status).toBe(200);
      expect((await ledger.request('GET', '/docs-json')).status).toBe(200);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('authorization: roles', () => {
    const readOnly = WRITES.flatMap((route) =>
      (['auditor', 'forumMember'] as const).map((role) => ({ label: `${role} → ${route.name}`, route, role })),
    );
    it.each(readOnly)('$label → 403 (auditors and forum members never decide)', async ({ route, role }) => {
      const res = await rejected(route, { token: w.tokens[role] });
      expectProblem(res, 403, route.readOnlyRoleCode);
    });

    const byStakeholder = WRITES.filter((r) => r.stakeholder !== null).map((route) => ({
      label: `stakeholder → ${route.name}${route.stakeholder!.patch ? ` ${JSON.stringify(route.stakeholder!.patch)}` : ''}`,
      route,
    }));
    it.each(byStakeholder)('$label → 403', async ({ route }) => {
      const res = await rejected(route, { token: w.tokens.stakeholder, body: { ...route.body(w), ...route.stakeholder!.patch } });
      expectProblem(res, 403, route.stakeholder!.code);
    });

    it('a product owner cannot create a backlog → 403 AUTH.ROLE_FORBIDDEN', async () => {
      const res = await rejected(WRITES[0], { token: w.tokens.owner });
      expectProblem(res, 403, 'AUTH.ROLE_FORBIDDEN');
    });

    it.each([
      ['product-owner', 'owner'],
      ['stakeholder', 'stakeholder'],
      ['forum-member', 'forumMember'],
    ] as const)('a %s on /audit/events and /audit/verify → 403 AUTH.ROLE_FORBIDDEN', async (_role, key) => {
      for (const path of ['/audit/events', '/audit/verify']) {
        expectProblem(await ledger.request('GET', path, { token: w.tokens[key] }), 403, 'AUTH.ROLE_FORBIDDEN');
      }
    });

    it('an auditor may read the audit log (so the 403s above are about the role)', async () => {
      expect((await ledger.request('GET', '/audit/verify', { token: w.tokens.auditor })).status).toBe(200);
      expect((await ledger.request('GET', '/audit/events?limit=1', { token: w.tokens.auditor })).status).toBe(200);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe("authorization: another owner's backlog", () => {
    const scopedWrites = WRITES.filter((r) => r.params.length > 0);
    it.each(scopedWrites)("$name by the owner of another backlog → 403 AUTH.BACKLOG_NOT_IN_SCOPE", async (route) => {
      const res = await rejected(route, { token: w.tokens.otherOwner });
      expectProblem(res, 403, 'AUTH.BACKLOG_NOT_IN_SCOPE');
    });

    // RFC 9110 §13.2.1: preconditions are evaluated only when the request would otherwise succeed; a 412
    // here would also disclose the revision of a stream the caller may not see.
    it.each(scopedWrites.filter((r) => r.guard !== null))(
      '$name by the owner of another backlog with a stale If-Match → still 403, not 412',
      async (route) => {
        const res = await rejected(route, { token: w.tokens.otherOwner, headers: { 'if-match': '"999"' } });
        expectProblem(res, 403, 'AUTH.BACKLOG_NOT_IN_SCOPE');
        expect(res.body).not.toHaveProperty('actual');
      },
    );

    it.each(READS.filter((r) => r.scoped))("$name of another owner's backlog → 403 AUTH.BACKLOG_NOT_IN_SCOPE", async (route) => {
      expectProblem(await ledger.request('GET', route.path(base(w)), { token: w.tokens.otherOwner }), 403, 'AUTH.BACKLOG_NOT_IN_SCOPE');
    });

    it('the owner of backlog A cannot touch an item of backlog B either (read or write)', async () => {
      expectProblem(await ledger.request('GET', `/items/${w.otherItemId}`, { token: w.tokens.owner }), 403, 'AUTH.BACKLOG_NOT_IN_SCOPE');
      const start = WRITES.find((r) => r.name === 'POST /items/:itemId/start')!;
      expectProblem(await rejected(start, { ids: { itemId: w.otherItemId } }), 403, 'AUTH.BACKLOG_NOT_IN_SCOPE');
    });

    it('a stakeholder scoped to backlog B cannot request, escalate or read in backlog A', async () => {
      const add = WRITES.find((r) => r.name === 'POST /backlogs/:backlogId/items')!;
      const escalate = WRITES.find((r) => r.name === 'POST /items/:itemId/escalations')!;
      expectProblem(await rejected(add, { token: w.tokens.scopedStakeholder }), 403, 'AUTH.BACKLOG_NOT_IN_SCOPE');
      expectProblem(await rejected(escalate, { token: w.tokens.scopedStakeholder }), 403, 'AUTH.BACKLOG_NOT_IN_SCOPE');
      expectProblem(await ledger.request('GET', `/items/${w.itemId}`, { token: w.tokens.scopedStakeholder }), 403, 'AUTH.BACKLOG_NOT_IN_SCOPE');
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('ids: malformed and unknown', () => {
    const writeIds = WRITES.flatMap((route) => route.params.map((param) => ({ label: `${route.name} / ${param}`, route, param })));
    it.each(writeIds)("$label = 'abc' → 400 VALIDATION.FAILED naming the parameter", async ({ route, param }) => {
      expectValidationError(await rejected(route, { ids: { [param]: 'abc' } }), param, 'isUuid');
    });
    it.each(writeIds)('$label unknown (well-formed UUID) → 404', async ({ route, param }) => {
      expectProblem(await rejected(route, { ids: { [param]: UNKNOWN_ID }, token: w.tokens.admin }), 404, NOT_FOUND_CODE[param]);
    });

    // A product owner's token names backlog A; an unknown id is still a 404 (nothing there to be out of scope).
    it.each(writeIds.filter(({ param }) => param === 'itemId' || param === 'backlogId'))(
      '$label unknown, as the scoped product owner → 404',
      async ({ route, param }) => {
        expectProblem(await rejected(route, { ids: { [param]: UNKNOWN_ID } }), 404, NOT_FOUND_CODE[param]);
      },
    );

    // RFC 9110 §13.2.1: without the precondition the answer is 404, so the precondition is ignored.
    it.each(
      writeIds.filter(({ route, param }) => (route.guard === 'item' && param === 'itemId') || (route.guard === 'backlog' && param === 'backlogId')),
    )('$label unknown with If-Match: "0" → 404, not 412', async ({ route, param }) => {
      expectProblem(await rejected(route, { ids: { [param]: UNKNOWN_ID }, headers: { 'if-match': '"0"' } }), 404, NOT_FOUND_CODE[param]);
    });

    const readIds = READS.flatMap((route) => route.params.map((param) => ({ label: `${route.name} / ${param}`, route, param })));
    it.each(readIds)("$label = 'abc' → 400 VALIDATION.FAILED naming the parameter", async ({ route, param }) => {
      const res = await ledger.request('GET', route.path({ ...base(w), [param]: 'abc' }), { token: w.tokens.leader });
      expectValidationError(res, param, 'isUuid');
    });
    it.each(readIds)('$label unknown → 404', async ({ route, param }) => {
      const res = await ledger.request('GET', route.path({ ...base(w), [param]: UNKNOWN_ID }), { token: w.tokens.leader });
      expectProblem(res, 404, NOT_FOUND_CODE[param]);
    });

    it('references to unknown things inside a body → 404 with their own code', async () => {
      const escalate = WRITES.find((r) => r.name === 'POST /items/:itemId/escalations')!;
      expectProblem(await rejected(escalate, { body: { ...escalate.body(w), againstEventId: UNKNOWN_ID } }), 404, 'ESCALATION.TARGET_NOT_FOUND');
      const link = WRITES.find((r) => r.name === 'POST /items/:itemId/objective')!;
      expectProblem(await rejected(link, { body: { objectiveId: UNKNOWN_ID, rationale: RATIONALE } }), 404, 'BACKLOG.OBJECTIVE_NOT_FOUND');
      const add = WRITES.find((r) => r.name === 'POST /backlogs/:backlogId/items')!;
      expectProblem(await rejected(add, { body: { ...add.body(w), objectiveId: UNKNOWN_ID } }), 404, 'BACKLOG.OBJECTIVE_NOT_FOUND');
      const move = WRITES.find((r) => r.name === 'POST /items/:itemId/reprioritize')!;
      const anchor = await rejected(move, { body: { before: UNKNOWN_ID, rationale: RATIONALE } });
      expectProblem(anchor, 422, 'RANK.ANCHOR_NOT_RANKED');
      expect(errorFields(anchor)).toContain('before');
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('preconditions: If-Match', () => {
    it.each(WRITES.filter((r) => r.guard !== null))('$name with a stale If-Match → 412 PRECONDITION.STALE_REVISION', async (route) => {
      const res = await rejected(route, { headers: { 'if-match': '"999"' } });
      expectProblem(res, 412, 'PRECONDITION.STALE_REVISION');
    });

    it.each(WRITES)('$name with a garbage If-Match → 400 PRECONDITION.INVALID_IF_MATCH', async (route) => {
      const res = await rejected(route, { headers: { 'if-match': 'not-an-etag' } });
      expectProblem(res, 400, 'PRECONDITION.INVALID_IF_MATCH');
    });

    it.each(['"abc"', '"1", "2"', '"-1"', 'W/', '""'])('If-Match: %s → 400 PRECONDITION.INVALID_IF_MATCH', async (value) => {
      const estimate = WRITES.find((r) => r.name === 'POST /items/:itemId/estimate')!;
      expectProblem(await rejected(estimate, { headers: { 'if-match': value } }), 400, 'PRECONDITION.INVALID_IF_MATCH');
    });

    it('an Idempotency-Key that is not 1-200 visible ASCII characters → 400 IDEMPOTENCY.KEY_INVALID', async () => {
      const estimate = WRITES.find((r) => r.name === 'POST /items/:itemId/estimate')!;
      for (const key of ['has space', 'x'.repeat(201)]) {
        expectProblem(await rejected(estimate, { headers: { 'idempotency-key': key } }), 400, 'IDEMPOTENCY.KEY_INVALID');
      }
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('query parameters and content negotiation', () => {
    const listItems = (q: string) => ledger.request('GET', `/backlogs/${w.backlogId}/items${q}`, { token: w.tokens.owner });
    const audit = (q: string, headers: Record<string, string> = {}) => ledger.request('GET', `/audit/events${q}`, { token: w.tokens.auditor, headers });

    it.each([
      ['?at=not-a-date', 'at'],
      ['?at=', 'at'],
      ['?at=0001-01-01T00:00:00Z', 'at'],
      ['?at=2026-01-05T10:00:00', 'at'],
      ['?limit=0', 'limit'],
      ['?limit=abc', 'limit'],
      ['?limit=1.5', 'limit'],
      ['?limit=10001', 'limit'],
      ['?limit=1&limit=2', 'limit'],
      ['?offset=-1', 'offset'],
      ['?sort=title', 'sort'],
    ])('GET /backlogs/:backlogId/items%s → 400 VALIDATION.FAILED naming %s', async (q, field) => {
      expectValidationError(await listItems(q), field);
    });

    it('GET /backlogs/:backlogId/items with valid at / limit / offset → 200 (the 400s above are about the values)', async () => {
      const res = await listItems('?at=2026-01-05T10:00:00Z&limit=1&offset=0');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ limit: 1, offset: 0 });
    });

    it.each([
      ['?from=x', 'from'],
      ['?to=yesterday', 'to'],
      ['?from=2026-01-01T00:00:00', 'from'],
      ['?limit=99999', 'limit'],
      ['?limit=0', 'limit'],
      ['?after=-1', 'after'],
      ['?backlogId=abc', 'backlogId'],
      ['?itemId=abc', 'itemId'],
      ['?type=DROP%20TABLE', 'type'],
      ['?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'from'],
      ['?format=xml', 'format'],
    ])('GET /audit/events%s → 400 VALIDATION.FAILED naming %s', async (q, field) => {
      expectValidationError(await audit(q), field);
    });

    it('GET /audit/events with Accept: image/png → 406 AUDIT.NOT_ACCEPTABLE', async () => {
      expectProblem(await audit('', { accept: 'image/png' }), 406, 'AUDIT.NOT_ACCEPTABLE');
      expectProblem(await audit('', { accept: 'application/xml, text/html' }), 406, 'AUDIT.NOT_ACCEPTABLE');
    });

    it('GET /audit/events negotiates NDJSON and CSV (so the 406 is about the media type)', async () => {
      expect((await audit('?limit=1', { accept: 'text/csv' })).headers.get('content-type')).toContain('text/csv');
      expect((await audit('?limit=1', { accept: 'application/x-ndjson' })).headers.get('content-type')).toContain('application/x-ndjson');
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('routes and URLs', () => {
    it.each([
      ['GET', '/nope', true],
      ['GET', '/nope', false],
      ['POST', '/items', true],
      ['GET', '/escalations/open', true], // GET /backlogs and GET /escalations exist since ADR 0032
      ['POST', `/items/${UNKNOWN_ID}/teleport`, true],
      ['GET', `/backlogs/${UNKNOWN_ID}/zombies/forever`, true],
    ] as const)('%s %s (token: %s) → 404 ROUTE.NOT_FOUND', async (method, path, withToken) => {
      const res = await expectNothingWritten(ledger, () =>
        ledger.request(method, path, { token: withToken ? w.tokens.owner : undefined, body: method === 'POST' ? { rationale: RATIONALE } : undefined }),
      );
      expectProblem(res, 404, 'ROUTE.NOT_FOUND');
    });

    it('a URL with a broken percent-encoding → 400 problem+json (REQUEST.INVALID), not Fastify\'s own JSON', async () => {
      const res = await ledger.request('GET', '/items/%ZZ', { token: w.tokens.owner });
      expectProblem(res, 400, 'REQUEST.INVALID');
    });

    it('the requestId of a problem is the X-Request-Id the client sent', async () => {
      const requestId = '11111111-1111-4111-8111-111111111111';
      const res = await ledger.request('GET', `/items/${UNKNOWN_ID}`, { token: w.tokens.owner, headers: { 'x-request-id': requestId } });
      expect(expectProblem(res, 404, 'ITEM.NOT_FOUND').requestId).toBe(requestId);
      expect(res.headers.get('x-request-id')).toBe(requestId);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('accepted writes: If-Match and Idempotency-Key (a fresh world per route)', () => {
    const etagOf = async (route: WriteRoute, world: World): Promise<string | null> => {
      if (route.guard === null) return null;
      const ids = route.target(world);
      const path = route.guard === 'item' ? `/items/${ids.itemId}` : `/backlogs/${ids.backlogId}`;
      const res = await ledger.request('GET', path, { token: world.tokens.leader });
      expect(res.status).toBe(200);
      return res.headers.get('etag');
    };

    describe.each(WRITES)('$name', (route) => {
      let world: World;
      let first: Reply;
      let etagBefore: string | null;
      const key = `key-${route.name.replace(/[^a-z]+/gi, '-')}`;
      const token = () => (route.params.length === 0 ? world.tokens.leader : world.tokens.owner);
      const call = (body: Body, headers: Record<string, string>) =>
        ledger.request(route.method, route.path(route.target(world)), { token: token(), body, headers });

      beforeAll(async () => {
        world = await makeWorld(ledger, route.name);
        etagBefore = await etagOf(route, world);
      });

      it(`with the current ETag as If-Match and an Idempotency-Key → ${route.status}, one event, the next ETag`, async () => {
        const head = await headPosition(ledger);
        const headers: Record<string, string> = { 'idempotency-key': key };
        if (etagBefore !== null) headers['if-match'] = etagBefore;
        first = await call(route.body(world), headers);
        expect({ status: first.status, body: first.body }).toEqual({ status: route.status, body: expect.objectContaining({ eventIds: [expect.any(String)] }) });
        expect(await headPosition(ledger)).toBe(head + 1);
        const revision = etagBefore === null ? 0 : Number(JSON.parse(etagBefore)) + 1;
        expect(first.body.revision).toBe(revision);
        expect(first.headers.get('etag')).toBe(`"${revision}"`);
        if (route.guard !== null) expect(await etagOf(route, world)).toBe(`"${revision}"`);
      });

      it('the same request again → the same status and body, Idempotent-Replayed: true, nothing new written', async () => {
        const headers: Record<string, string> = { 'idempotency-key': key };
        if (etagBefore !== null) headers['if-match'] = etagBefore;
        const again = await expectNothingWritten(ledger, () => call(route.body(world), headers));
        expect(again.status).toBe(first.status);
        expect(again.body).toEqual(first.body);
        expect(again.headers.get('idempotent-replayed')).toBe('true');
        expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
        expect(again.headers.get('location')).toBe(first.headers.get('location'));
      });

      it('the same Idempotency-Key with a different body → 422 IDEMPOTENCY.KEY_REUSED', async () => {
        const field = route.texts[route.texts.length - 1].field;
        const other = { ...route.body(world), [field]: `${RATIONALE} Confirmed twice.` };
        expectProblem(await expectNothingWritten(ledger, () => call(other, { 'idempotency-key': key })), 422, 'IDEMPOTENCY.KEY_REUSED');
      });

      if (route.guard !== null) {
        it('the ETag read before the decision is now stale → 412 PRECONDITION.STALE_REVISION', async () => {
          const res = await expectNothingWritten(ledger, () => call(route.body(world), { 'if-match': etagBefore! }));
          expectProblem(res, 412, 'PRECONDITION.STALE_REVISION');
        });
      }
    });

    it('POST /backlogs/:backlogId/items twice with the same Idempotency-Key → the same item id, one item', async () => {
      const world = await makeWorld(ledger, 'Twice');
      const count = async () => (await ledger.request('GET', `/backlogs/${world.backlogId}/items`, { token: world.tokens.owner })).body.total as number;
      const before = await count();
      const send1 = () =>
        ledger.request('POST', `/backlogs/${world.backlogId}/items`, {
          token: world.tokens.owner,
          body: { title: 'Apple Pay', kind: 'story', rationale: RATIONALE },
          headers: { 'idempotency-key': 'add-apple-pay' },
        });
      const a = await send1();
      const b = await expectNothingWritten(ledger, send1);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.body.id).toBe(a.body.id);
      expect(b.headers.get('location')).toBe(`/items/${a.body.id}`);
      expect(await count()).toBe(before + 1);
    });
  });
});
