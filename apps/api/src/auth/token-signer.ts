import { SignJWT } from 'jose';
import type { Principal } from './principal';

/** Issues HS256 tokens for the local secret (the embedded default; production uses an identity provider). */
export async function signToken(
  secret: Uint8Array,
  claims: { sub: string; role: Principal['role']; backlogs?: string[] },
  options: { ttlSeconds?: number; now?: Date; issuer?: string; audience?: string } = {},
): Promise<string> {
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  let jwt = new SignJWT({ role: claims.role, backlogs: claims.backlogs ?? [] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.ttlSeconds ?? 8 * 3600));
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(secret);
}
