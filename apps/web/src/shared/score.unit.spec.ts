import { changedScoreInputs, describeFrozen, formatScore, scoreAsOf, scoreInputFields, scoreInputInitial } from './score';

const rice = (reach: number, score: number | null) => ({ model: 'rice' as const, inputs: { reach, impact: 2, confidence: 0.5, effort: 3 }, score });
const entry = (eventId: string, occurredAt: string, scoring: ReturnType<typeof rice> | null) => ({ eventId, occurredAt, scoring });

describe('frozen scores on the item screen', () => {
  const entries = [
    entry('a', '2026-01-01T10:00:00.000Z', null), // recorded before scores were frozen
    entry('b', '2026-01-05T10:00:00.000Z', rice(300, 100)),
    entry('c', '2026-02-01T10:00:00.000Z', null),
    entry('d', '2026-03-01T10:00:00.000Z', rice(600, 200)),
  ];

  it('as of an instant: the score the latest decision up to then froze, never a later one', () => {
    expect(scoreAsOf(entries, null)).toMatchObject({ eventId: 'd', score: 200 });
    expect(scoreAsOf(entries, '2026-02-28T23:59:59.000Z')).toMatchObject({ eventId: 'b', score: 100, inputs: { reach: 300 } });
    expect(scoreAsOf(entries, '2026-03-01T10:00:00.000Z')).toMatchObject({ eventId: 'd' }); // at the decision's instant: included
    expect(scoreAsOf(entries, '2026-01-02T00:00:00.000Z')).toBeNull();
  });

  it('reads a score and its inputs as people do; a missing input says why there is no score', () => {
    expect(formatScore(53.333333333)).toBe('53.333');
    expect(formatScore(12)).toBe('12');
    expect(formatScore(null)).toBe('no score');
    expect(describeFrozen(rice(300, 100))).toBe('RICE score 100 (Reach 300 · Impact 2 · Confidence 0.5 · Effort 3)');
    expect(describeFrozen({ model: 'value-effort', inputs: { value: 5 }, score: null })).toBe('value / effort score no score (Value 5 · Effort missing)');
    expect(describeFrozen({ model: 'none', inputs: {}, score: null })).toBe('No scoring model');
  });
});

describe('score inputs in decision forms', () => {
  it("offers the model's inputs, prefilled with the item's, and sends only the ones that changed", () => {
    expect(scoreInputFields('wsjf').map((f) => f.name)).toEqual(['scoreInputs.businessValue', 'scoreInputs.timeCriticality', 'scoreInputs.riskReduction', 'scoreInputs.jobSize']);
    expect(scoreInputFields('none')).toEqual([]);
    expect(scoreInputFields('rice').find((f) => f.name === 'scoreInputs.impact')?.options?.map((o) => o.value)).toEqual(['0.25', '0.5', '1', '2', '3']);
    expect(scoreInputInitial('rice', { reach: 300, impact: 2, businessValue: 8 })).toEqual({ 'scoreInputs.reach': '300', 'scoreInputs.impact': '2' });
    const current = { reach: 300, impact: 2, confidence: 0.5, effort: 3 };
    expect(changedScoreInputs({ toPosition: 1, scoreInputs: { reach: 300, impact: '3', confidence: 0.5, effort: 3 }, rationale: 'x' }, current)).toEqual({
      toPosition: 1,
      scoreInputs: { impact: 3 },
      rationale: 'x',
    });
    expect(changedScoreInputs({ toPosition: 1, scoreInputs: { reach: 300 }, rationale: 'x' }, current)).toEqual({ toPosition: 1, rationale: 'x' });
    expect(changedScoreInputs({ rationale: 'x' }, current)).toEqual({ rationale: 'x' });
  });
});
