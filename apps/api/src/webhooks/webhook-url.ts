import { isIP } from 'node:net';

export interface UrlPolicy {
  /** Plain http to loopback hosts (tests, local development): LEDGER_WEBHOOKS_ALLOW_INSECURE=true. */
  allowInsecureLoopback: boolean;
}

export interface UrlProblem {
  code: 'WEBHOOK.URL_INVALID' | 'WEBHOOK.URL_NOT_HTTPS' | 'WEBHOOK.URL_HAS_CREDENTIALS' | 'WEBHOOK.URL_PRIVATE_ADDRESS';
  message: string;
}

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.', '127.0.0.1', '[::1]']);

/**
 * Where a webhook may point (ADR 0015): an absolute https URL without credentials or fragment. Literal private,
 * loopback, link-local and unspecified addresses are refused (basic SSRF guard); plain http is accepted only for a
 * loopback host when the deployment allows it. Host *names* that resolve to private addresses are a deployment
 * concern (egress firewall), documented in docs/webhooks.md.
 * Returns the normalized URL or the problem.
 */
export function checkWebhookUrl(raw: string, policy: UrlPolicy): { url: string } | { problem: UrlProblem } {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { problem: { code: 'WEBHOOK.URL_INVALID', message: 'url must be an absolute URL' } };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    return { problem: { code: 'WEBHOOK.URL_INVALID', message: `url scheme ${u.protocol} is not allowed; use https` } };
  }
  if (u.username || u.password) {
    return { problem: { code: 'WEBHOOK.URL_HAS_CREDENTIALS', message: 'url must not carry credentials; receivers authenticate deliveries by their signature' } };
  }
  if (u.hash) return { problem: { code: 'WEBHOOK.URL_INVALID', message: 'url must not have a fragment' } };
  const host = u.hostname.toLowerCase();
  const loopback = LOOPBACK_NAMES.has(host) || isLoopbackAddress(host);
  if (u.protocol === 'http:' && !(loopback && policy.allowInsecureLoopback)) {
    return { problem: { code: 'WEBHOOK.URL_NOT_HTTPS', message: 'url must use https' } };
  }
  if (!loopback || !policy.allowInsecureLoopback) {
    if (loopback || isPrivateAddress(host)) {
      return { problem: { code: 'WEBHOOK.URL_PRIVATE_ADDRESS', message: 'url must not point at a loopback, private or link-local address' } };
    }
  }
  return { url: u.toString() };
}

function bare(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function isLoopbackAddress(host: string): boolean {
  const h = bare(host);
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./.test(h) || /^::ffff:7f/.test(h);
  return false;
}

/** Literal addresses no public receiver has (RFC 1918, CGNAT, link-local, unique-local, unspecified, mapped). */
function isPrivateAddress(host: string): boolean {
  const h = bare(host);
  if (isIP(h) === 4) {
    const [a, b] = h.split('.').map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224;
  }
  if (isIP(h) === 6) {
    return h === '::' || h === '::1' || /^f[cd]/.test(h) || /^fe[89ab]/.test(h) || /^::ffff:/.test(h) || /^ff/.test(h);
  }
  return false;
}
