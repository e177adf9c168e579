import { percent, reasonChips } from './reasons';

const none = { timesDeferred: 0, noObjective: false, killCriteriaReviewPassed: false, inProgressTooLong: false, escalations: 0 };

describe('zombie reason chips', () => {
  it('has no chip when staleness is the only reason', () => {
    expect(reasonChips(none)).toEqual([]);
  });

  it('says each reason as a readable phrase, heaviest first, with the rule behind it', () => {
    const chips = reasonChips({ timesDeferred: 3, noObjective: true, killCriteriaReviewPassed: true, inProgressTooLong: true, escalations: 1 });
    expect(chips.map((c) => c.label)).toEqual(['No objective linked', 'Kill-criteria review date passed', 'In progress too long', 'Deferred 3 times', 'Escalated once']);
    for (const c of chips) expect(c.explanation).toMatch(/\(\+(1|0\.5 each)\)\.$/);
  });

  it('counts in words people read', () => {
    expect(reasonChips({ ...none, timesDeferred: 1 })[0].label).toBe('Deferred once');
    expect(reasonChips({ ...none, timesDeferred: 2 })[0].label).toBe('Deferred twice');
    expect(reasonChips({ ...none, escalations: 2 })[0].label).toBe('Escalated twice');
  });

  it('shows shares as percentages with one decimal', () => {
    expect(percent(0)).toBe('0 %');
    expect(percent(0.75)).toBe('75 %');
    expect(percent(2 / 3)).toBe('66.7 %');
  });
});
