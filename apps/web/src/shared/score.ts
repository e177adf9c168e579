import type { components } from '../api/schema';
import type { FieldSpec } from './decision-form';

/**
 * Scores as the API freezes them into decisions (ADR 0033, docs/metrics-decision-quality.md): a backlog's scoring
 * model, an item's inputs, the resulting score. The app never computes a score: it shows the one each decision
 * froze. The input names, the model → inputs table and the RICE impact scale mirror libs/domain/src/scoring.ts
 * (test/score-parity.unit.spec.ts holds them equal).
 */
export type ScoringModel = components['schemas']['PolicyViewDto']['scoringModel'];
export type ScoreInputs = components['schemas']['ScoreInputsViewDto'];
export type FrozenScore = components['schemas']['FrozenScoreDto'];
export type ScoreInputName = keyof ScoreInputs;

export const MODEL_LABEL: Record<ScoringModel, string> = {
  none: 'no scoring model',
  rice: 'RICE',
  wsjf: 'WSJF',
  'value-effort': 'value / effort',
};

export const MODEL_FORMULA: Record<ScoringModel, string> = {
  none: 'items are not scored',
  rice: 'reach × impact × confidence ÷ effort',
  wsjf: '(business value + time criticality + risk reduction) ÷ job size',
  'value-effort': 'value ÷ effort',
};

export const SCORE_INPUT_NAMES = ['reach', 'impact', 'confidence', 'effort', 'businessValue', 'timeCriticality', 'riskReduction', 'jobSize', 'value'] as const satisfies readonly ScoreInputName[];

export const MODEL_INPUTS: Record<Exclude<ScoringModel, 'none'>, readonly ScoreInputName[]> = {
  rice: ['reach', 'impact', 'confidence', 'effort'],
  wsjf: ['businessValue', 'timeCriticality', 'riskReduction', 'jobSize'],
  'value-effort': ['value', 'effort'],
};

export const RICE_IMPACTS = [0.25, 0.5, 1, 2, 3] as const;

export const INPUT_LABEL: Record<ScoreInputName, string> = {
  reach: 'Reach',
  impact: 'Impact',
  confidence: 'Confidence',
  effort: 'Effort',
  businessValue: 'Business value',
  timeCriticality: 'Time criticality',
  riskReduction: 'Risk reduction',
  jobSize: 'Job size',
  value: 'Value',
};

/** The inputs a model scores with (none: none). */
export function inputsOf(model: ScoringModel): readonly ScoreInputName[] {
  return model === 'none' ? [] : MODEL_INPUTS[model];
}

/** A score as people read it: at most 3 decimals, no trailing zeros ("12.5", "0.333"); "no score" for null. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined) return 'no score';
  return String(Math.round(score * 1000) / 1000);
}

/**
 * The inputs the model uses, in its order, as "Reach 400 · Impact 2 · …"; a missing one says so (that is why the
 * score is null). Inputs of other models the item also carries are left out (they do not count under this model).
 */
export function describeInputs(model: ScoringModel, inputs: ScoreInputs): string {
  const names = inputsOf(model);
  if (names.length === 0) return '';
  return names.map((n) => `${INPUT_LABEL[n]} ${inputs[n] ?? 'missing'}`).join(' · ');
}

/** "RICE 53.333 (reach 400 · …)" — one line for a frozen score. */
export function describeFrozen(s: FrozenScore): string {
  if (s.model === 'none') return 'No scoring model';
  const inputs = describeInputs(s.model, s.inputs);
  return `${MODEL_LABEL[s.model]} score ${formatScore(s.score)}${inputs ? ` (${inputs})` : ''}`;
}

/**
 * The latest score frozen at or before `at` among timeline entries (oldest first): what the item's score was as of
 * then. null when no decision up to `at` froze one (nothing yet, or decisions recorded before scores were frozen).
 */
export function scoreAsOf<E extends { occurredAt: string; eventId: string; scoring: FrozenScore | null }>(entries: readonly E[], at: string | null): (FrozenScore & { eventId: string }) | null {
  const until = at === null ? Infinity : Date.parse(at);
  let found: (FrozenScore & { eventId: string }) | null = null;
  for (const e of entries) {
    if (Date.parse(e.occurredAt) > until) break;
    if (e.scoring) found = { ...e.scoring, eventId: e.eventId };
  }
  return found;
}

/**
 * Fields for the score inputs of a decision form (add, estimate, reprioritize): the ones the backlog's model uses,
 * each optional (empty keeps the current value), prefilled with the item's current inputs. Named `scoreInputs.<name>`
 * so the body nests them and the API's problems land next to them.
 */
export function scoreInputFields(model: ScoringModel): FieldSpec[] {
  return inputsOf(model).map((name): FieldSpec => {
    const field = `scoreInputs.${name}`;
    const base = { name: field, nested: true, label: `${INPUT_LABEL[name]} (${MODEL_LABEL[model]})` };
    if (name === 'impact') {
      return { ...base, type: 'select', options: RICE_IMPACTS.map((v) => ({ value: String(v), label: String(v) })), hint: 'Intercom’s scale: 3 massive … 0.25 minimal.' };
    }
    if (name === 'confidence') return { ...base, type: 'number', step: 'any', min: 0, max: 1, hint: 'A share: 0.8 = 80 %.' };
    return { ...base, type: 'number', step: 'any', min: 0 };
  });
}

/** The current inputs as initial values of `scoreInputFields`. */
export function scoreInputInitial(model: ScoringModel, inputs: ScoreInputs | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of inputsOf(model)) {
    const v = inputs?.[name];
    if (v !== undefined && v !== null) out[`scoreInputs.${name}`] = String(v);
  }
  return out;
}

/**
 * Only the inputs that changed go to the API (an unchanged input is no new evidence; sending all of them would also
 * make an estimate "change" nothing twice). Select fields (impact) come as strings: numbers here.
 */
export function changedScoreInputs(body: Record<string, unknown>, current: ScoreInputs | undefined): Record<string, unknown> {
  const given = body.scoreInputs as Record<string, unknown> | undefined;
  const { scoreInputs: _dropped, ...rest } = body;
  if (!given) return rest;
  const changed: Record<string, number> = {};
  for (const [name, raw] of Object.entries(given)) {
    const v = typeof raw === 'string' ? Number(raw) : (raw as number);
    if (current?.[name as ScoreInputName] !== v) changed[name] = v;
  }
  return Object.keys(changed).length ? { ...rest, scoreInputs: changed } : rest;
}
