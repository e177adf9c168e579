import { expectProblem, UNKNOWN_ID } from '../support/fixtures';
import { startLedger, type Ledger, type Reply } from '../support/ledger';
import { parseExposition, sampleValue } from '../support/prometheus';

const METRICS_TOKEN = 'scrape-token-0123456789abcdef';

/** A 429 as documented: problem+json RATE_LIMIT.EXCEEDED, the tier, and Retry-After in whole seconds. */
function expectLimited(res: Reply, tier: 'principal' | 'address', limit: number): number {
  const body = expectProblem(res, 429, 'RATE_LIMIT.EXCEEDED');
  expect(body).toMatchObject({ tier, limit, windowSeconds: 5 });
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 5).toBe(true);
  expect(body.retryAfterSeconds).toBe(retryAfter);
  return retryAfter;
}

describe('rate limits per principal and per client address', () => {
  let ledger: Ledger;
  let lena: string;

  beforeAll(async () => {
    ledger = await startLedger({
      env: {
        // Long enough that a burst fits in one window even on a busy machine.
        LEDGER_RATE_LIMIT_WINDOW_MS: '5000',
        LEDGER_RATE_LIMIT_PRINCIPAL: '5',
        LEDGER_RATE_LIMIT_ADDRESS: '3',
        LEDGER_METRICS_TOKEN: METRICS_TOKEN,
      },
    });
    lena = await ledger.token('product-leader', 'lena');
  });
  afterAll(() => ledger.close());

  const waitForNextWindow = () => new Promise((resolve) => setTimeout(resolve, 5_100));
  const getItem = (token?: string) => ledger.request('GET', `/items/${UNKNOWN_ID}`, { token });

  it('answers 429 after a burst from one principal, leaves other principals alone, then recovers', async () => {
    await waitForNextWindow();
    const burst: Reply[] = [];
    for (let i = 0; i < 5; i++) burst.push(await getItem(lena));
    expect(burst.map((r) => r.status)).toEqual([404, 404, 404, 404, 404]);
    expect(burst.map((r) => r.headers.get('x-ratelimit-remaining'))).toEqual(['4', '3', '2', '1', '0']);

    const limited = await getItem(lena);
    const retryAfter = expectLimited(limited, 'principal', 5);
    // Writes count too, and are refused before anything is decided.
    const head = async () => (await ledger.request('GET', '/health')).body.eventStore.headPosition as number;
    const before = await head();
    expectLimited(await ledger.request('POST', '/backlogs', { token: lena, body: { name: 'Too fast', productGoal: 'Never written at all' } }), 'principal', 5);
    expect(await head()).toBe(before);
    // Another principal, and the same address without a token, have their own budgets.
    expect((await getItem(await ledger.token('product-leader', 'mo'))).status).toBe(404);
    expectProblem(await getItem(), 401, 'AUTH.TOKEN_MISSING');
    // Probes and metrics are never limited.
    for (let i = 0; i < 8; i++) {
      expect((await ledger.request('GET', '/health/live')).status).toBe(200);
      expect((await ledger.request('GET', '/health/ready', { token: lena })).status).toBe(200);
    }

    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 50));
    const recovered = await getItem(lena);
    expect(recovered.status).toBe(404);
    expect(recovered.headers.get('x-ratelimit-remaining')).toBe('4');
  });

  it('limits requests without a valid token by client address: a missing or forged token does not escape it', async () => {
    await waitForNextWindow();
    const forged = `${lena.slice(0, -4)}AAAA`;
    expectProblem(await getItem(), 401, 'AUTH.TOKEN_MISSING');
    expectProblem(await getItem(forged), 401, 'AUTH.TOKEN_INVALID');
    expectProblem(await getItem(), 401, 'AUTH.TOKEN_MISSING');
    expectLimited(await getItem(forged), 'address', 3);
    expectLimited(await getItem(), 'address', 3);
    // A valid token is counted by its principal, not by the (exhausted) address.
    expect((await getItem(lena)).status).toBe(404);
    await waitForNextWindow();
    expectProblem(await getItem(), 401, 'AUTH.TOKEN_MISSING');
  });

  it('counts refusals per tier in /metrics, which is itself exempt', async () => {
    const scrapes = await Promise.all(
      Array.from({ length: 8 }, () => ledger.request('GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })),
    );
    expect(scrapes.map((r) => r.status)).toEqual(Array(8).fill(200));
    const samples = parseExposition(scrapes[7].text);
    expect(sampleValue(samples, 'ledger_http_rate_limited_total', { tier: 'principal' })).toBe(2);
    expect(sampleValue(samples, 'ledger_http_rate_limited_total', { tier: 'address' })).toBe(2);
    expect(sampleValue(samples, 'ledger_http_request_duration_seconds_count', { method: 'GET', route: '/items/:itemId', status: '429' })).toBe(3);
  });
});

describe('rate limits set to 0', () => {
  it('turn a tier off', async () => {
    const ledger = await startLedger({ env: { LEDGER_RATE_LIMIT_PRINCIPAL: '0', LEDGER_RATE_LIMIT_ADDRESS: '2', LEDGER_RATE_LIMIT_WINDOW_MS: '60000' } });
    try {
      const token = await ledger.token('auditor', 'audrey');
      for (let i = 0; i < 30; i++) expect((await ledger.request('GET', `/items/${UNKNOWN_ID}`, { token })).status).toBe(404);
      expect((await ledger.request('GET', `/items/${UNKNOWN_ID}`)).status).toBe(401);
      expect((await ledger.request('GET', `/items/${UNKNOWN_ID}`)).status).toBe(401);
      expect((await ledger.request('GET', `/items/${UNKNOWN_ID}`)).status).toBe(429);
    } finally {
      await ledger.close();
    }
  });
});
