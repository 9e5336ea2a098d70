import type { EventMetadata } from '@cem/contracts';
import { LoggedEvent, toIsoTimestamp } from './event-row.mapper';

const metadata = {
  actor: { id: 'p-1', role: 'unit-officer', unitId: 'u-1', level: 'commune', unitPath: ['vn', 'u-1'] } as EventMetadata['actor'],
  occurredAt: '2026-12-02T07:00:00.000Z',
  correlationId: 'c-1',
  source: 'submissions',
};
const data = { dossierId: 'd-1', title: 'Sáng kiến "số 1"\tmới', score: 7, nested: { list: [1, null, 'x'] } };

function logged(dataText = JSON.stringify(data)): LoggedEvent {
  return LoggedEvent.fromRow([
    '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    'dossier-1',
    3,
    'DossierSubmitted',
    1,
    dataText,
    JSON.stringify(metadata),
    '1234',
    '99',
    '2026-12-02 07:00:01.123456+00',
    'abc',
  ]);
}

const plain = {
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  streamId: 'dossier-1',
  streamVersion: 3,
  type: 'DossierSubmitted',
  schemaVersion: 1,
  data,
  metadata,
  position: { tx: 1234, pos: 99 },
  recordedAt: '2026-12-02T07:00:01.123Z',
  hash: 'abc',
};

describe('LoggedEvent (payloads parsed on first read)', () => {
  it('reads like the plain event: fields, deep equality, spread, JSON and keys in the usual order', () => {
    const event = logged();
    expect(event).toEqual(plain);
    expect({ ...event }).toEqual(plain);
    expect(JSON.parse(JSON.stringify(event))).toEqual(plain);
    expect(Object.keys(event)).toEqual(Object.keys(plain));
    expect(event.metadata.occurredAt).toBe(metadata.occurredAt);
  });

  it('parses each payload once: every reader of the event shares the same object', () => {
    const event = logged();
    expect(event.data).toBe(event.data);
    expect(event.metadata).toBe(event.metadata);
  });

  it('keeps the stored text for readers that forward it, until the payload is replaced', () => {
    const text = '{"b": 1,  "a": [true]}';
    const event = logged(text);
    expect(LoggedEvent.dataText(event)).toBe(text);
    expect(event.data).toEqual({ b: 1, a: [true] });
    expect(LoggedEvent.dataText(event)).toBe(text);
    expect(LoggedEvent.metadataText(event)).toBe(JSON.stringify(metadata));
    event.data = { replaced: true };
    event.metadata = { ...metadata, source: 'councils' };
    expect(event.data).toEqual({ replaced: true });
    expect(event.metadata.source).toBe('councils');
    expect(LoggedEvent.dataText(event)).toBeUndefined();
    expect(LoggedEvent.metadataText(event)).toBeUndefined();
    expect(LoggedEvent.dataText(plain)).toBeUndefined();
  });

  it('a JSON null, string or number as data is that value', () => {
    expect(logged('null').data).toBeNull();
    expect(logged('"x"').data).toBe('x');
    expect(logged('42').data).toBe(42);
  });
});

describe('toIsoTimestamp', () => {
  it('turns the UTC text of a timestamptz into ISO-8601 with milliseconds', () => {
    expect(toIsoTimestamp('2026-12-02 07:00:01.123456+00')).toBe('2026-12-02T07:00:01.123Z');
    expect(toIsoTimestamp('2026-12-02 07:00:01+00')).toBe('2026-12-02T07:00:01.000Z');
    expect(toIsoTimestamp(new Date('2026-12-02T07:00:01.5Z'))).toBe('2026-12-02T07:00:01.500Z');
  });
});
