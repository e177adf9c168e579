import { describeBreach, describeThreshold, killCriteriaBreach, observedNumber, reviewDatePassesAt, type CheckedOutcome, type KillCriteriaUnderCheck } from './kill-criteria';

/** DOMAIN.md "Self-checking kill criteria": breached by an outcome meeting the threshold, or by the date passing with none. */
describe('self-checking kill criteria', () => {
  const criteria: KillCriteriaUnderCheck = {
    eventId: 'e-kc',
    exitCondition: 'Conversion below 2 % by March',
    reviewBy: '2026-03-01',
    threshold: { objectiveId: 'o-1', operator: '<', value: 2 },
  };
  const outcome = (at: string, observedValue: string, objectiveId = 'o-1', eventId = `e-${at}`): CheckedOutcome => ({ eventId, objectiveId, observedValue, at });

  it('reads the leading number of an observed value, units ignored', () => {
    expect(observedNumber('1.8 %')).toBe(1.8);
    expect(observedNumber('1.8%')).toBe(1.8);
    expect(observedNumber(' -3 pp')).toBe(-3);
    expect(observedNumber('+0.5')).toBe(0.5);
    expect(observedNumber('.5 s')).toBe(0.5);
    expect(observedNumber('12 ms (p95)')).toBe(12);
    expect(observedNumber('about 2 %')).toBeNull();
    expect(observedNumber('flat')).toBeNull();
    expect(observedNumber('1.2.3')).toBeNull();
  });

  it('the date passes at the start of the next UTC day', () => {
    expect(reviewDatePassesAt('2026-03-01')).toBe('2026-03-02T00:00:00.000Z');
  });

  it('is breached by an outcome on the objective whose value meets the condition', () => {
    const met = outcome('2026-02-10T10:00:00.000Z', '1.8 %');
    expect(killCriteriaBreach(criteria, [outcome('2026-02-01T10:00:00.000Z', '2.4 %'), met], '2026-02-11T00:00:00.000Z')).toEqual({
      kind: 'outcome-met',
      outcome: { ...met, observed: 1.8 },
    });
  });

  it.each([
    ['<', 2, false],
    ['<=', 2, true],
    ['>', 2, false],
    ['>=', 2, true],
  ] as const)('an observed value exactly at the threshold: %s %d → breached %s', (operator, value, breached) => {
    const c = { ...criteria, threshold: { ...criteria.threshold, operator, value } };
    expect(killCriteriaBreach(c, [outcome('2026-02-10T10:00:00.000Z', '2 %')], '2026-02-11T00:00:00.000Z') !== null).toBe(breached);
  });

  it('is breached when the date passes with no outcome for it (not before)', () => {
    expect(killCriteriaBreach(criteria, [], '2026-03-01T23:59:59.999Z')).toBeNull();
    expect(killCriteriaBreach(criteria, [], '2026-03-02T00:00:00.000Z')).toEqual({ kind: 'no-outcome-by-date', reviewBy: '2026-03-01' });
  });

  it('an outcome that does not meet the condition, recorded by the date, checks it: no breach', () => {
    expect(killCriteriaBreach(criteria, [outcome('2026-03-01T12:00:00.000Z', '2.5 %')], '2026-04-01T00:00:00.000Z')).toBeNull();
  });

  it('outcomes on another objective, or stating no number, are not an outcome for it', () => {
    const others = [outcome('2026-02-01T00:00:00.000Z', '0.5 %', 'o-2'), outcome('2026-02-02T00:00:00.000Z', 'flat')];
    expect(killCriteriaBreach(criteria, others, '2026-02-20T00:00:00.000Z')).toBeNull();
    expect(killCriteriaBreach(criteria, others, '2026-03-05T00:00:00.000Z')).toEqual({ kind: 'no-outcome-by-date', reviewBy: '2026-03-01' });
  });

  it('an outcome recorded late: the date breach came first', () => {
    expect(killCriteriaBreach(criteria, [outcome('2026-03-03T00:00:00.000Z', '1 %')], '2026-03-04T00:00:00.000Z')).toEqual({
      kind: 'no-outcome-by-date',
      reviewBy: '2026-03-01',
    });
  });

  it('a late outcome that meets the condition still breaches criteria that an on-time outcome had checked', () => {
    const late = outcome('2026-03-10T00:00:00.000Z', '1.5 %');
    expect(killCriteriaBreach(criteria, [outcome('2026-02-20T00:00:00.000Z', '2.2 %'), late], '2026-03-11T00:00:00.000Z')).toEqual({
      kind: 'outcome-met',
      outcome: { ...late, observed: 1.5 },
    });
  });

  it('as of an instant, later outcomes do not exist yet', () => {
    expect(killCriteriaBreach(criteria, [outcome('2026-02-10T10:00:00.000Z', '1 %')], '2026-02-10T09:00:00.000Z')).toBeNull();
  });

  it('describes the criteria and the evidence in words', () => {
    expect(describeThreshold(criteria, 'Checkout conversion')).toBe(
      'kill if the observed value of objective "Checkout conversion" (o-1) is < 2, checked by 2026-03-01',
    );
    expect(describeThreshold({ ...criteria, threshold: { ...criteria.threshold, operator: '>=' } })).toContain('is ≥ 2');
    expect(describeBreach({ kind: 'no-outcome-by-date', reviewBy: '2026-03-01' })).toBe('the check date 2026-03-01 passed with no outcome on the objective');
    expect(describeBreach({ kind: 'outcome-met', outcome: { ...outcome('2026-02-10T10:00:00.000Z', '1.8 %', 'o-1', 'e-9'), observed: 1.8 } })).toBe(
      'outcome e-9 recorded 2026-02-10T10:00:00.000Z observed "1.8 %" (1.8)',
    );
  });
});
