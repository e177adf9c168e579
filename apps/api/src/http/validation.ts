import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { validationProblem, type FieldError } from './problem';

/**
 * The one validation policy for request bodies and queries (HTTP) and import lines: unknown fields refused,
 * no implicit type conversion, per-field problems.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors: ValidationError[]) => validationProblem(flatten(errors)),
  });
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const [code, message] of Object.entries(e.constraints ?? {})) {
      out.push({ field, code: code === 'whitelistValidation' ? 'unknown-field' : code, message });
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}
