import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/config';
import { JsonLogger } from '../shared/json-logger';

/** Where the web app's typed client reads the API's types from (committed; `npm run api:client` writes it). */
export const CLIENT_TYPES_FILE = join(__dirname, '../../../web/src/api/schema.d.ts');

/**
 * The OpenAPI document the app serves at /docs-json, from a throwaway app on an empty temp data dir
 * (nothing listens: the document is read through Fastify's inject).
 */
export async function currentOpenApiDocument(): Promise<OpenAPIObject> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-openapi-'));
  const config = loadConfig({
    LEDGER_DATA_DIR: dataDir,
    LEDGER_JWT_SECRET: 'openapi-document-secret-0123456789abcdef',
    LOG_LEVEL: 'silent',
    LEDGER_FORUM_TICK_MS: '0',
    LEDGER_WEBHOOKS_DISPATCH: 'false',
  });
  const app = await createApp(config, { logger: new JsonLogger('silent') });
  try {
    const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/docs-json' });
    if (res.statusCode !== 200) throw new Error(`/docs-json answered ${res.statusCode}`);
    return JSON.parse(res.body) as OpenAPIObject;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** TypeScript types for openapi-fetch, generated from the document by openapi-typescript. */
export async function clientTypesFor(document: OpenAPIObject): Promise<string> {
  // openapi-typescript is ESM-first; its CommonJS build is what this CommonJS app can require.
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(document as never, { alphabetize: true, exportType: true });
  return (
    '// Generated from the API\'s OpenAPI document by `npm run api:client`. Do not edit by hand:\n' +
    '// `npm test` fails when this file differs from what the app\'s document generates.\n' +
    astToString(ast)
  );
}
