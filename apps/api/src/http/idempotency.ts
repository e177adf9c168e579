import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable, from, of, switchMap, tap, finalize } from 'rxjs';
import type { Principal } from '../auth/principal';
import { IDEMPOTENCY_STORE } from '../infrastructure/tokens';
import { ProblemException } from './problem';
import { parseIdempotencyKey } from './request-meta';

export interface StoredResponse {
  fingerprint: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface IdempotencyStore {
  get(owner: string, key: string): StoredResponse | null;
  put(owner: string, key: string, response: StoredResponse): void;
  close(): void;
}

/** Idempotency records live beside the API (not in the rebuildable read model); kept 7 days. */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly db: Database.Database;
  private readonly getStmt;
  private readonly putStmt;

  constructor(file: string, private readonly now: () => Date = () => new Date()) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency (
      owner TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, status INTEGER NOT NULL,
      body TEXT NOT NULL, headers TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (owner, key))`);
    const cutoff = new Date(this.now().getTime() - 7 * 24 * 3600 * 1000).toISOString();
    this.db.prepare('DELETE FROM idempotency WHERE created_at < ?').run(cutoff);
    this.getStmt = this.db.prepare('SELECT fingerprint, status, body, headers FROM idempotency WHERE owner = ? AND key = ?');
    this.putStmt = this.db.prepare(
      'INSERT OR IGNORE INTO idempotency (owner, key, fingerprint, status, body, headers, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  get(owner: string, key: string): StoredResponse | null {
    const r = this.getStmt.get(owner, key) as { fingerprint: string; status: number; body: string; headers: string } | undefined;
    return r ? { fingerprint: r.fingerprint, status: r.status, body: JSON.parse(r.body), headers: JSON.parse(r.headers) } : null;
  }

  put(owner: string, key: string, r: StoredResponse): void {
    this.putStmt.run(owner, key, r.fingerprint, r.status, JSON.stringify(r.body ?? null), JSON.stringify(r.headers), this.now().toISOString());
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

const REPLAYED_HEADERS = ['etag', 'location'];

const SECRET_IN_ANSWER = 'ledger:secret-in-answer';
/** The answer holds a secret shown once (an invitation link): never stored, so an Idempotency-Key cannot replay it. */
export const SecretInAnswer = () => SetMetadata(SECRET_IN_ANSWER, true);

/**
 * `Idempotency-Key` on writes: the first successful answer is stored and a retry with the same key
 * (same caller, method, path and body) gets it back without deciding again. Event ids are also derived
 * from the key (DecisionExecutor), so even a retry after a crash between append and this record writes nothing.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly inFlight = new Set<string>();

  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    if (req.method === 'GET' || req.method === 'HEAD' || !req.principal) return next.handle();
    const key = parseIdempotencyKey(req.headers['idempotency-key']);
    if (!key) return next.handle();
    if (this.reflector.get<boolean>(SECRET_IN_ANSWER, context.getHandler())) {
      throw new ProblemException(
        400,
        'IDEMPOTENCY.NOT_SUPPORTED',
        'this answer holds a secret that is shown once and never stored, so it cannot be replayed: send no Idempotency-Key (if an answer is lost, revoke and try again)',
      );
    }

    const owner = req.principal.sub;
    const fingerprint = createHash('sha256')
      .update(`${req.method} ${req.routeOptions.url ?? req.url} ${req.url}\n${JSON.stringify(req.body ?? null)}`)
      .digest('hex');
    const stored = this.store.get(owner, key);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        throw new ProblemException(422, 'IDEMPOTENCY.KEY_REUSED', 'this Idempotency-Key was used for a different request');
      }
      reply.status(stored.status);
      for (const [h, v] of Object.entries(stored.headers)) reply.header(h, v);
      reply.header('Idempotent-Replayed', 'true');
      return of(stored.body);
    }
    const slot = `${owner}\u0000${key}`;
    if (this.inFlight.has(slot)) {
      throw new ProblemException(409, 'IDEMPOTENCY.IN_PROGRESS', 'a request with this Idempotency-Key is still being processed; retry shortly');
    }
    this.inFlight.add(slot);
    const status =
      this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? (req.method === 'POST' ? 201 : 200);
    return from(Promise.resolve()).pipe(
      switchMap(() => next.handle()),
      tap((body) => {
        const headers: Record<string, string> = {};
        for (const h of REPLAYED_HEADERS) {
          const v = reply.getHeader(h);
          if (v !== undefined) headers[h] = String(v);
        }
        this.store.put(owner, key, { fingerprint, status, body, headers });
      }),
      finalize(() => this.inFlight.delete(slot)),
    );
  }
}
