import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Node = Record<string, unknown>;
const DOC_ID = 'openapi.json';

/**
 * OpenAPI 3.0 schema → JSON Schema, the way schemathesis reads it for response_schema_conformance: `nullable: true`
 * adds a null alternative; `$ref`s point into one registered copy of the document's components.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const { nullable, example: _example, ...rest } = node as Node;
  const out: Node = {};
  for (const [k, v] of Object.entries(rest)) {
    out[k] = k === '$ref' && typeof v === 'string' ? v.replace('#/components/', `${DOC_ID}#/components/`) : toJsonSchema(v);
  }
  return nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

/** Validates response bodies against the schemas an OpenAPI document declares for them. */
export class ResponseContract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: Node & { paths: Record<string, Record<string, { responses?: Record<string, Node> }>> }) {
    addFormats(this.ajv);
    const components = toJsonSchema((document.components as Node | undefined) ?? {});
    this.ajv.addSchema({ $id: DOC_ID, components } as Node);
  }

  /** The errors of `body` against the schema of `method path` → `status` (`mediaType`), or [] when it conforms. */
  errors(method: string, pathTemplate: string, status: number, body: unknown, mediaType = 'application/json'): string[] {
    const key = `${method.toLowerCase()} ${pathTemplate} ${status} ${mediaType}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      const op = this.document.paths[pathTemplate]?.[method.toLowerCase()];
      const response = op?.responses?.[String(status)] as { content?: Record<string, { schema?: unknown }> } | undefined;
      const schema = response?.content?.[mediaType]?.schema;
      if (!schema) return [`${key}: not documented`];
      validate = this.ajv.compile(toJsonSchema(schema) as Node);
      this.compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${key}: ${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`);
  }

  /** The errors of `body` against a component schema (e.g. one NDJSON line against AuditEventDto). */
  componentErrors(name: string, body: unknown): string[] {
    const validate = this.ajv.getSchema(`${DOC_ID}#/components/schemas/${name}`);
    if (!validate) return [`component ${name} is not in the document`];
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${name}: ${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`);
  }

  /** Every GET operation of the document, as `GET /path/{param}`. */
  getOperations(): string[] {
    return Object.entries(this.document.paths)
      .filter(([, item]) => item.get)
      .map(([path]) => `GET ${path}`)
      .sort();
  }
}
