import { generateHistory } from '../../analytics/src/testing/generated-history';
import { decodeMessage, encodeEvent, encodeWatermark, HEADERS } from './message-codec';

const toWire = (m: ReturnType<typeof encodeEvent>) => ({
  value: m.value === null || m.value === undefined ? null : Buffer.from(m.value as string),
  headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, Buffer.from(String(v))])),
});

describe('message codec', () => {
  const [event] = generateHistory({ events: 5, seed: 1 });

  it('round-trips an event: key = stream id, headers type / schema version / position / event id', () => {
    const m = encodeEvent(event, 7);
    expect(m.key).toBe(event.streamId);
    expect(m.headers).toMatchObject({
      [HEADERS.type]: event.type,
      [HEADERS.schemaVersion]: String(event.schemaVersion),
      [HEADERS.position]: String(event.position),
      [HEADERS.eventId]: event.id,
      [HEADERS.floor]: '7',
    });
    expect(decodeMessage(toWire(m))).toEqual({ kind: 'event', event, floor: 7 });
  });

  it('decodes a watermark message', () => {
    expect(decodeMessage(toWire(encodeWatermark(2, 99)))).toEqual({ kind: 'watermark', floor: 99 });
  });

  it.each([
    ['bad JSON', (w: ReturnType<typeof toWire>) => ({ ...w, value: Buffer.from('{nope') }), /not JSON/],
    ['missing field', (w: ReturnType<typeof toWire>) => ({ ...w, value: Buffer.from(JSON.stringify({ ...event, streamId: undefined })) }), /"streamId"/],
    ['bad position', (w: ReturnType<typeof toWire>) => ({ ...w, value: Buffer.from(JSON.stringify({ ...event, position: -1 })) }), /"position"/],
    ['unknown envelope version', (w: ReturnType<typeof toWire>) => ({ ...w, headers: { ...w.headers, [HEADERS.envelope]: Buffer.from('2') } }), /envelope-version/],
    ['no headers', (w: ReturnType<typeof toWire>) => ({ ...w, headers: {} }), /envelope-version/],
    ['schema version mismatch', (w: ReturnType<typeof toWire>) => ({ ...w, headers: { ...w.headers, [HEADERS.schemaVersion]: Buffer.from('9') } }), /schema-version/],
    ['position header mismatch', (w: ReturnType<typeof toWire>) => ({ ...w, headers: { ...w.headers, [HEADERS.position]: Buffer.from('12345') } }), /position header/],
    ['empty value', (w: ReturnType<typeof toWire>) => ({ ...w, value: null }), /empty value/],
    ['array value', (w: ReturnType<typeof toWire>) => ({ ...w, value: Buffer.from('[1,2]') }), /not a JSON object/],
  ])('marks %s as poison with the reason', (_name, corrupt, reason) => {
    const d = decodeMessage(corrupt(toWire(encodeEvent(event, 0))));
    expect(d.kind).toBe('poison');
    expect(d.kind === 'poison' && d.reason).toMatch(reason);
  });
});
