import { createHmac } from 'node:crypto';
import { signature, verifySignature } from './webhook-signature';

describe('webhook signature', () => {
  const secret = 'whsec_test-secret';
  const body = '{"deliveryId":"d","event":{"type":"item.killed"}}';

  it('is v1= hex HMAC-SHA256 over "<timestamp>.<raw body>"', () => {
    const expected = createHmac('sha256', secret).update(`1767600000.${body}`).digest('hex');
    expect(signature(secret, 1767600000, body)).toBe(`v1=${expected}`);
  });

  it('verifies the right secret, body and a recent timestamp, and nothing else', () => {
    const sig = signature(secret, 1000, body);
    expect(verifySignature(secret, sig, '1000', body, 1100)).toBe(true);
    expect(verifySignature('whsec_other', sig, '1000', body, 1100)).toBe(false);
    expect(verifySignature(secret, sig, '1000', body.replace('killed', 'revived'), 1100)).toBe(false);
    expect(verifySignature(secret, sig, '1001', body, 1100)).toBe(false);
    expect(verifySignature(secret, sig, '1000', body, 1000 + 301)).toBe(false); // replayed too late
    expect(verifySignature(secret, undefined, '1000', body, 1100)).toBe(false);
    expect(verifySignature(secret, `v1=deadbeef, ${sig}`, '1000', body, 1100)).toBe(true); // several signatures (rotation)
  });
});
