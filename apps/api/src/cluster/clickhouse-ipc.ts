import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { ClickHouseError } from '@clickhouse/client';

/**
 * The embedded analytics engine (chDB) is one engine per data dir and process: with several API processes the
 * primary owns it (and runs the one analytics projector) and the workers reach it over the cluster's IPC channel
 * (ADR 0031). This is `@clickhouse/client`'s Connection contract on both ends: the worker's client sends each
 * call's SQL, settings and parameters; the primary runs it on its chDB connection and returns the bytes.
 */

type Op = 'query' | 'exec' | 'command' | 'insert' | 'ping';

/** What crosses the channel for a call: the serializable part of the Connection params. */
interface CallParams {
  query?: string;
  clickhouse_settings?: Record<string, unknown>;
  query_params?: Record<string, unknown>;
  query_id?: string;
  session_id?: string;
  select?: boolean;
  values?: string;
}

export interface ChCall {
  t: 'ch:call';
  id: number;
  op: Op;
  params: CallParams;
}

export interface ChReply {
  t: 'ch:reply';
  id: number;
  ok: boolean;
  bytes?: Uint8Array;
  summary?: unknown;
  query_id?: string;
  error?: { message: string; code?: string; type?: string };
}

interface Summary {
  summary?: unknown;
}

async function text(values: unknown): Promise<string> {
  if (typeof values === 'string') return values;
  let out = '';
  for await (const chunk of values as AsyncIterable<unknown>) out += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
  return out;
}

function callParams(params: Record<string, unknown>, values?: string): CallParams {
  return {
    query: params.query as string | undefined,
    clickhouse_settings: params.clickhouse_settings as Record<string, unknown> | undefined,
    query_params: params.query_params as Record<string, unknown> | undefined,
    query_id: params.query_id as string | undefined,
    session_id: params.session_id as string | undefined,
    select: params.select as boolean | undefined,
    values,
  };
}

/** Worker side: a Connection whose calls run in the primary's engine. */
export class IpcClickHouseConnection {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(r: ChReply): void; reject(e: unknown): void }>();

  constructor(private readonly channel: Pick<NodeJS.Process, 'send' | 'on' | 'off'> = process) {
    if (!channel.send) throw new Error('IpcClickHouseConnection needs an IPC channel (a cluster worker)');
    channel.on('message', this.onMessage);
    channel.on('disconnect', this.onDisconnect);
  }

  private readonly onMessage = (m: unknown) => {
    const reply = m as ChReply;
    if (!reply || reply.t !== 'ch:reply') return;
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (reply.ok) p.resolve(reply);
    else p.reject(new ClickHouseError({ message: reply.error?.message ?? 'analytics call failed', code: reply.error?.code ?? '', type: reply.error?.type }));
  };

  private readonly onDisconnect = () => {
    for (const p of this.pending.values()) p.reject(new Error('the API primary process is gone (analytics unavailable)'));
    this.pending.clear();
  };

  private call(op: Op, params: CallParams): Promise<ChReply> {
    const id = this.nextId++;
    return new Promise<ChReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const message: ChCall = { t: 'ch:call', id, op, params };
      this.channel.send!(message, undefined, undefined, (err: Error | null) => {
        if (!err) return;
        this.pending.delete(id);
        reject(err);
      });
    });
  }

  private static base(r: ChReply) {
    return { query_id: r.query_id ?? randomUUID(), response_headers: {}, http_status_code: 200 };
  }

  private static stream(r: ChReply): Readable {
    const b = r.bytes ? Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength) : Buffer.alloc(0);
    return Readable.from([b]);
  }

  async query(params: Record<string, unknown>) {
    const r = await this.call('query', callParams(params));
    return { stream: IpcClickHouseConnection.stream(r), ...IpcClickHouseConnection.base(r) };
  }

  async exec(params: Record<string, unknown>) {
    const values = params.values === undefined ? undefined : await text(params.values);
    const r = await this.call('exec', callParams(params, values));
    return { stream: IpcClickHouseConnection.stream(r), ...IpcClickHouseConnection.base(r), summary: r.summary };
  }

  async command(params: Record<string, unknown>) {
    const r = await this.call('command', callParams(params));
    return { ...IpcClickHouseConnection.base(r), summary: r.summary };
  }

  async insert(params: Record<string, unknown>) {
    const r = await this.call('insert', callParams(params, await text(params.values)));
    return { ...IpcClickHouseConnection.base(r), summary: r.summary };
  }

  async ping(params: Record<string, unknown>) {
    try {
      await this.call('ping', callParams(params));
      return { success: true as const };
    } catch (error) {
      return { success: false as const, error: error as Error };
    }
  }

  async close(): Promise<void> {
    this.channel.off('message', this.onMessage);
    this.channel.off('disconnect', this.onDisconnect);
  }
}

/** The engine side of a Connection, as chDB's (or any) implements it. */
interface ServedConnection {
  query(p: object): Promise<{ stream: AsyncIterable<unknown>; query_id?: string }>;
  exec(p: object): Promise<{ stream: AsyncIterable<unknown>; query_id?: string } & Summary>;
  command(p: object): Promise<{ query_id?: string } & Summary>;
  insert(p: object): Promise<{ query_id?: string } & Summary>;
  ping(p: object): Promise<{ success: boolean; error?: Error }>;
}

async function bytes(stream: AsyncIterable<unknown>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

/** Primary side: runs one call from a worker on the engine's connection; the reply goes back to that worker. */
export async function serveCall(connection: unknown, call: ChCall): Promise<ChReply> {
  const c = connection as ServedConnection;
  const p = call.params;
  try {
    switch (call.op) {
      case 'query': {
        const r = await c.query(p);
        return { t: 'ch:reply', id: call.id, ok: true, bytes: await bytes(r.stream), query_id: r.query_id };
      }
      case 'exec': {
        const r = await c.exec(p.values === undefined ? p : { ...p, values: Readable.from([p.values]) });
        return { t: 'ch:reply', id: call.id, ok: true, bytes: await bytes(r.stream), query_id: r.query_id, summary: r.summary };
      }
      case 'command': {
        const r = await c.command(p);
        return { t: 'ch:reply', id: call.id, ok: true, query_id: r.query_id, summary: r.summary };
      }
      case 'insert': {
        const r = await c.insert(p);
        return { t: 'ch:reply', id: call.id, ok: true, query_id: r.query_id, summary: r.summary };
      }
      case 'ping': {
        const r = await c.ping({ select: p.select ?? true });
        if (!r.success) throw r.error ?? new Error('ping failed');
        return { t: 'ch:reply', id: call.id, ok: true };
      }
      default:
        throw new Error(`unknown analytics call ${String(call.op)}`);
    }
  } catch (e) {
    const err = e as Error & { code?: string; type?: string };
    return { t: 'ch:reply', id: call.id, ok: false, error: { message: err.message, code: err.code, type: err.type } };
  }
}
