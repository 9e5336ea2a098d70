import type { EventMetadata } from '@cem/contracts';
import { CopyLogDecoder } from './copy-log-decoder';
import { LoggedEvent } from './event-row.mapper';

/**
 * Rows encoded the way PostgreSQL's binary COPY sends the readAllCopy columns (see the PostgreSQL docs,
 * "COPY", "Binary Format"; checked against a real server in copy-log-reader.int-spec.ts).
 */
interface Row {
  id: string;
  streamId: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  dataText: string;
  metadataText: string;
  tx: number;
  pos: number;
  /** Microseconds since 2000-01-01 UTC. */
  recordedAtMicros: number;
  hash: string;
}

const text = (value: string) => Buffer.from(value, 'utf8');
const int4 = (value: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(value);
  return b;
};
const int8 = (value: number) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(value));
  return b;
};
const withLength = (value: Buffer | null) => (value === null ? int4(-1) : Buffer.concat([int4(value.length), value]));

function encodeRow(r: Row, fields: (Buffer | null)[] = rowFields(r)): Buffer {
  const count = Buffer.alloc(2);
  count.writeInt16BE(fields.length);
  return Buffer.concat([count, ...fields.map(withLength)]);
}

function rowFields(r: Row): (Buffer | null)[] {
  return [
    text(r.id),
    text(r.streamId),
    int4(r.streamVersion),
    text(r.type),
    int4(r.schemaVersion),
    text(r.dataText),
    text(r.metadataText),
    int8(r.tx),
    int8(r.pos),
    int8(r.recordedAtMicros),
    text(r.hash),
  ];
}

const HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), int4(0), int4(0)]);
const TRAILER = Buffer.from([0xff, 0xff]);

function copyData(rows: Row[]): Buffer {
  return Buffer.concat([HEADER, ...rows.map((r) => encodeRow(r)), TRAILER]);
}

function decode(...chunks: Buffer[]): LoggedEvent[] {
  const decoder = new CopyLogDecoder();
  for (const chunk of chunks) decoder.push(chunk);
  return decoder.finish();
}

const metadata: EventMetadata = {
  actor: { id: 'p-1', name: 'Nguyễn Văn A', role: 'unit-officer', unitId: 'u-1', level: 'commune', unitPath: ['vn', 'u-1'] },
  occurredAt: '2026-12-02T07:00:00.000Z',
  correlationId: 'c-1',
  source: 'submissions',
};

// 2026-12-02T07:00:01.123456Z in microseconds since 2000-01-01.
const RECORDED_MICROS = (Date.parse('2026-12-02T07:00:01.123Z') - Date.parse('2000-01-01T00:00:00Z')) * 1000 + 456;

function row(i: number, data: unknown = { i }, overrides: Partial<Row> = {}): Row {
  return {
    id: `0190a1b2-c3d4-7e5f-8a9b-${String(i).padStart(12, '0')}`,
    streamId: `dossier-${i % 3}`,
    streamVersion: i + 1,
    type: 'DossierSubmitted',
    schemaVersion: 1,
    dataText: JSON.stringify(data),
    metadataText: JSON.stringify(metadata),
    tx: 5_000_000_000 + i, // above 2^32: both halves of the int8 count
    pos: i + 1,
    recordedAtMicros: RECORDED_MICROS,
    hash: 'ab'.repeat(32),
    ...overrides,
  };
}

