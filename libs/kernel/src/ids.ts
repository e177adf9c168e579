import { hash, randomUUID } from 'node:crypto';

/** Injected id source: random in production, deterministic in tests. */
export interface IdGenerator {
  next(): string;
}

export const randomIds: IdGenerator = { next: () => randomUUID() };

export class SequentialIds implements IdGenerator {
  private n = 0;
  constructor(private readonly prefix = '00000000-0000-4000-8000-') {}
  next(): string {
    this.n += 1;
    return this.prefix + this.n.toString(16).padStart(12, '0');
  }
}

/** RFC 4122 name-based UUID (v5, SHA-1): the same name always gives the same id. */
export function uuidV5(name: string, namespace: string = LEDGER_NAMESPACE): string {
  let ns = namespaceBytes.get(namespace);
  if (!ns) {
    ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
    if (namespaceBytes.size < 64) namespaceBytes.set(namespace, ns);
  }
  // One-shot hash: a bulk import derives several ids per decision (ADR 0027).
  const h = hash('sha1', Buffer.concat([ns, Buffer.from(name, 'utf8')]), 'hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Parsed namespaces (a handful in practice: bulk imports derive several ids per decision). */
const namespaceBytes = new Map<string, Buffer>();

export const LEDGER_NAMESPACE = '6f1c2b1e-6a57-4c0e-9d0b-3c2f4a7e9b10';

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
