import { loadConfig, ConfigError } from './config/config';
import { createApp } from './app.factory';
import { FirstAdminLink } from './sign-in/first-admin-link';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`configuration error: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  // Graceful shutdown: stop accepting, let in-flight decisions commit, close the stores, exit 0.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: `${signal}: shutting down` }) + '\n');
      setTimeout(() => {
        process.stderr.write('shutdown took longer than 15 s; exiting anyway (committed decisions are durable)\n');
        process.exit(1);
      }, 15_000).unref();
      app.close().then(
        () => process.exit(0),
        (e) => {
          process.stderr.write(`shutdown failed: ${e instanceof Error ? e.stack : String(e)}\n`);
          process.exit(1);
        },
      );
    });
  }
  const { port } = app.getHttpServer().address() as { port: number };
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const firstAdmin = app.get(FirstAdminLink).takeLink(url);
  const signIn = config.oidc
    ? `  sign in:      ${url}/app/  (with ${config.oidc.issuer})`
    : firstAdmin
      ? [
          `  first admin:  open this one-time link to sign in (a restart makes a new one; it stops working once used):`,
          `                ${firstAdmin}`,
        ].join('\n')
      : `  sign in:      ${url}/app/  (people sign in with the invitation links admins send them)`;
  const apiHint =
    config.jwt.mode === 'hs256'
      ? `  API token:    npm run token -- --sub alice --role product-leader   (roles: admin, product-owner [--backlog <id>], product-leader, stakeholder, forum-member, auditor)`
      : `  API tokens:   from your identity provider (${config.jwt.jwksUrl ?? config.jwt.issuer})`;
  process.stdout.write(
    [
      '',
      `Backlog Ledger is running on ${url}  (data in ${config.dataDir})`,
      signIn,
      `  web app:      ${url}/app/`,
      `  API docs:     ${url}/docs   (OpenAPI JSON at ${url}/docs-json)`,
      apiHint,
      `  then:         curl -H "Authorization: Bearer $TOKEN" ${url}/health`,
      '',
    ].join('\n') + '\n',
  );
}

main().catch((e) => {
  process.stderr.write(`Backlog Ledger failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
