/**
 * The API's rule for a decision's "why" (libs/domain/src/rationale.ts, RationaleField in apps/api/src/http/dto.ts),
 * checked before sending so the message appears at once; the API checks it again. A unit test keeps the two equal.
 */
export const RATIONALE_MIN = 10;
export const RATIONALE_MAX = 4000;

/** Text that says nothing: no letter/digit, or a unit of at most 4 characters repeated 3+ times. */
export function isTrivial(text: string): boolean {
  const compact = text.replace(/\s+/gu, '').toLowerCase();
  if (!/[\p{L}\p{N}]/u.test(compact)) return true;
  return /^(.{1,4}?)\1{2,}$/su.test(compact);
}

/** Why `text` would be refused as a rationale, or null when it is acceptable. */
export function rationaleProblem(text: string, label = 'The rationale'): string | null {
  const t = text.trim();
  if (t === '') return `${label} is required: say why this decision is taken.`;
  if ([...t].length < RATIONALE_MIN) return `${label} must be at least ${RATIONALE_MIN} characters and say why.`;
  if ([...t].length > RATIONALE_MAX) return `${label} must be at most ${RATIONALE_MAX} characters.`;
  if (isTrivial(t)) return `${label} must be a meaningful text, not filler.`;
  return null;
}
