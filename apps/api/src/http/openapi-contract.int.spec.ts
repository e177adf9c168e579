import { untypedSuccessResponses } from './openapi-contract';
import { currentOpenApiDocument } from './openapi-client';

describe('the served OpenAPI document (/docs-json)', () => {
  it('documents the 2xx response schema of every operation, typed all the way down', async () => {
    const document = await currentOpenApiDocument();
    expect(Object.keys(document.paths).length).toBeGreaterThan(30);
    // Each line names an operation and where its success response says nothing a client could be generated from.
    expect(untypedSuccessResponses(document)).toEqual([]);
  }, 60_000);
});
