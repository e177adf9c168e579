import { DomainError } from '@ledger/kernel';

/**
 * Every decision carries a non-trivial "why". Returns the trimmed text, or throws
 * DomainError(code, …, { field }, 'validation') when it is missing, blank, shorter than `minLength`
 * characters, or trivially filled in: no letter or digit at all ('..........', '-- -- --'), or one
 * short unit repeated ('aaaaaaaaaa', 'abababababab', 'blah blah blah').
 */
export function requireText(value: unknown, field: string, code: string, minLength = 10): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DomainError(code, `${field} is required.`, { field }, 'validation');
  }
  const text = value.trim();
  if ([...text].length < minLength) {
    throw new DomainError(
      code,
      `${field} must be at least ${minLength} characters and say why.`,
      { field, minLength },
      'validation',
    );
  }
  if (isTrivial(text)) {
    throw new DomainError(code, `${field} must be a meaningful text, not filler.`, { field }, 'validation');
  }
  return text;
}

/** Text that says nothing: no letter/digit, or a unit of at most 4 characters repeated 3+ times. */
export function isTrivial(text: string): boolean {
  const compact = text.replace(/\s+/gu, '').toLowerCase();
  if (!/[\p{L}\p{N}]/u.test(compact)) return true;
  return /^(.{1,4}?)\1{2,}$/su.test(compact);
}

/** Trimmed text, or null when absent or blank (optional free-text fields). */
export function optionalText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
