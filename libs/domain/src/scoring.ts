import { DomainError } from '@ledger/kernel';

/**
 * Scoring models (DOMAIN.md "Decision quality", docs/metrics-decision-quality.md). A backlog's policy names one;
 * items carry their inputs; every item decision freezes the inputs and the resulting score as the decider saw them.
 * Pure: no clock, no ids.
 */
export const SCORING_MODELS = ['none', 'rice', 'wsjf', 'value-effort'] as const;
export type ScoringModel = (typeof SCORING_MODELS)[number];

/** RICE impact takes one of these values (Intercom's scale). */
export const RICE_IMPACTS = [0.25, 0.5, 1, 2, 3] as const;

/**
 * The inputs of every model, by name (an item may carry inputs of several models: switching the model then
 * scores it without re-entering them). `effort` is shared by RICE and value/effort.
 */
export interface ScoreInputs {
  reach?: number;
  impact?: number;
  confidence?: number;
  effort?: number;
  businessValue?: number;
  timeCriticality?: number;
  riskReduction?: number;
  jobSize?: number;
  value?: number;
}

export const SCORE_INPUT_NAMES = [
  'reach',
  'impact',
  'confidence',
  'effort',
  'businessValue',
  'timeCriticality',
  'riskReduction',
  'jobSize',
  'value',
] as const satisfies readonly (keyof ScoreInputs)[];
export type ScoreInputName = (typeof SCORE_INPUT_NAMES)[number];

/** The inputs each model needs; an item missing one of them has no score. */
export const MODEL_INPUTS: Record<Exclude<ScoringModel, 'none'>, readonly ScoreInputName[]> = {
  rice: ['reach', 'impact', 'confidence', 'effort'],
  wsjf: ['businessValue', 'timeCriticality', 'riskReduction', 'jobSize'],
  'value-effort': ['value', 'effort'],
};

/** Largest value any input may take (keeps scores finite and comparable). */
export const MAX_SCORE_INPUT = 1_000_000_000;

/** Each input's domain: `ok(v)` for a finite number; the text says it in words. */
const DOMAINS: Record<ScoreInputName, { ok: (v: number) => boolean; text: string }> = {
  reach: { ok: (v) => v >= 0, text: 'a number ≥ 0' },
  impact: { ok: (v) => (RICE_IMPACTS as readonly number[]).includes(v), text: `one of ${RICE_IMPACTS.join(', ')}` },
  confidence: { ok: (v) => v > 0 && v <= 1, text: 'a share in (0, 1]' },
  effort: { ok: (v) => v > 0, text: 'a number > 0' },
  businessValue: { ok: (v) => v > 0, text: 'a number > 0' },
  timeCriticality: { ok: (v) => v > 0, text: 'a number > 0' },
  riskReduction: { ok: (v) => v > 0, text: 'a number > 0' },
  jobSize: { ok: (v) => v > 0, text: 'a number > 0' },
  value: { ok: (v) => v >= 0, text: 'a number ≥ 0' },
};

/** The scoring rules of a backlog, as item decisions need them. */
export interface ScoringPolicy {
  model: ScoringModel;
  /** A share: 0.2 = 20 %. */
  scoreMargin: number;
}

export const NO_SCORING: ScoringPolicy = { model: 'none', scoreMargin: 0.2 };

/** What every item decision event freezes: the model in force, the item's inputs after the decision, the score. */
export interface FrozenScore {
  model: ScoringModel;
  inputs: ScoreInputs;
  /** null: the model is `none` or an input the model needs is missing. */
  score: number | null;
}

export function isScoringModel(v: unknown): v is ScoringModel {
  return (SCORING_MODELS as readonly unknown[]).includes(v);
}

/**
 * A patch to an item's inputs: a number sets an input, null removes it, an absent key leaves it. Throws
 * ITEM.INVALID_SCORE_INPUT (validation) for an unknown name or a value outside the input's domain.
 */
export function validateScoreInputs(patch: unknown, field = 'scoreInputs'): Partial<Record<ScoreInputName, number | null>> {
  if (patch === undefined || patch === null) return {};
  if (typeof patch !== 'object' || Array.isArray(patch)) {
    throw new DomainError('ITEM.INVALID_SCORE_INPUT', `${field} must be an object of named inputs.`, { field }, 'validation');
  }
  const out: Partial<Record<ScoreInputName, number | null>> = {};
  for (const [name, value] of Object.entries(patch as Record<string, unknown>)) {
    if (!(SCORE_INPUT_NAMES as readonly string[]).includes(name)) {
      throw new DomainError(
        'ITEM.INVALID_SCORE_INPUT',
        `${field}.${name} is not a score input (known: ${SCORE_INPUT_NAMES.join(', ')}).`,
        { field: `${field}.${name}` },
        'validation',
      );
    }
    const key = name as ScoreInputName;
    if (value === undefined) continue;
    if (value === null) {
      out[key] = null;
      continue;
    }
    const domain = DOMAINS[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value > MAX_SCORE_INPUT || !domain.ok(value)) {
      throw new DomainError(
        'ITEM.INVALID_SCORE_INPUT',
        `${field}.${name} must be ${domain.text} (at most ${MAX_SCORE_INPUT}).`,
        { field: `${field}.${name}`, value },
        'validation',
      );
    }
    out[key] = value;
  }
  return out;
}

