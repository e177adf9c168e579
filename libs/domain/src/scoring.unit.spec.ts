import { DomainError } from '@ledger/kernel';
import { applyScoreInputs, checkAgainstScore, exceedsByMargin, freezeScore, scoreOf, scoredAfter, validateScoreInputs, PASSED_OVER_LIST_MAX } from './scoring';

describe('scoring models (DOMAIN.md "Scoring models")', () => {
  it('RICE = reach × impact × confidence ÷ effort', () => {
    expect(scoreOf('rice', { reach: 1000, impact: 2, confidence: 0.8, effort: 4 })).toBe(400);
    expect(scoreOf('rice', { reach: 0, impact: 3, confidence: 1, effort: 1 })).toBe(0);
  });

  it('WSJF = (business value + time criticality + risk reduction) ÷ job size', () => {
    expect(scoreOf('wsjf', { businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 4 })).toBe(4);
  });

  it('value/effort = value ÷ effort', () => {
    expect(scoreOf('value-effort', { value: 9, effort: 3 })).toBe(3);
  });

  it('writes a score with twelve significant digits, so equal inputs always give the same number', () => {
    expect(scoreOf('value-effort', { value: 0.3, effort: 1 })).toBe(0.3);
    expect(scoreOf('rice', { reach: 3, impact: 1, confidence: 0.1, effort: 1 })).toBe(0.3); // 0.30000000000000004 in floats
    expect(scoreOf('value-effort', { value: 1, effort: 3 })).toBe(0.333333333333);
  });

  it('an item without complete inputs has no score; neither has any item under `none`', () => {
    expect(scoreOf('rice', { reach: 1000, impact: 2, confidence: 0.8 })).toBeNull();
    expect(scoreOf('wsjf', { businessValue: 8, timeCriticality: 5, jobSize: 4 })).toBeNull();
    expect(scoreOf('value-effort', { effort: 3 })).toBeNull();
    expect(scoreOf('none', { value: 9, effort: 3 })).toBeNull();
    // Inputs of another model do not make up for missing ones.
    expect(scoreOf('value-effort', { reach: 5, impact: 1, confidence: 1, effort: 1 })).toBeNull();
  });

  it.each([
    ['reach', -1],
    ['impact', 1.5],
    ['impact', 0],
    ['confidence', 0],
    ['confidence', 1.01],
    ['effort', 0],
    ['businessValue', 0],
    ['timeCriticality', -2],
    ['riskReduction', 0],
    ['jobSize', 0],
    ['value', -0.1],
    ['value', Number.POSITIVE_INFINITY],
    ['reach', 2e9],
    ['reach', '10'],
  ])('refuses %s = %p outside its domain (ITEM.INVALID_SCORE_INPUT)', (name, value) => {
    let error: unknown;
    try {
      validateScoreInputs({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'ITEM.INVALID_SCORE_INPUT', kind: 'validation', details: { field: `scoreInputs.${name}` } });
  });

  it('accepts the edges of each domain', () => {
    expect(validateScoreInputs({ reach: 0, impact: 0.25, confidence: 1, effort: 0.01, value: 0 })).toEqual({ reach: 0, impact: 0.25, confidence: 1, effort: 0.01, value: 0 });
  });

  it('refuses unknown input names and non-objects', () => {
    expect(() => validateScoreInputs({ votes: 3 })).toThrow(expect.objectContaining({ code: 'ITEM.INVALID_SCORE_INPUT' }));
    expect(() => validateScoreInputs([1, 2])).toThrow(expect.objectContaining({ code: 'ITEM.INVALID_SCORE_INPUT' }));
  });

  it('a patch sets, keeps and removes (null) inputs, in canonical order', () => {
    const next = applyScoreInputs({ effort: 2, reach: 10 }, validateScoreInputs({ value: 5, reach: null }));
    expect(next).toEqual({ effort: 2, value: 5 });
    expect(Object.keys(applyScoreInputs({}, { value: 1, reach: 1, effort: 1 }))).toEqual(['reach', 'effort', 'value']);
  });

  it('freezes the model, a copy of the inputs and the score', () => {
    const inputs = { value: 6, effort: 2 };
    const frozen = freezeScore({ model: 'value-effort', scoreMargin: 0.2 }, inputs);
    expect(frozen).toEqual({ model: 'value-effort', inputs: { value: 6, effort: 2 }, score: 3 });
    inputs.value = 60;
    expect(frozen.inputs.value).toBe(6);
    expect(freezeScore(undefined, inputs)).toEqual({ model: 'none', inputs: { value: 60, effort: 2 }, score: null });
  });

  it('scoredAfter: whether a decision leaves the item with a score (the application layer skips look-ups otherwise)', () => {
    const ve = { model: 'value-effort' as const, scoreMargin: 0.2 };
    expect(scoredAfter(ve, { value: 1, effort: 1 }, undefined)).toBe(true);
    expect(scoredAfter(ve, { value: 1 }, undefined)).toBe(false);
    expect(scoredAfter(ve, { value: 1 }, { effort: 2 })).toBe(true);
    expect(scoredAfter(ve, { value: 1, effort: 1 }, { effort: null })).toBe(false);
    expect(scoredAfter(ve, { value: 1, effort: 1 }, { effort: -1 })).toBe(false); // invalid: the decider refuses it
    expect(scoredAfter({ model: 'none', scoreMargin: 0.2 }, { value: 1, effort: 1 }, undefined)).toBe(false);
  });

  describe('"exceeds by more than the margin"', () => {
    it('exactly at the margin does not count; just above does', () => {
      expect(exceedsByMargin(12, 10, 0.2)).toBe(false);
      expect(exceedsByMargin(12.0001, 10, 0.2)).toBe(true);
      expect(exceedsByMargin(3.6, 3, 0.2)).toBe(false); // 1.2 × 3 = 3.5999999999999996 in floats
      expect(exceedsByMargin(0.36, 0.3, 0.2)).toBe(false);
    });

    it('with a zero margin any higher score counts, an equal one does not', () => {
      expect(exceedsByMargin(10.5, 10, 0)).toBe(true);
      expect(exceedsByMargin(10, 10, 0)).toBe(false);
    });

    it('an item scored 0 is passed over by any positive score', () => {
      expect(exceedsByMargin(0.01, 0, 0.2)).toBe(true);
      expect(exceedsByMargin(0, 0, 0.2)).toBe(false);
    });
  });

  describe('checkAgainstScore', () => {
    const policy = { model: 'value-effort' as const, scoreMargin: 0.2 };
    const c = (itemId: string, value?: number) => ({ itemId, inputs: value === undefined ? {} : { value, effort: 1 } });

    it('lists the candidates that beat the item by more than the margin, highest first; unscored candidates never count', () => {
      expect(checkAgainstScore(policy, 10, [c('at-margin', 12), c('above', 13), c('unscored'), c('far', 40), c('below', 5)])).toEqual({
        scoreMargin: 0.2,
        count: 2,
        items: [
          { itemId: 'far', score: 40 },
          { itemId: 'above', score: 13 },
        ],
      });
    });

    it('an unscored item is never judged (null), a scored one passing nobody has count 0', () => {
      expect(checkAgainstScore(policy, null, [c('far', 40)])).toBeNull();
      expect(checkAgainstScore(policy, 10, [])).toEqual({ scoreMargin: 0.2, count: 0, items: [] });
    });

    it('keeps the count complete but lists at most PASSED_OVER_LIST_MAX items', () => {
      const many = Array.from({ length: PASSED_OVER_LIST_MAX + 7 }, (_, i) => c(`j-${String(i).padStart(3, '0')}`, 100 + i));
      const check = checkAgainstScore(policy, 1, many)!;
      expect(check.count).toBe(PASSED_OVER_LIST_MAX + 7);
      expect(check.items).toHaveLength(PASSED_OVER_LIST_MAX);
      expect(check.items[0]).toEqual({ itemId: `j-${String(PASSED_OVER_LIST_MAX + 6).padStart(3, '0')}`, score: 100 + PASSED_OVER_LIST_MAX + 6 });
    });
  });
});