describe('CopyLogDecoder (binary COPY of the global log)', () => {
  it('decodes every column into the same event as the row reader', () => {
    const [event] = decode(copyData([row(7)]));
    expect(event).toEqual({
      id: '0190a1b2-c3d4-7e5f-8a9b-000000000007',
      streamId: 'dossier-1',
      streamVersion: 8,
      type: 'DossierSubmitted',
      schemaVersion: 1,
      data: { i: 7 },
      metadata,
      position: { tx: 5_000_000_007, pos: 8 },
      recordedAt: '2026-12-02T07:00:01.123Z',
      hash: 'ab'.repeat(32),
    });
    expect(Object.keys(event)).toEqual(
      Object.keys(LoggedEvent.fromRow([...new Array<unknown>(5), '{}', '{}', 1, 1, '2026-12-02 07:00:01+00', ''])),
    );
  });

  it('keeps unicode, quotes, backslashes and control characters of the payloads exactly, in the stored text too', () => {
    const data = { vi: 'Sáng kiến số 1 ✓', emoji: '🏆', quote: 'say "hi"\\n', backslash: 'C:\\dir\\', tab: 'a\tb', nl: 'x\ny' };
    const stored = `{"vi": "Sáng kiến số 1 ✓",  "emoji":"🏆","quote":"say \\"hi\\"\\\\n","backslash":"C:\\\\dir\\\\","tab":"a\\tb","nl":"x\\ny"}`;
    const [event] = decode(copyData([row(1, undefined, { dataText: stored, streamId: 'hồ-sơ-1', type: 'ĐãNộp' })]));
    expect(event.data).toEqual(data);
    expect(LoggedEvent.dataText(event)).toBe(stored);
    expect(LoggedEvent.metadataText(event)).toBe(JSON.stringify(metadata));
    expect(event.streamId).toBe('hồ-sơ-1');
    expect(event.type).toBe('ĐãNộp');
  });

  it('a JSON null, string, number or array as data is that value', () => {
    const values = [null, 'x', 42, [], {}];
    expect(decode(copyData(values.map((v, i) => row(i, v)))).map((e) => e.data)).toEqual(values);
  });

  it('decodes the same events however the data is cut into chunks, down to one byte at a time', () => {
    const rows = [row(0), row(1, { text: 'Sáng kiến 🏆'.repeat(20) }), row(2, null)];
    const bytes = copyData(rows);
    const whole = decode(bytes);
    expect(whole).toHaveLength(3);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(decode(bytes.subarray(0, cut), bytes.subarray(cut))).toEqual(whole);
    }
    expect(decode(...Array.from(bytes, (b) => Buffer.from([b])))).toEqual(whole);
  });

  it('decodes a payload larger than any chunk', () => {
    const big = { blob: 'é'.repeat(300_000), list: Array.from({ length: 2000 }, (_, i) => i) };
    const bytes = copyData([row(0), row(1, big), row(2)]);
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += 65_536) chunks.push(bytes.subarray(at, at + 65_536));
    const events = decode(...chunks);
    expect(events.map((e) => e.position.pos)).toEqual([1, 2, 3]);
    expect(events[1].data).toEqual(big);
  });

  it('an empty result is no events', () => {
    expect(decode(Buffer.concat([HEADER, TRAILER]))).toEqual([]);
    expect(decode(HEADER.subarray(0, 5), HEADER.subarray(5), TRAILER)).toEqual([]);
    expect(new CopyLogDecoder().finish()).toEqual([]);
  });

  it('skips a header extension', () => {
    const header = Buffer.concat([HEADER.subarray(0, 15), int4(3), Buffer.from([1, 2, 3])]);
    expect(decode(Buffer.concat([header, encodeRow(row(4)), TRAILER])).map((e) => e.streamVersion)).toEqual([5]);
  });

  it('refuses data that is not what the query asks for, or that stops short', () => {
    expect(() => decode(Buffer.from('not binary copy data'))).toThrow(/binary format/);
    const fields = rowFields(row(1));
    expect(() => decode(Buffer.concat([HEADER, encodeRow(row(1), fields.slice(0, 10)), TRAILER]))).toThrow(/10 columns/);
    expect(() =>
      decode(
        Buffer.concat([
          HEADER,
          encodeRow(
            row(1),
            fields.map((f, i) => (i === 5 ? null : f)),
          ),
          TRAILER,
        ]),
      ),
    ).toThrow(/NULL/);
    expect(() =>
      decode(
        Buffer.concat([
          HEADER,
          encodeRow(
            row(1),
            fields.map((f, i) => (i === 2 ? int8(1) : f)),
          ),
          TRAILER,
        ]),
      ),
    ).toThrow(/8 bytes, expected 4/);
    const bytes = copyData([row(1)]);
    expect(() => decode(bytes.subarray(0, bytes.length - 2))).toThrow(/middle of a row/);
    expect(() => decode(bytes.subarray(0, bytes.length - 5))).toThrow(/middle of a row/);
    expect(() => decode(bytes, encodeRow(row(2)))).toThrow(/after its end marker/);
  });

  it('a replaced payload forgets the stored bytes', () => {
    const [event] = decode(copyData([row(1)]));
    event.data = { replaced: true };
    event.metadata = { ...metadata, source: 'councils' };
    expect(event.data).toEqual({ replaced: true });
    expect(event.metadata.source).toBe('councils');
    expect(LoggedEvent.dataText(event)).toBeUndefined();
    expect(LoggedEvent.metadataText(event)).toBeUndefined();
  });
});
