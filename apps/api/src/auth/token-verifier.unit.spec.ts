import { ForbiddenError } from '@ledger/kernel';
import type { ClaimMapping } from '../config/config';
import { AuthError, ProviderUnavailableError, claimAt, discoverJwks, principalFromProviderClaims } from './token-verifier';

const exp = Math.floor(Date.now() / 1000) + 600;
const mapping = (o: Partial<ClaimMapping> = {}): ClaimMapping => ({ roleClaim: 'roles', roleMap: null, backlogsClaim: 'backlogs', ...o });

describe('an identity provider\'s claims → principal (ADR 0024)', () => {
  it('without a map takes the first value that is a ledger role; names from name, preferred_username, email, else sub', () => {
    expect(principalFromProviderClaims({ sub: 'u1', exp, roles: ['staff', 'auditor', 'admin'], name: ' Ida ' }, mapping())).toEqual({
      sub: 'u1', role: 'auditor', backlogs: [], name: 'Ida', expiresAt: new Date(exp * 1000).toISOString(),
    });
    expect(principalFromProviderClaims({ sub: 'u1', exp, roles: 'auditor', email: 'u1@example.com' }, mapping()).name).toBe('u1@example.com');
    expect(principalFromProviderClaims({ sub: 'u1', exp, roles: ['auditor'] }, mapping()).name).toBe('u1');
  });

  it('with a map, the first entry present in the claim wins, whatever the claim\'s order', () => {
    const m = mapping({ roleClaim: 'realm_access.roles', roleMap: [['ledger-admins', 'admin'], ['leads', 'product-leader']] });
    expect(principalFromProviderClaims({ sub: 'u', exp, realm_access: { roles: ['leads', 'ledger-admins'] } }, m).role).toBe('admin');
    expect(principalFromProviderClaims({ sub: 'u', exp, realm_access: { roles: ['leads'] } }, m).role).toBe('product-leader');
    // A value that is a ledger role name is not taken when a map is configured.
    expect(() => principalFromProviderClaims({ sub: 'u', exp, realm_access: { roles: ['admin'] } }, m)).toThrow(ForbiddenError);
  });

  it('no mapped role → 403 AUTH.NO_ROLE naming the claim; backlogs must be a list of strings, lower-cased', () => {
    try {
      principalFromProviderClaims({ sub: 'u', exp, roles: ['staff'] }, mapping());
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(ForbiddenError);
      expect((e as ForbiddenError).code).toBe('AUTH.NO_ROLE');
      expect((e as Error).message).toContain('"roles"');
    }
    expect(principalFromProviderClaims({ sub: 'u', exp, roles: ['stakeholder'], backlogs: ['AB', 'ab'] }, mapping()).backlogs).toEqual(['ab']);
    expect(principalFromProviderClaims({ sub: 'u', exp, roles: ['stakeholder'], backlogs: 'B1' }, mapping()).backlogs).toEqual(['b1']);
    expect(() => principalFromProviderClaims({ sub: 'u', exp, roles: ['stakeholder'], backlogs: [1] }, mapping())).toThrow(AuthError);
    expect(() => principalFromProviderClaims({ exp, roles: ['stakeholder'] }, mapping())).toThrow('"sub"');
  });

  it('claimAt reads dotted paths, and claims whose name holds a dot', () => {
    expect(claimAt({ a: { b: { c: 1 } } }, 'a.b.c')).toBe(1);
    expect(claimAt({ 'https://acme.example/roles': ['x'] }, 'https://acme.example/roles')).toEqual(['x']);
    expect(claimAt({ a: 1 }, 'a.b')).toBeUndefined();
  });
});

describe('JWKS through the issuer\'s discovery document', () => {
  it('takes jwks_uri from the document of the same issuer', async () => {
    const seen: string[] = [];
    const url = await discoverJwks('https://id.example.com/realms/acme', async (u) => {
      seen.push(u);
      return { issuer: 'https://id.example.com/realms/acme', jwks_uri: 'https://id.example.com/realms/acme/certs' };
    });
    expect(seen).toEqual(['https://id.example.com/realms/acme/.well-known/openid-configuration']);
    expect(url).toBe('https://id.example.com/realms/acme/certs');
  });

  it('refuses a document naming another issuer, or without jwks_uri, and reports an unreachable provider as unavailable', async () => {
    await expect(discoverJwks('https://a.example', async () => ({ issuer: 'https://b.example', jwks_uri: 'https://b.example/k' }))).rejects.toThrow(/names issuer/);
    await expect(discoverJwks('https://a.example', async () => ({ issuer: 'https://a.example' }))).rejects.toThrow(/no usable jwks_uri/);
    await expect(
      discoverJwks('https://a.example', async () => {
        throw new Error('connect ECONNREFUSED');
      }),
    ).rejects.toBeInstanceOf(ProviderUnavailableError);
  });
});
