/**
 * `npm run api:client`: regenerate the web app's typed API client types (apps/web/src/api/schema.d.ts)
 * from the OpenAPI document the app serves. Run it after changing a controller or a DTO, and commit the result.
 * `npm run api:client -- --check [--file <path>]` writes nothing and exits 1 when the committed file (or the
 * given one) is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CLIENT_TYPES_FILE, clientTypesFor, currentOpenApiDocument } from '../http/openapi-client';

async function main(args: string[]): Promise<number> {
  const document = await currentOpenApiDocument();
  const generated = await clientTypesFor(document);
  const fileArg = args.indexOf('--file');
  const target = fileArg >= 0 && args[fileArg + 1] ? args[fileArg + 1] : CLIENT_TYPES_FILE;
  const file = relative(process.cwd(), target);
  if (args.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      // missing: reported as out of date below
    }
    if (committed === generated) {
      process.stdout.write(`${file} is up to date\n`);
      return 0;
    }
    const a = committed.split('\n');
    const b = generated.split('\n');
    let line = 0;
    while (line < a.length && line < b.length && a[line] === b[line]) line++;
    process.stderr.write(
      `${file} differs from what the app's OpenAPI document generates (first difference at line ${line + 1}:\n` +
        `  committed: ${a[line] ?? '(end of file)'}\n  generated: ${b[line] ?? '(end of file)'})\n` +
        `run \`npm run api:client\` and commit the result\n`,
    );
    return 1;
  }
  writeFileSync(target, generated);
  const operations = Object.values(document.paths).reduce((n, path) => n + Object.keys(path).length, 0);
  process.stdout.write(`wrote ${file} (${operations} operations)\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`api:client: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
