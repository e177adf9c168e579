import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';

export interface OidcProviderConfig {
  clientId: string;
  redirectUri: string;
  audiences: string[];
  accounts: Record<string, { name: string; claims: Record<string, unknown> }>;
}

export interface TestOidcProvider {
  issuer: string;
  close(): Promise<void>;
}

/** Starts test/support/oidc-provider.mjs (a real `oidc-provider`) as a child process on a loopback port. */
export function startOidcProvider(config: OidcProviderConfig): Promise<TestOidcProvider> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs'), JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the OpenID provider did not start within 30 s: ${err}`)), 30_000);
    child.stderr!.on('data', (d) => (err += d));
    child.on('exit', (code) => fail(new Error(`the OpenID provider exited with ${code}: ${err}`)));
    child.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      done({
        issuer: JSON.parse(line).issuer,
        close: () =>
          new Promise<void>((closed) => {
            if (child.exitCode !== null) return closed();
            child.once('exit', () => closed());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** A cookie jar per origin, enough for the provider's session and interaction cookies. */
class Jar {
  private readonly cookies = new Map<string, string>();
  store(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

const b64url = (b: Buffer) => b.toString('base64url');

export interface Tokens {
  access_token: string;
  id_token: string;
  token_type: string;
  /** The provider's forms this flow submitted (their `prompt` field), in order. */
  prompts: string[];
}

/**
 * What the web app and the browser do (oidc-client-ts's signinRedirect + signinCallback), in plain HTTP:
 * Authorization Code + PKCE (S256); follows the redirects, fills the provider's login form (`login`, any
 * password) and submits its consent form, takes the code from the redirect URI, checks the state, and redeems
 * the code with the verifier at the token endpoint.
 */
export async function signInWithProvider(
  issuer: string,
  o: { clientId: string; redirectUri: string; login: string; scope: string; resource?: string },
): Promise<Tokens> {
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as { authorization_endpoint: string; token_endpoint: string };
  const verifier = b64url(randomBytes(32));
  const challenge = b64url(createHash('sha256').update(verifier).digest());
  const state = b64url(randomBytes(16));
  const auth = new URL(discovery.authorization_endpoint);
  auth.search = new URLSearchParams({
    client_id: o.clientId,
    response_type: 'code',
    redirect_uri: o.redirectUri,
    scope: o.scope,
    state,
    nonce: b64url(randomBytes(16)),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(o.resource ? { resource: o.resource } : {}),
  }).toString();

  const jar = new Jar();
  const prompts: string[] = [];
  let url = auth.toString();
  let init: RequestInit = { method: 'GET' };
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(o.redirectUri)) {
      const back = new URL(url);
      if (back.searchParams.get('error')) throw new Error(`the provider refused: ${back.searchParams.get('error')} ${back.searchParams.get('error_description')}`);
      if (back.searchParams.get('state') !== state) throw new Error('the state came back changed');
      const res = await fetch(discovery.token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: back.searchParams.get('code')!,
          redirect_uri: o.redirectUri,
          client_id: o.clientId,
          code_verifier: verifier,
        }).toString(),
      });
      const body = (await res.json()) as Tokens & { error?: string; error_description?: string };
      if (!res.ok) throw new Error(`token endpoint: ${res.status} ${body.error} ${body.error_description}`);
      return { ...body, prompts };
    }
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } });
    jar.store(res);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url).toString();
      init = { method: 'GET' };
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${html.slice(0, 500)}`);
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
    if (!form) throw new Error(`no form on ${url}: ${html.slice(0, 500)}`);
    const fields = new URLSearchParams();
    for (const input of form[2].matchAll(/<input[^>]*name="([^"]+)"[^>]*>/g)) {
      const name = input[1];
      const value = /value="([^"]*)"/.exec(input[0])?.[1];
      fields.set(name, value ?? (name === 'login' ? o.login : name === 'password' ? 'any-password' : ''));
    }
    prompts.push(fields.get('prompt') ?? '?');
    url = new URL(form[1].replace(/&amp;/g, '&'), url).toString();
    init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() };
  }
  throw new Error('too many redirects');
}
