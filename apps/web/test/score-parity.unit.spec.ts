import { MODEL_INPUTS as DOMAIN_MODEL_INPUTS, RICE_IMPACTS as DOMAIN_RICE_IMPACTS, SCORE_INPUT_NAMES as DOMAIN_INPUT_NAMES, SCORING_MODELS } from '@ledger/domain';
import { MODEL_INPUTS, MODEL_LABEL, RICE_IMPACTS, SCORE_INPUT_NAMES } from '../src/shared/score';

// The score forms offer the inputs each model needs (apps/web/src/shared/score.ts); the decider's table lives in
// libs/domain/src/scoring.ts. Node-side (root tsconfig) so it can import both: they must agree.
describe('the score forms know the models as the decider does', () => {
  it('same models, same inputs per model, same RICE impact scale', () => {
    expect(Object.keys(MODEL_LABEL).sort()).toEqual([...SCORING_MODELS].sort());
    expect(MODEL_INPUTS).toEqual(DOMAIN_MODEL_INPUTS);
    expect([...SCORE_INPUT_NAMES]).toEqual([...DOMAIN_INPUT_NAMES]);
    expect([...RICE_IMPACTS]).toEqual([...DOMAIN_RICE_IMPACTS]);
  });
});
