import { RATIONALE } from '../support/fixtures';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { attribute, startOtlpReceiver, type OtlpReceiver, type OtlpSpan } from '../support/otlp-receiver';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_SPAN = '00f067aa0ba902b7';
const SERVER = 2;

async function post(app: AppProcess, path: string, token: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(app.url + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, requestId: res.headers.get('x-request-id')!, body: (await res.json()) as Record<string, any> };
}

/**
 * The app runs as its own process here (as `npm start` runs it): the OTLP exporter loads Node's http module with a
 * dynamic import(), which Jest's module sandbox cannot run, and the SDK is process-wide anyway.
 */
describe('traces over OTLP/HTTP (OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterAll(() => receiver.close());

  it('one trace from the HTTP request through the command, the append and the read-model projection; its id in every log line of the request', async () => {
    const app = await startAppProcess({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_SERVICE_NAME: 'ledger-under-test', LOG_LEVEL: 'debug' });
    let created, added;
    try {
      const leader = await app.token('product-leader', 'lena');
      created = await post(app, '/backlogs', leader, { name: 'Checkout', productGoal: 'Returning customers pay in one tap' }, {
        traceparent: `00-${TRACE_ID}-${PARENT_SPAN}-01`,
      });
      expect(created.status).toBe(201);
      added = await post(app, `/backlogs/${created.body.id}/items`, leader, { title: 'One-tap pay', kind: 'story', rationale: RATIONALE });
      expect(added.status).toBe(201);
      expect((await fetch(`${app.url}/health/ready`)).status).toBe(200); // probes are not traced
    } finally {
      expect(await app.stop()).toBe(0); // a graceful shutdown exports the spans still batched
    }

    expect(receiver.rejected).toEqual([]);
    const trace = receiver.spans.filter((s) => s.traceId === TRACE_ID);
    const byName = (name: string): OtlpSpan => {
      const found = trace.filter((s) => s.name === name);
      expect({ name, count: found.length }).toEqual({ name, count: 1 });
      return found[0];
    };
    const server = byName('POST /backlogs');
    const command = byName('command CreateBacklog');
    const append = byName('event-store append');
    const projection = byName('project read-model');
    expect(trace).toHaveLength(4);
    expect(server).toMatchObject({ parentSpanId: PARENT_SPAN, kind: SERVER, service: 'ledger-under-test' });
    expect(attribute(server, 'http.route')).toBe('/backlogs');
    expect(attribute(server, 'http.response.status_code')).toBe(201);
    expect(attribute(server, 'ledger.request_id')).toBe(created.requestId);
    expect(command.parentSpanId).toBe(server.spanId);
    expect(attribute(command, 'ledger.command')).toBe('CreateBacklog');
    expect(append.parentSpanId).toBe(command.spanId);
    expect(attribute(append, 'ledger.event_types')).toEqual(['backlog.created']);
    expect(attribute(append, 'ledger.position')).toBe(created.body.position);
    expect(projection.parentSpanId).toBe(append.spanId);
    expect(attribute(projection, 'ledger.position')).toBe(created.body.position);
    expect(BigInt(projection.startTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(append.startTimeUnixNano));

    // The next request started a trace of its own, with the same structure.
    const addServer = receiver.spans.filter((s) => s.name === 'POST /backlogs/:backlogId/items');
    expect(addServer).toHaveLength(1);
    expect(addServer[0].traceId).not.toBe(TRACE_ID);
    expect(addServer[0].parentSpanId ?? '').toBe('');
    const addSpans = receiver.spans.filter((s) => s.traceId === addServer[0].traceId).map((s) => s.name).sort();
    expect(addSpans).toEqual(['POST /backlogs/:backlogId/items', 'command AddItem', 'event-store append', 'project read-model']);

    expect(receiver.spans.filter((s) => s.name.includes('/health'))).toEqual([]);

    // Every log line of a request carries its trace id: the line the command logs (debug), and the request line.
    for (const [res, traceId] of [
      [created, TRACE_ID],
      [added, addServer[0].traceId],
    ] as const) {
      const own = app.lines.filter((l) => l.requestId === res.requestId);
      expect(own.map((l) => l.msg).sort()).toEqual(['decision appended', 'request']);
      expect(own.map((l) => l.traceId)).toEqual([traceId, traceId]);
    }
  }, 120_000);

  it('is off without it: nothing exported, no trace ids in the logs', async () => {
    const before = receiver.spans.length;
    const app = await startAppProcess({ LOG_LEVEL: 'debug' });
    try {
      const res = await post(app, '/backlogs', await app.token('product-leader', 'lena'), { name: 'Checkout', productGoal: 'Returning customers pay in one tap' }, {
        traceparent: `00-${TRACE_ID}-${PARENT_SPAN}-01`,
      });
      expect(res.status).toBe(201);
    } finally {
      expect(await app.stop()).toBe(0);
    }
    expect(receiver.spans.length).toBe(before);
    expect(app.lines.filter((l) => l.msg === 'request')).toHaveLength(1);
    expect(app.lines.filter((l) => 'traceId' in l)).toEqual([]);
  }, 120_000);
});
