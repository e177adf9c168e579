import { rationaleProblem } from './rationale';

/** A field of a decision form besides the rationale. */
export interface FieldSpec {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'number' | 'date' | 'select' | 'checkbox';
  options?: readonly { value: string; label: string }[];
  required?: boolean;
  min?: number;
  max?: number;
  /** Number fields: `any` for decimals (score inputs); whole numbers otherwise. */
  step?: number | 'any';
  /** The dotted name is a path into the body (`scoreInputs.reach` → `body.scoreInputs.reach`); otherwise a name is a name, dots and all (`event:item.killed`). */
  nested?: boolean;
  hint?: string;
}

export type FormValues = Record<string, string | boolean>;

/**
 * The body the API expects: numbers as numbers, checkboxes as booleans, empty optional fields left out. A `nested`
 * field's dotted name (`scoreInputs.reach`) goes into `body.scoreInputs.reach`, the name the API's problems give it
 * back under.
 */
export function bodyOf(values: FormValues, fields: readonly FieldSpec[], rationaleName: string): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const put = (f: FieldSpec, v: unknown) => {
    const path = f.nested ? f.name.split('.') : [f.name];
    let at = body;
    for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
    at[path[path.length - 1]] = v;
  };
  for (const f of fields) {
    const v = values[f.name];
    if (f.type === 'checkbox') put(f, v === true);
    else if (typeof v === 'string' && v.trim() !== '') put(f, f.type === 'number' ? Number(v) : v.trim());
  }
  body[rationaleName] = String(values[rationaleName] ?? '').trim();
  return body;
}

/** Client-side checks (the API checks again): required fields, number ranges, the rationale rule. */
export function validate(values: FormValues, fields: readonly FieldSpec[], rationale: { name: string; label: string }): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (f.type === 'checkbox') continue;
    const s = typeof v === 'string' ? v.trim() : '';
    if (s === '') {
      if (f.required) errors[f.name] = `${f.label} is required.`;
      continue;
    }
    if (f.type === 'number') {
      const n = Number(s);
      if (!Number.isFinite(n)) errors[f.name] = `${f.label} must be a number.`;
      else if (f.min !== undefined && n < f.min) errors[f.name] = `${f.label} must be at least ${f.min}.`;
      else if (f.max !== undefined && n > f.max) errors[f.name] = `${f.label} must be at most ${f.max}.`;
    }
  }
  const r = rationaleProblem(String(values[rationale.name] ?? ''), rationale.label.replace(/\s*\(.*\)$/, ''));
  if (r) errors[rationale.name] = r;
  return errors;
}
