import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const isJson = (mediaType: string) => /^application\/([a-z.+-]+\+)?json$/i.test(mediaType.split(';')[0].trim());

/**
 * Every operation whose 2xx response a client cannot be generated from: no 2xx at all, a 2xx without content
 * (other than 204), or a schema that is missing, `{}`, or an object or array that says nothing about its
 * members — at the top or anywhere inside. Nested objects may be explicitly free-form (`additionalProperties:
 * true`, e.g. an event's `data`); the response itself may not. One line per finding, e.g.
 * `GET /items/{itemId} 200 application/json: .kill is an untyped object`.
 */
export function untypedSuccessResponses(document: OpenAPIObject): string[] {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const findings: string[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const op = (item as Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>)[method];
      if (!op) continue;
      const name = `${method.toUpperCase()} ${path}`;
      const ok = Object.entries(op.responses ?? {}).filter(([status]) => /^2(\d\d|XX)$/i.test(status));
      if (ok.length === 0) {
        findings.push(`${name}: no 2xx response documented`);
        continue;
      }
      for (const [status, response] of ok) {
        if (status === '204') continue;
        const content = Object.entries(response.content ?? {});
        if (content.length === 0) {
          findings.push(`${name} ${status}: no content and no schema`);
          continue;
        }
        for (const [mediaType, media] of content) {
          const where = `${name} ${status} ${mediaType}`;
          if (!isJson(mediaType)) {
            if (!media.schema || media.schema.type !== 'string') findings.push(`${where}: a non-JSON body needs a string schema`);
            continue;
          }
          for (const problem of untyped(media.schema, '', schemas, new Set(), true)) findings.push(`${where}: ${problem}`);
        }
      }
    }
  }
  return findings;
}

function untyped(schema: Schema | undefined, at: string, schemas: Record<string, Schema>, seen: Set<string>, root: boolean): string[] {
  const here = at || '(body)';
  if (!schema || Object.keys(schema).filter((k) => !['description', 'nullable', 'example', 'title'].includes(k)).length === 0) {
    return [`${here} has no schema`];
  }
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (!schemas[name]) return [`${here} refers to the missing schema ${name}`];
    if (seen.has(name)) return [];
    return untyped(schemas[name], at, schemas, new Set([...seen, name]), root);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const parts = schema[key];
    if (Array.isArray(parts)) return parts.flatMap((p: Schema) => untyped(p, at, schemas, seen, root));
  }
  if (schema.type === 'array') return untyped(schema.items as Schema | undefined, `${at}[]`, schemas, seen, false);
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (schema.type === 'object' || properties) {
    const extra = schema.additionalProperties;
    if (properties && Object.keys(properties).length > 0) {
      const out = Object.entries(properties).flatMap(([k, v]) => untyped(v, `${at}.${k}`, schemas, seen, false));
      if (extra && typeof extra === 'object') out.push(...untyped(extra as Schema, `${at}.*`, schemas, seen, false));
      return out;
    }
    if (extra && typeof extra === 'object') return untyped(extra as Schema, `${at}.*`, schemas, seen, false);
    if (extra === true && !root) return [];
    return [`${here} is an untyped object`];
  }
  if (typeof schema.type === 'string' || Array.isArray(schema.enum)) return [];
  return [`${here} has no type`];
}
