import { DEFAULT_RULE, ruleBody, ruleInitial, ruleSummary, scopeFields } from './forum-form';

describe("a forum's rule and scope in a dialog", () => {
  it('prefills the rule (threshold as a percentage) and ticks the scope', () => {
    expect(ruleInitial({ ...DEFAULT_RULE, killThreshold: 0.625 }, ['b1'])).toEqual({
      quorum: '3',
      killThresholdPct: '62.5',
      votingPeriodDays: '7',
      reviewCadenceDays: '14',
      onNoQuorum: 'reopen-next-cadence',
      'backlog:b1': true,
    });
    expect(scopeFields([{ id: 'b1', name: 'Checkout' }])).toEqual([{ name: 'backlog:b1', label: 'Reviews “Checkout”', type: 'checkbox' }]);
  });

  it('turns the dialog body into the rule and the backlog ids the API takes, keeping the other fields', () => {
    const body = {
      name: 'Checkout review',
      'backlog:b1': true,
      'backlog:b2': false,
      'backlog:b3': true,
      quorum: 2,
      killThresholdPct: 60,
      votingPeriodDays: 5,
      reviewCadenceDays: 30,
      onNoQuorum: 'return-to-owner',
      rationale: 'The checkout team needs a place to stop work.',
    };
    expect(ruleBody(body)).toEqual({
      rule: { quorum: 2, killThreshold: 0.6, votingPeriodDays: 5, reviewCadenceDays: 30, onNoQuorum: 'return-to-owner' },
      backlogIds: ['b1', 'b3'],
      rest: { name: 'Checkout review', rationale: 'The checkout team needs a place to stop work.' },
    });
    expect(ruleBody({ ...body, killThresholdPct: 62.5 }).rule.killThreshold).toBe(0.625);
  });

  it('summarises a rule in one line', () => {
    expect(ruleSummary(DEFAULT_RULE)).toBe('quorum 3 · kill at 50 % of kill + keep · 7-day vote · nominations every 14 days');
  });
});
