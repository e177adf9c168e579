import type { Refusal } from './link';

/** A refused sign-in: what happened and what to do next, announced. */
export function RefusalNotice({ refusal }: { refusal: Refusal }) {
  return (
    <div className="notice notice-error sign-in-refusal" role="alert">
      <p>
        <strong>{refusal.title}</strong>
      </p>
      <p>{refusal.detail}</p>
    </div>
  );
}
