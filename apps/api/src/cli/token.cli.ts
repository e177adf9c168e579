import { loadConfig, ConfigError } from '../config/config';
import { ASSIGNABLE_ROLES, type Principal } from '../auth/principal';
import { signToken } from '../auth/token-signer';

const HELP = `Prints a bearer token signed with the local secret (LEDGER_JWT_SECRET, or <data dir>/jwt-secret).

  npm run -s token -- --sub alice --role product-owner --backlog <backlog-id> [--backlog <id> ...] [--ttl 8h]

roles: ${ASSIGNABLE_ROLES.join(', ')}
--ttl accepts 30m, 8h, 7d (default 8h). Use it as: curl -H "Authorization: Bearer $TOKEN" ...`;

function fail(message: string): never {
  process.stderr.write(`token: ${message}\n\n${HELP}\n`);
  process.exit(2);
}

function parseTtl(raw: string): number {
  const m = /^(\d+)([smhd])$/.exec(raw);
  if (!m) fail(`--ttl must look like 30m, 8h or 7d, got "${raw}"`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
}

async function main(argv: string[]): Promise<void> {
  const args: { sub?: string; role?: string; backlogs: string[]; ttl: number } = { backlogs: [], ttl: 8 * 3600 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(HELP + '\n');
      return;
    }
    if (value === undefined || value.startsWith('--')) fail(`${flag} needs a value`);
    i++;
    if (flag === '--sub') args.sub = value;
    else if (flag === '--role') args.role = value;
    else if (flag === '--backlog') args.backlogs.push(value);
    else if (flag === '--ttl') args.ttl = parseTtl(value);
    else fail(`unknown option ${flag}`);
  }
  if (!args.sub) fail('--sub is required (who the token is for)');
  if (!args.role || !(ASSIGNABLE_ROLES as readonly string[]).includes(args.role)) fail(`--role must be one of ${ASSIGNABLE_ROLES.join(', ')}`);
  if (args.role === 'product-owner' && args.backlogs.length === 0) {
    process.stderr.write('token: note: a product-owner without --backlog can decide on no backlog\n');
  }
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
  if (config.jwt.mode !== 'hs256') fail('an identity provider is configured (LEDGER_OIDC_ISSUER or LEDGER_JWKS_URL): tokens come from it, not from this command');
  const token = await signToken(
    config.jwt.secret,
    { sub: args.sub, role: args.role as Principal['role'], backlogs: args.backlogs },
    { ttlSeconds: args.ttl, issuer: config.jwt.issuer, audience: config.jwt.audience },
  );
  process.stdout.write(token + '\n');
}

main(process.argv.slice(2)).catch((e) => fail(e instanceof Error ? e.message : String(e)));
