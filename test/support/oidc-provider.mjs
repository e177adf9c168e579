// A real OpenID provider (npm oidc-provider, ESM-only since v9) on a loopback port, for the e2e tests: jest runs
// CommonJS, so test/support/oidc.ts starts this script as a child process and reads its issuer from stdout.
//
//   node test/support/oidc-provider.mjs '<json config>'
//   config: { clientId, redirectUri, audiences: [resource indicators it issues JWT access tokens for],
//             accounts: { <login>: { name, claims: { <claim>: <value>, … } } } }
// Prints one line: {"issuer":"http://127.0.0.1:<port>"}. Any login in `accounts` signs in with any password
// (the provider's development login and consent pages, which the test submits like a browser would).
import { createServer } from 'node:http';
import Provider, { errors } from 'oidc-provider';

const cfg = JSON.parse(process.argv[2]);
const server = createServer();
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: cfg.clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [cfg.redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  pkce: { required: () => true },
  cookies: { keys: ['oidc-provider-test-cookie-key'] },
  claims: { openid: ['sub'], profile: ['name'] },
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: (_ctx, _client, oneOf) => oneOf ?? cfg.audiences[0],
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource) => {
        if (!cfg.audiences.includes(resource)) throw new errors.InvalidTarget();
        return { scope: 'ledger', audience: resource, accessTokenFormat: 'jwt', accessTokenTTL: 600, jwt: { sign: { alg: 'RS256' } } };
      },
    },
  },
  async findAccount(_ctx, id) {
    if (!cfg.accounts[id]) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, name: cfg.accounts[id].name }) };
  },
  async extraTokenClaims(_ctx, token) {
    const account = cfg.accounts[token.accountId];
    return token.kind === 'AccessToken' && account ? { name: account.name, ...account.claims } : undefined;
  },
});
// The development interactions warn on stderr; the test does not need to hear it.
provider.on('server_error', (_ctx, err) => process.stderr.write(`oidc-provider server_error: ${err.stack}\n`));
server.on('request', provider.callback());
process.stdout.write(JSON.stringify({ issuer }) + '\n');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
