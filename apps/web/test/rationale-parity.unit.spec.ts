import { isTrivial as domainIsTrivial, requireText } from '@ledger/domain';
import { isTrivial, rationaleProblem } from '../src/shared/rationale';

// The web app checks a rationale before sending it (apps/web/src/shared/rationale.ts); the API's rule lives in
// libs/domain. Node-side (root tsconfig) so it can import both: the two must agree on every sample.
const SAMPLES = ['', '   ', 'short', '..........', '-- -- -- --', 'aaaaaaaaaa', 'abababababab', 'blah blah blah', 'Because users asked for it', '1234512345', 'ok ok ok ok', 'Décision prise en revue', '  padded but long enough  '];

describe('the decision form judges a rationale as the API does', () => {
  it.each(SAMPLES)('%j', (s) => {
    expect(isTrivial(s)).toBe(domainIsTrivial(s));
    let apiRefuses = false;
    try {
      requireText(s, 'rationale', 'DECISION.RATIONALE_REQUIRED');
    } catch {
      apiRefuses = true;
    }
    expect(rationaleProblem(s) !== null).toBe(apiRefuses);
  });
});
