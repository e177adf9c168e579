import type { Role } from '@ledger/kernel';
import { fold } from '../decider';
import { DEFAULT_POLICY } from '../policy';
import { deciderSpec } from '../testing/decider-spec';
import {
  BACKLOG_ID,
  WHY,
  actors,
  backlogCreated,
  objectiveAdded,
  objectiveRetired,
  po,
  velocityRecorded,
} from '../testing/fixtures';
import type { BacklogCommand } from './backlog.commands';
import { backlogDecider } from './backlog.decider';
import { averageVelocity, backlogContext } from './backlog.state';

const { given } = deciderSpec(backlogDecider);

const create = (over: Partial<Extract<BacklogCommand, { kind: 'CreateBacklog' }>> = {}): BacklogCommand => ({
  kind: 'CreateBacklog',
  actor: po,
  backlogId: BACKLOG_ID,
  name: '  Checkout  ',
  productGoal: '  Fastest checkout in retail  ',
  ...over,
});

describe('backlog decider', () => {
  describe('CreateBacklog', () => {
    it('creates with the default policy and the product goal as rationale when none is given', () => {
      given([]).when(create()).then([
        {
          type: 'backlog.created',
          schemaVersion: 2,
          data: {
            backlogId: BACKLOG_ID,
            name: 'Checkout',
            productGoal: 'Fastest checkout in retail',
            policy: DEFAULT_POLICY,
            rationale: 'Fastest checkout in retail',
          },
        },
      ]);
    });

    it('keeps a given rationale and overlays a partial policy', () => {
      const [e] = given([])
        .when(create({ rationale: WHY, policy: { zombieAfterDays: 120, healthySprints: { min: 2, max: 4 } } }))
        .events();
      expect(e.data).toMatchObject({
        rationale: WHY,
        policy: { ...DEFAULT_POLICY, zombieAfterDays: 120, healthySprints: { min: 2, max: 4 } },
      });
    });

    it('refuses a trivial rationale when one is given', () => {
      given([]).when(create({ rationale: 'aaaaaaaaaaaa' })).then('DECISION.RATIONALE_REQUIRED', 'validation');
    });

    it('creates only once (BACKLOG.ALREADY_EXISTS)', () => {
      given([backlogCreated()]).when(create()).then('BACKLOG.ALREADY_EXISTS', 'invariant');
    });

    it.each(['', '   ', 'x'.repeat(121)])('requires a name of 1..120 chars (%j)', (name) => {
      given([]).when(create({ name })).then('BACKLOG.NAME_REQUIRED', 'validation');
    });

    it('accepts a 120-char name', () => {
      expect(given([]).when(create({ name: 'x'.repeat(120) })).events()).toHaveLength(1);
    });

    it.each(['', 'short', '..........'])('requires a non-trivial product goal (%j)', (productGoal) => {
      given([]).when(create({ productGoal })).then('BACKLOG.PRODUCT_GOAL_REQUIRED', 'validation');
    });

    it.each([
      [{ zombieAfterDays: 0 }],
      [{ zombieAfterDays: -5 }],
      [{ staleAfterDays: 1.5 }],
      [{ reversalWindowDays: 99999 }],
      [{ reviewCadenceDays: 400 }],
      [{ reviewCadenceDays: '14' }],
      [{ healthySprints: { min: 7, max: 6 } }],
      [{ healthySprints: { min: 0, max: 6 } }],
      [{ healthySprints: null }],
      ['not an object'],
    ])('validates the policy (%j)', (policy) => {
      given([]).when(create({ policy: policy as never })).then('BACKLOG.INVALID_POLICY', 'validation');
    });

    it('does not require staleAfterDays ≤ zombieAfterDays', () => {
      const [e] = given([]).when(create({ policy: { staleAfterDays: 200, zombieAfterDays: 90 } })).events();
      expect(e.data).toMatchObject({ policy: { staleAfterDays: 200, zombieAfterDays: 90 } });
    });

    it.each<Role>(['stakeholder', 'auditor', 'forum-member'])('is forbidden for %s', (role) => {
      const err = given([]).when(create({ actor: actors[role] })).thenError('DECISION.NOT_ALLOWED_FOR_ROLE', 'forbidden');
      expect(err.details).toMatchObject({ role });
    });

    it.each<Role>(['admin', 'product-leader', 'product-owner', 'system'])('is allowed for %s', (role) => {
      expect(given([]).when(create({ actor: actors[role] })).events()).toHaveLength(1);
    });
  });

  describe('on a backlog that does not exist', () => {
    it.each<BacklogCommand>([
      { kind: 'ChangeProductGoal', actor: po, productGoal: 'A brand new product goal', rationale: WHY },
      { kind: 'AddObjective', actor: po, objectiveId: 'o-1', title: 'Conversion', metric: '%', rationale: WHY },
      { kind: 'RetireObjective', actor: po, objectiveId: 'o-1', rationale: WHY },
      { kind: 'RecordSprintVelocity', actor: po, sprint: 'S1', endedOn: '2025-01-10', points: 20, rationale: WHY },
      { kind: 'ChangePolicy', actor: po, policy: { zombieAfterDays: 100 }, rationale: WHY },
    ])('$kind → BACKLOG.NOT_FOUND', (command) => {
      given([]).when(command).then('BACKLOG.NOT_FOUND', 'not-found');
    });
  });

  describe('decision rights on an existing backlog', () => {
    const cmd = (role: Role): BacklogCommand => ({
      kind: 'ChangeProductGoal',
      actor: actors[role],
      productGoal: 'A brand new product goal',
      rationale: WHY,
    });
    it.each<Role>(['stakeholder', 'auditor', 'forum-member'])('%s may not decide', (role) => {
      given([backlogCreated()]).when(cmd(role)).then('DECISION.NOT_ALLOWED_FOR_ROLE', 'forbidden');
    });
    it.each<Role>(['admin', 'product-leader', 'product-owner', 'system'])('%s may decide', (role) => {
      expect(given([backlogCreated()]).when(cmd(role)).events()).toHaveLength(1);
    });
    it('an actor without a role may not decide', () => {
      given([backlogCreated()]).when({ ...cmd('admin'), actor: { id: 'x' } as never }).then('DECISION.NOT_ALLOWED_FOR_ROLE', 'forbidden');
    });
  });

  describe('ChangeProductGoal', () => {
    it('records the new and previous goal', () => {
      given([backlogCreated()])
        .when({ kind: 'ChangeProductGoal', actor: po, productGoal: ' Cheapest checkout in retail ', rationale: WHY })
        .then([
          {
            type: 'backlog.product-goal-changed',
            schemaVersion: 1,
            data: {
              backlogId: BACKLOG_ID,
              productGoal: 'Cheapest checkout in retail',
              previousProductGoal: 'Fastest checkout in retail',
              rationale: WHY,
            },
          },
        ]);
    });
    it('refuses the same goal (BACKLOG.NO_CHANGE)', () => {
      given([backlogCreated()])
        .when({ kind: 'ChangeProductGoal', actor: po, productGoal: 'Fastest checkout in retail  ', rationale: WHY })
        .then('BACKLOG.NO_CHANGE', 'invariant');
    });
    it('requires a rationale', () => {
      given([backlogCreated()])
        .when({ kind: 'ChangeProductGoal', actor: po, productGoal: 'Cheapest checkout in retail', rationale: ' ' })
        .then('DECISION.RATIONALE_REQUIRED', 'validation');
    });
    it('requires a non-trivial goal', () => {
      given([backlogCreated()])
        .when({ kind: 'ChangeProductGoal', actor: po, productGoal: 'cheap', rationale: WHY })
        .then('BACKLOG.PRODUCT_GOAL_REQUIRED', 'validation');
    });
  });

  describe('AddObjective', () => {
    const add = (over: Record<string, unknown> = {}): BacklogCommand =>
      ({ kind: 'AddObjective', actor: po, objectiveId: 'o-1', title: ' Conversion ', metric: ' checkout conversion % ', rationale: WHY, ...over }) as BacklogCommand;

    it('adds an objective (target optional → null)', () => {
      given([backlogCreated()]).when(add()).then([
        {
          type: 'backlog.objective-added',
          schemaVersion: 1,
          data: { backlogId: BACKLOG_ID, objectiveId: 'o-1', title: 'Conversion', metric: 'checkout conversion %', target: null, rationale: WHY },
        },
      ]);
      expect(given([backlogCreated()]).when(add({ target: ' 5% ' })).events()[0].data).toMatchObject({ target: '5%' });
    });
    it('refuses a duplicate id, even of a retired objective', () => {
      given([backlogCreated(), objectiveAdded('o-1')]).when(add()).then('BACKLOG.OBJECTIVE_ALREADY_EXISTS', 'invariant');
      given([backlogCreated(), objectiveAdded('o-1'), objectiveRetired('o-1')]).when(add()).then('BACKLOG.OBJECTIVE_ALREADY_EXISTS');
    });
    it('validates id, title, metric and rationale', () => {
      given([backlogCreated()]).when(add({ objectiveId: ' ' })).then('BACKLOG.OBJECTIVE_ID_REQUIRED', 'validation');
      given([backlogCreated()]).when(add({ title: '' })).then('BACKLOG.OBJECTIVE_TITLE_REQUIRED', 'validation');
      given([backlogCreated()]).when(add({ title: 'x'.repeat(201) })).then('BACKLOG.OBJECTIVE_TITLE_REQUIRED', 'validation');
      given([backlogCreated()]).when(add({ metric: '  ' })).then('BACKLOG.OBJECTIVE_METRIC_REQUIRED', 'validation');
      given([backlogCreated()]).when(add({ rationale: undefined })).then('DECISION.RATIONALE_REQUIRED', 'validation');
    });
  });

  describe('RetireObjective', () => {
    const retire: BacklogCommand = { kind: 'RetireObjective', actor: po, objectiveId: 'o-1', rationale: WHY };
    it('retires an objective', () => {
      given([backlogCreated(), objectiveAdded('o-1')]).when(retire).then([
        { type: 'backlog.objective-retired', schemaVersion: 1, data: { backlogId: BACKLOG_ID, objectiveId: 'o-1', rationale: WHY } },
      ]);
    });
    it('refuses an unknown objective', () => {
      given([backlogCreated()]).when(retire).then('BACKLOG.OBJECTIVE_NOT_FOUND', 'not-found');
    });
    it('refuses to retire twice', () => {
      given([backlogCreated(), objectiveAdded('o-1'), objectiveRetired('o-1')]).when(retire).then('BACKLOG.OBJECTIVE_ALREADY_RETIRED', 'invariant');
    });
    it('requires a rationale', () => {
      given([backlogCreated(), objectiveAdded('o-1')]).when({ ...retire, rationale: 'ok' }).then('DECISION.RATIONALE_REQUIRED');
    });
  });

  describe('RecordSprintVelocity', () => {
    const record = (over: Record<string, unknown> = {}): BacklogCommand =>
      ({ kind: 'RecordSprintVelocity', actor: po, sprint: ' S1 ', endedOn: '2025-01-10', points: 21, rationale: WHY, ...over }) as BacklogCommand;
    it('records a sprint', () => {
      given([backlogCreated()]).when(record()).then([
        {
          type: 'backlog.sprint-velocity-recorded',
          schemaVersion: 1,
          data: { backlogId: BACKLOG_ID, sprint: 'S1', endedOn: '2025-01-10', points: 21, rationale: WHY },
        },
      ]);
    });
    it.each([-1, 10_001, Number.NaN, Number.POSITIVE_INFINITY, '5'])('refuses points %p', (points) => {
      given([backlogCreated()]).when(record({ points })).then('BACKLOG.INVALID_VELOCITY', 'validation');
    });
    it('accepts 0 and 10000 points', () => {
      expect(given([backlogCreated()]).when(record({ points: 0 })).events()).toHaveLength(1);
      expect(given([backlogCreated()]).when(record({ points: 10_000 })).events()).toHaveLength(1);
    });
    it.each(['2025-02-30', '2025-1-10', '10/01/2025', '', '2025-13-01'])('refuses endedOn %j', (endedOn) => {
      given([backlogCreated()]).when(record({ endedOn })).then('BACKLOG.INVALID_DATE', 'validation');
    });
    it('requires a sprint label', () => {
      given([backlogCreated()]).when(record({ sprint: '  ' })).then('BACKLOG.SPRINT_REQUIRED', 'validation');
    });
    it('refuses the same sprint twice', () => {
      given([backlogCreated(), velocityRecorded('S1', '2025-01-10', 20)]).when(record()).then('BACKLOG.SPRINT_ALREADY_RECORDED', 'invariant');
    });
    it('requires a rationale', () => {
      given([backlogCreated()]).when(record({ rationale: '' })).then('DECISION.RATIONALE_REQUIRED');
    });
  });

  describe('ChangePolicy', () => {
    const change = (policy: unknown): BacklogCommand => ({ kind: 'ChangePolicy', actor: po, policy: policy as never, rationale: WHY });
    it('names a scoring model, its margin and the outcome due days (decision quality)', () => {
      const out = given([backlogCreated()]).when(change({ scoringModel: 'wsjf', scoreMargin: 0.35, outcomeDueDays: 60 }));
      expect(out.events()[0].data).toMatchObject({ policy: { ...DEFAULT_POLICY, scoringModel: 'wsjf', scoreMargin: 0.35, outcomeDueDays: 60 } });
      expect(backlogContext(out.stateAfter()).scoring).toEqual({ model: 'wsjf', scoreMargin: 0.35 });
      expect(DEFAULT_POLICY).toMatchObject({ scoringModel: 'none', scoreMargin: 0.2, outcomeDueDays: 90 });
    });

    it.each([
      ['scoringModel', { scoringModel: 'ice' }],
      ['scoreMargin', { scoreMargin: -0.1 }],
      ['scoreMargin', { scoreMargin: 11 }],
      ['scoreMargin', { scoreMargin: '20%' }],
      ['outcomeDueDays', { outcomeDueDays: 0 }],
      ['outcomeDueDays', { outcomeDueDays: 30.5 }],
    ])('refuses a bad %s (BACKLOG.INVALID_POLICY)', (field, policy) => {
      expect(given([backlogCreated()]).when(change(policy)).thenError('BACKLOG.INVALID_POLICY', 'validation').details).toMatchObject({ field });
    });

    it('a version 1 policy (before decision quality) takes the defaults of the new fields', () => {
      const v1 = backlogCreated(); // schemaVersion 1, policy without scoringModel / scoreMargin / outcomeDueDays
      const { scoringModel: _m, scoreMargin: _s, outcomeDueDays: _o, ...old } = DEFAULT_POLICY;
      const state = fold(backlogDecider, [{ ...v1, data: { ...v1.data, policy: { ...old, zombieAfterDays: 45 } } } as never]);
      expect(state.policy).toEqual({ ...DEFAULT_POLICY, zombieAfterDays: 45 });
    });

    it('overlays the change on the current policy and records the previous one', () => {
      given([backlogCreated()]).when(change({ staleAfterDays: 45, healthySprints: { max: 8 } })).then([
        {
          type: 'backlog.policy-changed',
          schemaVersion: 2,
          data: {
            backlogId: BACKLOG_ID,
            policy: { ...DEFAULT_POLICY, staleAfterDays: 45, healthySprints: { min: 3, max: 8 } },
            previousPolicy: DEFAULT_POLICY,
            rationale: WHY,
          },
        },
      ]);
    });
    it('validates the resulting policy', () => {
      given([backlogCreated()]).when(change({ healthySprints: { min: 9 } })).then('BACKLOG.INVALID_POLICY', 'validation');
      given([backlogCreated()]).when(change(null)).then('BACKLOG.INVALID_POLICY', 'validation');
    });
    it('refuses a change that changes nothing', () => {
      given([backlogCreated()]).when(change({ zombieAfterDays: 90 })).then('BACKLOG.NO_CHANGE', 'invariant');
      given([backlogCreated()]).when(change({})).then('BACKLOG.NO_CHANGE');
    });
    it('requires a rationale', () => {
      given([backlogCreated()]).when({ ...change({ zombieAfterDays: 100 }), rationale: undefined } as never).then('DECISION.RATIONALE_REQUIRED');
    });
  });

  describe('state', () => {
    const events = [
      backlogCreated(),
      objectiveAdded('o-1'),
      objectiveAdded('o-2'),
      objectiveRetired('o-2'),
      velocityRecorded('S3', '2025-02-07', 30),
      velocityRecorded('S1', '2025-01-10', 10),
      velocityRecorded('S2', '2025-01-24', 20),
      velocityRecorded('S4', '2025-02-21', 40),
    ];
    const state = fold(backlogDecider, events);

    it('folds the history', () => {
      expect(state).toMatchObject({ exists: true, backlogId: BACKLOG_ID, name: 'Checkout', productGoal: 'Fastest checkout in retail' });
      expect(state.objectives['o-2']).toEqual({ objectiveId: 'o-2', title: 'Objective o-2', metric: 'conversion %', target: '5%', retired: true });
      expect(state.velocities.map((v) => v.sprint)).toEqual(['S1', 'S2', 'S3', 'S4']);
    });

    it('gives the item decisions their backlog context', () => {
      expect(backlogContext(state)).toEqual({
        backlogId: BACKLOG_ID,
        exists: true,
        activeObjectiveIds: ['o-1'],
        knownObjectiveIds: ['o-1', 'o-2'],
        scoring: { model: 'none', scoreMargin: 0.2 },
      });
      expect(backlogContext(backlogDecider.initialState).exists).toBe(false);
    });

    it('averages the velocity of the last sprints by end date', () => {
      expect(averageVelocity(state)).toBe(30);
      expect(averageVelocity(state, 2)).toBe(35);
      expect(averageVelocity(state, 10)).toBe(25);
      expect(averageVelocity(backlogDecider.initialState)).toBeNull();
    });

    it('applies a policy change', () => {
      const s = fold(backlogDecider, [
        backlogCreated(),
        {
          id: 'p',
          type: 'backlog.policy-changed',
          schemaVersion: 1,
          data: { backlogId: BACKLOG_ID, policy: { ...DEFAULT_POLICY, zombieAfterDays: 120 }, previousPolicy: DEFAULT_POLICY, rationale: WHY },
        },
      ]);
      expect(s.policy.zombieAfterDays).toBe(120);
    });

    it('evolve is tolerant: unknown and malformed events leave the state unchanged', () => {
      const s = backlogDecider.evolve(state, { id: 'x', type: 'backlog.renamed', schemaVersion: 1, data: {} } as never);
      expect(s).toBe(state);
      expect(() => backlogDecider.evolve(state, { id: 'y', type: 'backlog.objective-retired', schemaVersion: 1 } as never)).not.toThrow();
      expect(backlogDecider.evolve(state, null as never)).toBe(state);
    });

    it('evolve does not mutate the initial state', () => {
      fold(backlogDecider, events);
      expect(backlogDecider.initialState).toEqual({
        exists: false,
        backlogId: null,
        name: '',
        productGoal: '',
        policy: DEFAULT_POLICY,
        objectives: {},
        velocities: [],
      });
    });
  });
});
