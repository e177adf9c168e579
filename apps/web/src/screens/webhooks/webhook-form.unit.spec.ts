import { deliveryCounts, deliveryOutcome, EVENT_CHOICES, registerBody, registerFields, type DeliveryRecord } from './webhook-form';

const B1 = '5b0c7a52-3e0f-4c1e-9f5a-0c1d2e3f4a5b';

describe('registering a webhook', () => {
  it('asks for the URL, each event type the API delivers, and each backlog as an optional filter', () => {
    const fields = registerFields([{ id: B1, name: 'Checkout' }]);
    expect(fields.map((f) => f.name)).toEqual([
      'url',
      'event:proposal.opened',
      'event:proposal.closed',
      'event:item.killed',
      'event:item.escalated',
      'event:item.escalation-resolved',
      `backlog:${B1}`,
    ]);
    expect(fields[0]).toMatchObject({ type: 'text', required: true });
    expect(fields.at(-1)).toMatchObject({ type: 'checkbox', label: 'Only events of “Checkout”' });
  });

  it('sends the ticked events in the documented order, the ticked backlogs, the rationale', () => {
    const body = { url: ' https://hooks.example.com/ledger ', 'event:item.killed': true, 'event:proposal.opened': true, 'event:item.escalated': false, [`backlog:${B1}`]: true, rationale: ' The team channel hears about kills ' };
    expect(registerBody(body)).toEqual({ url: 'https://hooks.example.com/ledger', events: ['proposal.opened', 'item.killed'], backlogIds: [B1], rationale: 'The team channel hears about kills' });
    expect(registerBody({ url: 'https://h.example', 'event:item.killed': true, rationale: 'x' })).not.toHaveProperty('backlogIds');
  });

  it('refuses a registration without any event type', () => {
    expect(() => registerBody({ url: 'https://h.example', rationale: 'The team channel hears about kills' })).toThrow('Choose at least one event type');
    expect(EVENT_CHOICES).toHaveLength(5);
  });
});

describe('what a delivery record says happened', () => {
  const d = (o: Partial<DeliveryRecord>): DeliveryRecord => ({ status: 'pending', attempts: 0, lastStatusCode: null, lastError: null, nextAttemptAt: null, ...o });

  it('delivered, pending, given up, cancelled', () => {
    expect(deliveryOutcome(d({ status: 'delivered', attempts: 1, lastStatusCode: 200 }))).toBe('delivered (HTTP 200) at the first attempt');
    expect(deliveryOutcome(d({ status: 'delivered', attempts: 3, lastStatusCode: 204 }))).toBe('delivered (HTTP 204) at attempt 3');
    expect(deliveryOutcome(d({}))).toBe('waiting for its first attempt');
    expect(deliveryOutcome(d({ attempts: 1, lastStatusCode: 500 }))).toBe('failed once, last: HTTP 500; retried automatically');
    expect(deliveryOutcome(d({ attempts: 2, lastError: 'connect ECONNREFUSED 127.0.0.1:9' }))).toBe('failed 2 times, last: connect ECONNREFUSED 127.0.0.1:9; retried automatically');
    expect(deliveryOutcome(d({ status: 'dead', attempts: 8, lastError: 'timeout after 5000 ms' }))).toBe('given up after 8 attempts, last: timeout after 5000 ms');
    expect(deliveryOutcome(d({ status: 'cancelled' }))).toBe('cancelled: the webhook was removed before it was sent');
    expect(deliveryOutcome(d({ status: 'cancelled', attempts: 2, lastStatusCode: 503 }))).toBe('cancelled after 2 failed attempts (the webhook was removed), last: HTTP 503');
  });

  it('counts deliveries by outcome', () => {
    expect(deliveryCounts([{ status: 'pending' }, { status: 'delivered' }, { status: 'dead' }, { status: 'delivered' }])).toBe('2 delivered · 1 pending · 1 given up');
  });
});
