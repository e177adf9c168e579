import { validationProblem } from './problem';

const TZ = /(Z|[+-]\d{2}:?\d{2})$/i;

/** An ISO-8601 instant from a query: a date (midnight UTC) or a date-time WITH a timezone, 1970–9999. */
export function parseInstant(value: string, field: string): Date {
  const d = new Date(value);
  const ambiguous = value.includes('T') && !TZ.test(value);
  if (ambiguous || Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1970 || d.getUTCFullYear() > 9999) {
    throw validationProblem([
      {
        field,
        code: 'isIso8601',
        message: `${field} must be an ISO-8601 date or date-time with a timezone, e.g. 2026-03-01T12:00:00Z`,
      },
    ]);
  }
  return d;
}