/** The inputs after a (validated) patch; keys in canonical order so equal inputs serialize equally. */
export function applyScoreInputs(current: ScoreInputs, patch: Partial<Record<ScoreInputName, number | null>>): ScoreInputs {
  const out: ScoreInputs = {};
  for (const name of SCORE_INPUT_NAMES) {
    const next = Object.prototype.hasOwnProperty.call(patch, name) ? patch[name] : current[name];
    if (typeof next === 'number') out[name] = next;
  }
  return out;
}

export function sameScoreInputs(a: ScoreInputs, b: ScoreInputs): boolean {
  return SCORE_INPUT_NAMES.every((n) => a[n] === b[n]);
}

/** Inputs read back from an event (tolerant: unknown names and non-numbers are dropped, never thrown). */
export function scoreInputsOf(v: unknown): ScoreInputs {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  const d = v as Record<string, unknown>;
  const out: ScoreInputs = {};
  for (const name of SCORE_INPUT_NAMES) {
    const x = d[name];
    if (typeof x === 'number' && Number.isFinite(x)) out[name] = x;
  }
  return out;
}

/** Twelve significant digits: a score is written the same way however it was computed (0.1 + 0.2 → 0.3). */
function canonical(x: number): number {
  return Number(x.toPrecision(12));
}

/**
 * The score of `inputs` under `model`, or null when the model is `none` or an input it needs is missing or
 * outside its domain (an item without complete inputs has no score).
 *   RICE = reach × impact × confidence ÷ effort; WSJF = (business value + time criticality + risk reduction) ÷ job
 *   size; value/effort = value ÷ effort.
 */
export function scoreOf(model: ScoringModel, inputs: ScoreInputs): number | null {
  if (model === 'none' || !isScoringModel(model)) return null;
  for (const name of MODEL_INPUTS[model]) {
    const v = inputs[name];
    if (typeof v !== 'number' || !Number.isFinite(v) || !DOMAINS[name].ok(v)) return null;
  }
  const i = inputs as Required<ScoreInputs>;
  switch (model) {
    case 'rice':
      return canonical((i.reach * i.impact * i.confidence) / i.effort);
    case 'wsjf':
      return canonical((i.businessValue + i.timeCriticality + i.riskReduction) / i.jobSize);
    case 'value-effort':
      return canonical(i.value / i.effort);
  }
}

/**
 * Whether the item will have a score after a decision that applies `patch` to its inputs (false for an invalid
 * patch: the decider refuses it anyway). The application layer asks before reading the items a move passes.
 */
export function scoredAfter(policy: ScoringPolicy, inputs: ScoreInputs, patch: unknown): boolean {
  if (policy.model === 'none') return false;
  try {
    return scoreOf(policy.model, patch === undefined || patch === null ? inputs : applyScoreInputs(inputs, validateScoreInputs(patch))) !== null;
  } catch {
    return false;
  }
}

export function freezeScore(policy: ScoringPolicy | undefined, inputs: ScoreInputs): FrozenScore {
  const model = policy && isScoringModel(policy.model) ? policy.model : 'none';
  return { model, inputs: { ...inputs }, score: scoreOf(model, inputs) };
}

/**
 * "score(J) exceeds score(I) by more than the margin": score(J) > (1 + margin) × score(I). A relative tolerance of
 * 1e-9 absorbs binary rounding, so a score exactly at the margin (12 against 10 at 20 %) never counts.
 */
export function exceedsByMargin(scoreJ: number, scoreI: number, margin: number): boolean {
  const bar = (1 + margin) * scoreI;
  return scoreJ - bar > 1e-9 * Math.max(Math.abs(scoreJ), Math.abs(bar), Number.MIN_VALUE);
}

/** An open item a reprioritization moves the item above, with its inputs at the decision's time. */
export interface PassedCandidate {
  itemId: string;
  inputs: ScoreInputs;
}

/** An item passed over against the score, with its score at the decision's time. */
export interface PassedOverItem {
  itemId: string;
  score: number;
}

/** How many passed-over items an event lists (the count is always complete). */
export const PASSED_OVER_LIST_MAX = 50;

/**
 * The frozen check of one reprioritization (ADR 0033). Null when the moved item has no score (it never counts, as
 * I). Otherwise `items` are the candidates — open items the move puts it above that it was not above before —
 * with a score exceeding the item's by more than the margin (candidates without a score never count, as J),
 * highest score first (ties by id), at most PASSED_OVER_LIST_MAX of them; `count` is all of them.
 */
export interface ScoreCheck {
  scoreMargin: number;
  count: number;
  items: PassedOverItem[];
}

export function checkAgainstScore(policy: ScoringPolicy, itemScore: number | null, candidates: readonly PassedCandidate[]): ScoreCheck | null {
  if (itemScore === null) return null;
  const passed: PassedOverItem[] = [];
  for (const c of candidates) {
    const s = scoreOf(policy.model, c.inputs);
    if (s !== null && exceedsByMargin(s, itemScore, policy.scoreMargin)) passed.push({ itemId: c.itemId, score: s });
  }
  passed.sort((a, b) => b.score - a.score || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  return { scoreMargin: policy.scoreMargin, count: passed.length, items: passed.slice(0, PASSED_OVER_LIST_MAX) };
}
