import { checkWebhookUrl } from './webhook-url';

const strict = { allowInsecureLoopback: false };
const dev = { allowInsecureLoopback: true };
const codeOf = (url: string, policy = strict) => {
  const r = checkWebhookUrl(url, policy);
  return 'problem' in r ? r.problem.code : 'ok';
};

describe('webhook URL policy', () => {
  it('accepts public https URLs (normalized)', () => {
    expect(checkWebhookUrl('https://Hooks.Example.com/ledger?team=a', strict)).toEqual({ url: 'https://hooks.example.com/ledger?team=a' });
    expect(codeOf('https://93.184.216.34:8443/x')).toBe('ok');
  });

  it('refuses other schemes, relative or malformed URLs, fragments and credentials', () => {
    expect(codeOf('ftp://example.com/x')).toBe('WEBHOOK.URL_INVALID');
    expect(codeOf('file:///etc/passwd')).toBe('WEBHOOK.URL_INVALID');
    expect(codeOf('javascript:alert(1)')).toBe('WEBHOOK.URL_INVALID');
    expect(codeOf('/relative')).toBe('WEBHOOK.URL_INVALID');
    expect(codeOf('https://example.com/x#frag')).toBe('WEBHOOK.URL_INVALID');
    expect(codeOf('https://user:pw@example.com/x')).toBe('WEBHOOK.URL_HAS_CREDENTIALS');
    expect(codeOf('https://token@example.com/x')).toBe('WEBHOOK.URL_HAS_CREDENTIALS');
  });

  it('refuses plain http unless the deployment allows it for loopback hosts only', () => {
    expect(codeOf('http://example.com/x')).toBe('WEBHOOK.URL_NOT_HTTPS');
    expect(codeOf('http://example.com/x', dev)).toBe('WEBHOOK.URL_NOT_HTTPS');
    expect(codeOf('http://127.0.0.1:9999/x')).toBe('WEBHOOK.URL_NOT_HTTPS');
    expect(codeOf('http://127.0.0.1:9999/x', dev)).toBe('ok');
    expect(codeOf('http://localhost:9999/x', dev)).toBe('ok');
    expect(codeOf('http://[::1]:9999/x', dev)).toBe('ok');
  });

  it('refuses literal loopback, private, link-local and unspecified addresses (also in disguise)', () => {
    for (const host of ['127.0.0.1', 'localhost', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '[::1]', '[fd00::1]', '[fe80::1]', '[::ffff:10.0.0.1]', '0x7f000001', '2130706433']) {
      expect({ host, code: codeOf(`https://${host}/x`) }).toEqual({ host, code: 'WEBHOOK.URL_PRIVATE_ADDRESS' });
    }
    expect(codeOf('https://10.0.0.1/x', dev)).toBe('WEBHOOK.URL_PRIVATE_ADDRESS');
  });
});
