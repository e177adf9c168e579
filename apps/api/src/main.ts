import cluster from 'node:cluster';
import { loadConfig, ConfigError, type AppConfig } from './config/config';
import { createApp } from './app.factory';
import { FirstAdminLink } from './sign-in/first-admin-link';
import { runPrimary, type WorkerReady } from './cluster/primary';

/** What `npm start` prints once the API listens (by the primary, once all workers do, with several processes). */
export function banner(config: AppConfig, url: string, firstAdmin: string | null): string {
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
  const processes = config.cluster.processes > 1 ? `  (${config.cluster.processes} API processes)` : '';
  return (
    [
      '',
      `Backlog Ledger is running on ${url}  (data in ${config.dataDir})${processes}`,
      signIn,
      `  web app:      ${url}/app/`,
      `  API docs:     ${url}/docs   (OpenAPI JSON at ${url}/docs-json)`,
      apiHint,
      `  then:         curl -H "Authorization: Bearer $TOKEN" ${url}/health`,
      '',
    ].join('\n') + '\n'
  );
}

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
  if (config.cluster.processes > 1 && cluster.isPrimary) {
    await runPrimary(config, (url, firstAdmin) => banner(config, url, firstAdmin));
    return;
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
  if (config.cluster.worker > 0) {
    // One of several API processes: the primary announces once all listen; without it, this one stops.
    process.send?.({ t: 'listening', url, firstAdmin } satisfies WorkerReady);
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
    return;
  }
  process.stdout.write(banner(config, url, firstAdmin));
}

main().catch((e) => {
  process.stderr.write(`Backlog Ledger failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
