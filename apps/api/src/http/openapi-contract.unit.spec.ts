import type { OpenAPIObject } from '@nestjs/swagger';
import { untypedSuccessResponses } from './openapi-contract';

const json = (schema: unknown) => ({ description: 'ok', content: { 'application/json': { schema } } });
const doc = (paths: Record<string, unknown>, schemas: Record<string, unknown> = {}) =>
  ({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths, components: { schemas } }) as unknown as OpenAPIObject;

describe('untypedSuccessResponses', () => {
  it('accepts typed objects, arrays of typed items, nested $refs, nullable refs, enums and explicit free-form members', () => {
    const d = doc(
      {
        '/a': {
          get: { responses: { '200': json({ $ref: '#/components/schemas/A' }), '404': { description: 'no' } } },
          post: { responses: { '204': { description: 'done' } } },
        },
        '/csv': { get: { responses: { '200': { description: 'csv', content: { 'text/csv': { schema: { type: 'string' } } } } } } },
      },
      {
        A: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            list: { type: 'array', items: { $ref: '#/components/schemas/B' } },
            maybe: { nullable: true, allOf: [{ $ref: '#/components/schemas/B' }] },
            kind: { enum: ['x', 'y'] },
            data: { type: 'object', additionalProperties: true },
            counts: { type: 'object', additionalProperties: { type: 'integer' } },
            self: { $ref: '#/components/schemas/A' },
          },
        },
        B: { type: 'object', properties: { n: { type: 'number' } } },
      },
    );
    expect(untypedSuccessResponses(d)).toEqual([]);
  });

  it('names every operation whose 2xx response has no schema, {}, an untyped object or array, at any depth', () => {
    const d = doc(
      {
        '/none': { get: { responses: { '200': { description: 'nothing' } } } },
        '/empty': { get: { responses: { '200': json({}) } } },
        '/object': { get: { responses: { '200': json({ type: 'object' }) } } },
        '/free': { get: { responses: { '200': json({ type: 'object', additionalProperties: true }) } } },
        '/array': { get: { responses: { '201': json({ type: 'array' }) } } },
        '/nested': { put: { responses: { '200': json({ $ref: '#/components/schemas/N' }) } } },
        '/only-errors': { delete: { responses: { '404': { description: 'no' } } } },
        '/ndjson': { get: { responses: { '200': { description: 'x', content: { 'application/x-ndjson': {} } } } } },
      },
      { N: { type: 'object', properties: { ok: { type: 'boolean' }, kill: { type: 'object' }, votes: { type: 'array', items: {} }, x: {} } } },
    );
    expect(untypedSuccessResponses(d)).toEqual([
      'GET /none 200: no content and no schema',
      'GET /empty 200 application/json: (body) has no schema',
      'GET /object 200 application/json: (body) is an untyped object',
      'GET /free 200 application/json: (body) is an untyped object',
      'GET /array 201 application/json: [] has no schema',
      'PUT /nested 200 application/json: .kill is an untyped object',
      'PUT /nested 200 application/json: .votes[] has no schema',
      'PUT /nested 200 application/json: .x has no schema',
      'DELETE /only-errors: no 2xx response documented',
      'GET /ndjson 200 application/x-ndjson: a non-JSON body needs a string schema',
    ]);
  });
});
