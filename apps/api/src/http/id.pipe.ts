import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { UUID_RE } from '@ledger/kernel';
import { validationProblem } from './problem';

/** Path ids are UUIDs; anything else is a 400 naming the parameter. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !UUID_RE.test(value)) {
      const field = metadata.data ?? 'id';
      throw validationProblem([{ field, code: 'isUuid', message: `${field} must be a UUID` }]);
    }
    return value.toLowerCase();
  }
}
