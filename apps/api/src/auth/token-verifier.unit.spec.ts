import { SignJWT } from 'jose';
import { signToken } from './token-signer';
import { TokenVerifier } from './token-verifier';

const SECRET = new TextEncoder().encode('unit-secret-unit-secret-unit-secret-0123456789');
const T0 = new Date('2026-03-02T09:00:00.000Z');

describe('TokenVerifier (HS256): a token verified once is accepted from the cache only while a full check would accept it', () => {
  const verifier = () => new TokenVerifier({ mode: 'hs256', secret: SECRET, secretFile: null });

  beforeEach(() => jest.useFakeTimers({ now: T0, doNotFake: ['nextTick', 'setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it('expires at the same instant, cached or not (exp with 5 s tolerance)', async () => {
    const v = verifier();
    const token = await signToken(SECRET, { sub: 'olga', role: 'product-owner', backlogs: ['b'] }, { ttlSeconds: 60, now: T0 });
    expect(await v.verify(`Bearer ${token}`)).toEqual({ sub: 'olga', role: 'product-owner', backlogs: ['b'] });
    jest.setSystemTime(new Date(T0.getTime() + 64_999));
    expect((await v.verify(`Bearer ${token}`)).sub).toBe('olga'); // cached, still within exp + tolerance
    expect((await verifier().verify(`Bearer ${token}`)).sub).toBe('olga'); // and a fresh verifier agrees
    jest.setSystemTime(new Date(T0.getTime() + 65_000));
    await expect(v.verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
    await expect(verifier().verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
  });

  it('a token not yet valid (nbf) is refused until it is', async () => {
    const v = verifier();
    const nbf = Math.floor(T0.getTime() / 1000) + 100;
    const token = await new SignJWT({ role: 'auditor', backlogs: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('alex')
      .setIssuedAt(Math.floor(T0.getTime() / 1000))
      .setNotBefore(nbf)
      .setExpirationTime(nbf + 3600)
      .sign(SECRET);
    await expect(v.verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    jest.setSystemTime(new Date((nbf - 5) * 1000));
    expect((await v.verify(`Bearer ${token}`)).sub).toBe('alex');
  });

  it('a tampered copy of a cached token is checked in full and refused', async () => {
    const v = verifier();
    const token = await signToken(SECRET, { sub: 'olga', role: 'product-owner' }, { ttlSeconds: 600, now: T0 });
    await v.verify(`Bearer ${token}`);
    const [h, p, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), role: 'admin' })).toString('base64url');
    await expect(v.verify(`Bearer ${h}.${forged}.${sig}`)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    await expect(v.verify(`Bearer ${token.slice(0, -2)}xx`)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });
});
