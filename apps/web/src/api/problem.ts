/** The API's errors: RFC 9457 problem details with a stable `code` (apps/api/src/http/problem.ts). */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** A non-2xx answer from the API. Queries throw it; forms read its field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    /** From Retry-After (503 while a read model or the analytics catch up). */
    readonly retryAfterSeconds: number | null,
  ) {
    super(problem?.detail ?? `the server answered ${status}`);
  }

  static from(response: Response, body: unknown): ApiError {
    const problem = isProblem(body) ? body : null;
    const retry = Number(response.headers.get('Retry-After'));
    return new ApiError(response.status, problem, Number.isFinite(retry) && retry > 0 ? retry : null);
  }

  get code(): string | null {
    return this.problem?.code ?? null;
  }

  /** 503: the read model or the analytics are still catching up; the query retries after Retry-After. */
  get catchingUp(): boolean {
    return this.status === 503;
  }
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as Problem).code === 'string';
}

/**
 * Field → message, for the fields a form shows. The API names fields as the body does (`rationale`, `reason`,
 * `toPosition`); the deciders sometimes name a nested one (`placement.position`): `aliases` maps those.
 * Errors on fields the form does not show are returned under '' (shown above the form).
 */
export function fieldErrorsOf(err: unknown, shown: readonly string[], aliases: Record<string, string> = {}): Record<string, string> {
  if (!(err instanceof ApiError) || !err.problem) return err instanceof Error ? { '': err.message } : {};
  const out: Record<string, string> = {};
  const general: string[] = [];
  for (const e of err.problem.errors ?? []) {
    const field = aliases[e.field] ?? e.field;
    if (shown.includes(field)) out[field] ??= e.message;
    else general.push(`${e.field}: ${e.message}`);
  }
  if (!err.problem.errors?.length || general.length) out[''] = general.length ? general.join('; ') : err.problem.detail;
  return out;
}
