import { createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { ForbiddenError, LedgerError } from '@ledger/kernel';
import type { ClaimMapping, JwtConfig } from '../config/config';
import { ASSIGNABLE_ROLES, type Principal } from './principal';

export class AuthError extends LedgerError {
  constructor(code: string, message: string) {
    super(code, 'unauthenticated', message);
  }
}

/** The provider cannot be reached to verify a token (discovery or JWKS): a 503, not the caller's fault. */
export class ProviderUnavailableError extends LedgerError {
  constructor(message: string) {
    super('AUTH.PROVIDER_UNAVAILABLE', 'unavailable', message);
  }
}

const BEARER_RE = /^Bearer\s+([A-Za-z0-9_\-.]+)$/;

/** The JWT of an `Authorization: Bearer <JWT>` header (TOKEN_MISSING / TOKEN_MALFORMED otherwise). */
export function bearerToken(authorization: string | undefined): string {
  if (!authorization) throw new AuthError('AUTH.TOKEN_MISSING', 'sign in, or send Authorization: Bearer <token> (npm run token -- --help)');
  const m = BEARER_RE.exec(authorization.trim());
  if (!m) throw new AuthError('AUTH.TOKEN_MALFORMED', 'the Authorization header must be "Bearer <JWT>"');
  return m[1];
}

type KeySource = ReturnType<typeof createRemoteJWKSet>;

/**
 * API tokens: HS256 with a local secret, or RS256/ES256/PS256 of an identity provider, through its JWKS (given, or
 * found in the issuer's discovery document). Web sessions are verified by sign-in/session-auth.ts.
 */
export class TokenVerifier {
  private jwks?: Promise<KeySource>;
  /** Built once: given raw bytes, jose would rebuild the key object on every request (~8 % of a decision's CPU). */
  private readonly hmacKey?: KeyObject;

  constructor(
    private readonly config: JwtConfig,
    private readonly fetchJson: (url: string) => Promise<unknown> = fetchDiscovery,
  ) {
    if (config.mode === 'hs256') this.hmacKey = createSecretKey(config.secret);
    else if (config.jwksUrl) this.jwks = Promise.resolve(createRemoteJWKSet(new URL(config.jwksUrl)));
  }

  async verify(authorization: string | undefined): Promise<Principal> {
    const token = bearerToken(authorization);
    let payload: JWTPayload;
    try {
      const options = { issuer: this.config.issuer, audience: this.config.audience, clockTolerance: 5 };
      payload =
        this.config.mode === 'hs256'
          ? (await jwtVerify(token, this.hmacKey!, { ...options, algorithms: ['HS256'] })).payload
          : (await jwtVerify(token, await this.keys(), { ...options, algorithms: ['RS256', 'ES256', 'PS256'] })).payload;
    } catch (e) {
      if (e instanceof LedgerError) throw e;
      if (e instanceof joseErrors.JWTExpired) throw new AuthError('AUTH.TOKEN_EXPIRED', 'the token has expired; get a new one');
      if (e instanceof joseErrors.JWKSTimeout) throw new ProviderUnavailableError('the identity provider\'s keys could not be fetched in time; retry');
      if (e instanceof joseErrors.JWTClaimValidationFailed && (e.claim === 'iss' || e.claim === 'aud')) {
        throw new AuthError('AUTH.TOKEN_INVALID', `the token's "${e.claim}" is not what this ledger accepts`);
      }
      if (e instanceof joseErrors.JWKSNoMatchingKey || e instanceof joseErrors.JOSENotSupported) {
        throw new AuthError('AUTH.TOKEN_INVALID', `the token cannot be verified: ${(e as Error).message}`);
      }
      if (e instanceof Error && /fetch failed|ECONNREFUSED|Expected 200 OK/i.test(e.message)) {
        throw new ProviderUnavailableError(`the identity provider's keys could not be fetched: ${e.message}`);
      }
      throw new AuthError('AUTH.TOKEN_INVALID', 'the token signature or claims are invalid');
    }
    return this.config.mode === 'jwks' && this.config.claims ? principalFromProviderClaims(payload, this.config.claims) : principalFromClaims(payload);
  }

  /** The provider's key set: from LEDGER_JWKS_URL, or the `jwks_uri` of the issuer's discovery document (fetched once; retried after a failure). */
  private keys(): Promise<KeySource> {
    if (this.config.mode !== 'jwks') throw new Error('keys() is for jwks mode');
    const issuer = this.config.issuer;
    if (!issuer) throw new Error('jwks mode without a JWKS URL needs an issuer');
    this.jwks ??= discoverJwks(issuer, this.fetchJson).then(
      (url) => createRemoteJWKSet(new URL(url)),
      (e) => {
        this.jwks = undefined;
        throw e;
      },
    );
    return this.jwks;
  }
}

async function fetchDiscovery(url: string): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000), headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.json();
}

