import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, fieldErrorsOf } from '../api/problem';
import { RATIONALE_MAX } from './rationale';
import { bodyOf, validate, type FieldSpec, type FormValues } from './decision-form';

export type { FieldSpec, FormValues } from './decision-form';

const DEFAULT_RATIONALE = { name: 'rationale', label: 'Why? (rationale)', hint: 'At least 10 characters; it is recorded with the decision for everyone who audits it.' };

export interface DecisionDialogProps {
  /** The decision, e.g. "Move “Checkout in one tap”". */
  title: string;
  /** What is being decided on, shown above the fields. */
  description?: ReactNode;
  fields?: readonly FieldSpec[];
  /** The required "why": `rationale` for most decisions, `reason` for kill / anti-backlog / escalation. */
  rationale?: { name: string; label: string; hint?: string };
  initial?: FormValues;
  submitLabel: string;
  /**
   * Sends the decision (with If-Match from the ETag the screen read); throws the ApiError it got. The screen passes a
   * new function after it refetched, so a retry after a 412 carries the new ETag.
   */
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
  onDone: (result: unknown) => void;
  onCancel: () => void;
  /** After a 412: refetch what the screen shows, so the new state is on screen. */
  onStale?: () => unknown;
  /** The state as it is now (shown after a 412 next to the message). */
  current?: ReactNode;
  /** API field names → this form's field names (e.g. the decider's `placement.position` → `toPosition`). */
  aliases?: Record<string, string>;
}

/**
 * Every decision goes through this dialog: it always asks for the rationale, shows the API's problems next to
 * their fields, and on 412 (someone decided meanwhile) says so and shows the new state instead of overwriting it.
 */
export function DecisionDialog(props: DecisionDialogProps) {
  const { title, description, fields = [], initial = {}, submitLabel, onSubmit, onDone, onCancel, onStale, current, aliases } = props;
  const rationale = props.rationale ?? DEFAULT_RATIONALE;
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const [values, setValues] = useState<FormValues>(() => ({ [rationale.name]: '', ...initial }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const all: FieldSpec[] = [...fields, { name: rationale.name, label: rationale.label, type: 'textarea', required: true, hint: rationale.hint }];
  const shown = all.map((f) => f.name);

  const focusFirstError = (errs: Record<string, string>) => {
    const first = all.find((f) => errs[f.name]);
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first.name}"]`)?.focus();
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs = validate(values, fields, rationale);
    setErrors(errs);
    if (Object.keys(errs).length) return focusFirstError(errs);
    setBusy(true);
    try {
      const result = await onSubmit(bodyOf(values, fields, rationale.name));
      onDone(result);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        setStale(true);
        setErrors({});
        await onStale?.();
      } else {
        const errs2 = fieldErrorsOf(err, shown, aliases);
        setErrors(errs2);
        focusFirstError(errs2);
      }
    } finally {
      setBusy(false);
    }
  }

  const set = (name: string, v: string | boolean) => {
    setValues((prev) => ({ ...prev, [name]: v }));
    if (stale) setStale(false);
  };

  return (
    <dialog ref={dialog} className="decision-dialog" aria-labelledby={`${id}-heading`} onCancel={(e) => (e.preventDefault(), onCancel())}>
      <form ref={form} onSubmit={submit} noValidate>
        <h2 id={`${id}-heading`}>{title}</h2>
        {description && <div className="dialog-description">{description}</div>}
        {stale && (
          <div className="notice notice-stale" role="alert">
            <p>
              <strong>Someone decided on this meanwhile.</strong> Nothing of yours was recorded. The page now shows the new
              state; review it and decide again.
            </p>
            {current && <div className="dialog-current">{current}</div>}
          </div>
        )}
        {errors[''] && (
          <p className="notice notice-error" role="alert">
            {errors['']}
          </p>
        )}
        {all.map((f) => (
          <Field key={f.name} id={`${id}-field-${f.name}`} spec={f} value={values[f.name] ?? (f.type === 'checkbox' ? false : '')} error={errors[f.name]} onChange={(v) => set(f.name, v)} />
        ))}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Recording…' : submitLabel}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** A labelled control with its hint and its error (announced, and tied to the control). */
export function Field({ id, spec, value, error, onChange }: { id: string; spec: FieldSpec; value: string | boolean; error?: string; onChange: (v: string | boolean) => void }) {
  const describedBy = [spec.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, name: spec.name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, required: spec.required };
  let control: ReactNode;
  if (spec.type === 'textarea') {
    control = <textarea {...common} rows={4} maxLength={RATIONALE_MAX} value={String(value)} onChange={(e) => onChange(e.target.value)} />;
  } else if (spec.type === 'select') {
    control = (
      <select {...common} value={String(value)} onChange={(e) => onChange(e.target.value)}>
        {!spec.required && <option value="">—</option>}
        {spec.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (spec.type === 'checkbox') {
    control = <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
  } else {
    control = <input {...common} type={spec.type} min={spec.min} max={spec.max} step={spec.step} value={String(value)} onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <div className={`field field-${spec.type}${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {spec.label}
        {spec.required && <span aria-hidden="true"> *</span>}
      </label>
      {control}
      {spec.hint && (
        <p id={`${id}-hint`} className="hint">
          {spec.hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