/** The issuer's `jwks_uri` (OpenID Connect Discovery 1.0 §4); the document must name the same issuer. */
export async function discoverJwks(issuer: string, fetchJson: (url: string) => Promise<unknown> = fetchDiscovery): Promise<string> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let doc: unknown;
  try {
    doc = await fetchJson(url);
  } catch (e) {
    throw new ProviderUnavailableError(`the identity provider's discovery document ${url} could not be read: ${(e as Error).message}`);
  }
  const d = doc as { issuer?: unknown; jwks_uri?: unknown };
  if (d?.issuer !== issuer) throw new ProviderUnavailableError(`${url} names issuer "${String(d?.issuer)}", not the configured "${issuer}"`);
  if (typeof d.jwks_uri !== 'string' || !/^https?:\/\//.test(d.jwks_uri)) throw new ProviderUnavailableError(`${url} has no usable jwks_uri`);
  return d.jwks_uri;
}

function checkCommon(payload: JWTPayload): string {
  const sub = payload.sub;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) {
    throw new AuthError('AUTH.TOKEN_INVALID', 'the token has no usable "sub" claim');
  }
  if (typeof payload.exp !== 'number') throw new AuthError('AUTH.TOKEN_INVALID', 'the token must expire ("exp" claim)');
  if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + 60) {
    throw new AuthError('AUTH.TOKEN_INVALID', 'the token claims to be issued in the future ("iat")');
  }
  return sub;
}

function displayName(payload: JWTPayload, sub: string): string {
  for (const claim of ['name', 'preferred_username', 'email']) {
    const v = payload[claim];
    if (typeof v === 'string' && v.trim() !== '') return v.trim().slice(0, 120);
  }
  return sub;
}

function backlogsOf(value: unknown, claim: string): string[] {
  const list = value === undefined || value === null ? [] : typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((b) => typeof b !== 'string')) {
    throw new AuthError('AUTH.TOKEN_INVALID', `the token's "${claim}" claim must be a list of backlog ids`);
  }
  return [...new Set((list as string[]).map((b) => b.toLowerCase()))];
}

export function principalFromClaims(payload: JWTPayload): Principal {
  const sub = checkCommon(payload);
  const role = payload.role;
  if (typeof role !== 'string' || !(ASSIGNABLE_ROLES as readonly string[]).includes(role)) {
    throw new AuthError('AUTH.TOKEN_INVALID', `the token's "role" claim must be one of ${ASSIGNABLE_ROLES.join(', ')}`);
  }
  const backlogs = payload.backlogs ?? [];
  if (!Array.isArray(backlogs) || backlogs.some((b) => typeof b !== 'string')) {
    throw new AuthError('AUTH.TOKEN_INVALID', 'the token\'s "backlogs" claim must be a list of backlog ids');
  }
  return {
    sub,
    role: role as Principal['role'],
    backlogs: backlogs as string[],
    name: displayName(payload, sub),
    expiresAt: new Date((payload.exp as number) * 1000).toISOString(),
  };
}

/** A claim by dotted path (`realm_access.roles`); a claim whose own name contains dots is found first. */
export function claimAt(payload: Record<string, unknown>, path: string): unknown {
  if (path in payload) return payload[path];
  let node: unknown = payload;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * An identity provider's token → principal (ADR 0024): the role claim's value(s) through the configured map (the
 * first map entry present wins; without a map, the first value that is a ledger role name), backlogs from their claim.
 */
export function principalFromProviderClaims(payload: JWTPayload, mapping: ClaimMapping): Principal {
  const sub = checkCommon(payload);
  const raw = claimAt(payload as Record<string, unknown>, mapping.roleClaim);
  const values = (typeof raw === 'string' ? raw.split(/[\s,]+/) : Array.isArray(raw) ? raw : []).filter((v): v is string => typeof v === 'string');
  const role = mapping.roleMap
    ? mapping.roleMap.find(([value]) => values.includes(value))?.[1]
    : (values.find((v) => (ASSIGNABLE_ROLES as readonly string[]).includes(v)) as Principal['role'] | undefined);
  if (!role) {
    throw new ForbiddenError(
      'AUTH.NO_ROLE',
      `your identity provider gives you no Backlog Ledger role (claim "${mapping.roleClaim}": ${JSON.stringify(values.slice(0, 10))}); ask an admin to map one`,
      { claim: mapping.roleClaim },
    );
  }
  const backlogs = backlogsOf(claimAt(payload as Record<string, unknown>, mapping.backlogsClaim), mapping.backlogsClaim);
  return { sub, role, backlogs, name: displayName(payload, sub), expiresAt: new Date((payload.exp as number) * 1000).toISOString() };
}
