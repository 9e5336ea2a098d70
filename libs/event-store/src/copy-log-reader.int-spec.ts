import { LOG_START, type LogPosition, type NewEvent, type RecordedEvent } from '@cem/contracts';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { EventStore } from './event-store';
import { LoggedEvent } from './event-row.mapper';
import { createTestPostgresStore, testPgUrl, type TestPostgresStore } from './testing';

jest.setTimeout(60_000);

// The binary COPY reader of the global log (copy-log-decoder.ts) against a real server, side by side with
// the row reader it replaced (queryArrays) on the same schema.
let copy: TestPostgresStore;
let arrays: TestPostgresStore;

beforeEach(async () => {
  copy = await createTestPostgresStore({ schemaPrefix: 'es_copy' });
  arrays = await createTestPostgresStore({ schemaPrefix: 'es_copy', logReader: 'arrays' });
});
afterEach(async () => {
  await copy?.drop();
  await arrays?.drop();
});

const metadata = {
  actor: { id: 'officer-7', name: 'Nguyễn Văn A' },
  occurredAt: '2025-03-01T08:00:00.000Z',
  correlationId: 'c',
  source: 'copy',
};
const event = (type: string, data: unknown): NewEvent => ({ id: uuidv7(), type, data, metadata }) as NewEvent;

async function readAllBatches(store: EventStore, limit: number): Promise<{ events: RecordedEvent[]; sizes: number[] }> {
  const events: RecordedEvent[] = [];
  const sizes: number[] = [];
  let after: LogPosition = LOG_START;
  for (;;) {
    const batch = await store.readAll({ after, limit });
    sizes.push(batch.length);
    if (!batch.length) return { events, sizes };
    events.push(...batch);
    after = batch[batch.length - 1].position;
  }
}

describe('reading the global log with binary COPY (PostgreSQL)', () => {
  it('hands out the same events as the row reader: unicode, backslashes, every JSON kind, a payload of megabytes', async () => {
    const payloads: unknown[] = [
      { vi: 'Sáng kiến số 1 ✓', emoji: '🏆', quote: 'say "hi"\\n', backslash: 'C:\\dir\\', tab: 'a\tb', nl: 'x\ny', nul: 'a\u0001b' },
      null,
      'text',
      -2.5,
      [],
      { big: 'ế'.repeat(700_000), list: Array.from({ length: 5000 }, (_, i) => ({ i })) },
    ];
    for (const store of [copy.store, arrays.store]) {
      await store.append(
        'hồ-sơ-1',
        payloads.map((data, i) => event(`Loại${i}`, data)),
      );
      await store.append(
        'plain',
        Array.from({ length: 30 }, (_, i) => event('Plain', { i })),
      );
    }
    const viaCopy = await readAllBatches(copy.store, 7);
    const viaArrays = await readAllBatches(arrays.store, 7);
    expect(viaCopy.sizes).toEqual([7, 7, 7, 7, 7, 1, 0]);
    expect(viaCopy.events[0]).toBeInstanceOf(LoggedEvent);
    expect(viaCopy.events.map((e) => e.data)).toEqual([...payloads, ...Array.from({ length: 30 }, (_, i) => ({ i }))]);
    // Same shape, field by field, as the other reader and as a stream read (positions and ids differ by store).
    const strip = ({ id: _id, position: _p, recordedAt: _r, hash: _h, ...rest }: RecordedEvent) => rest;
    expect(viaCopy.events.map(strip)).toEqual(viaArrays.events.map(strip));
    expect(viaCopy.events.slice(0, payloads.length)).toEqual(await copy.store.readStream('hồ-sơ-1'));
    expect(viaCopy.events.map((e) => LoggedEvent.dataText(e))).toEqual(viaArrays.events.map((e) => LoggedEvent.dataText(e)));
  });

  it('reads from a position, an empty log and past the end as no events', async () => {
    expect(await copy.store.readAll()).toEqual([]);
    await copy.store.append(
      's',
      Array.from({ length: 5 }, (_, i) => event('E', { i })),
    );
    const all = await copy.store.readAll();
    expect((await copy.store.readAll({ after: all[1].position, limit: 2 })).map((e) => e.data)).toEqual([{ i: 2 }, { i: 3 }]);
    expect(await copy.store.readAll({ after: all[4].position })).toEqual([]);
    expect(await copy.store.readAll({ after: { tx: Number.MAX_SAFE_INTEGER, pos: 0 } })).toEqual([]);
  });

  it('refuses a position or limit it could not splice into the statement as a plain number', async () => {
    await expect(copy.store.readAll({ after: { tx: 1.5, pos: 0 } })).rejects.toThrow(RangeError);
    await expect(copy.store.readAll({ after: { tx: 1, pos: -1 } })).rejects.toThrow(RangeError);
    await expect(copy.store.readAll({ limit: Number.NaN })).rejects.toThrow(RangeError);
  });

  it('holds readers back while an earlier transaction is in flight, then hands out both', async () => {
    await copy.store.append('before', [event('E', { n: 0 })]);
    const inFlight = new Client({ connectionString: testPgUrl(), options: `-c search_path=${copy.schema}` });
    await inFlight.connect();
    try {
      // A writer that took its transaction id first and has not committed yet.
      await inFlight.query('BEGIN');
      await inFlight.query('SELECT pg_current_xact_id()');
      await copy.store.append('after', [event('E', { n: 1 })]);
      expect((await copy.store.readAll()).map((e) => e.streamId)).toEqual(['before']);
      await inFlight.query('COMMIT');
    } finally {
      await inFlight.end();
    }
    expect((await copy.store.readAll()).map((e) => e.streamId)).toEqual(['before', 'after']);
  });

  it('leaves the pool usable after a read fails half-way', async () => {
    await copy.store.append('s', [event('E', {})]);
    await copy.sql(`ALTER TABLE events ALTER COLUMN stream_version DROP NOT NULL`);
    await copy.sql(`UPDATE events SET stream_version = NULL`);
    await expect(copy.store.readAll()).rejects.toThrow(/NULL/);
    await copy.sql(`UPDATE events SET stream_version = 1`);
    expect(await copy.store.readAll()).toHaveLength(1);
    // A statement error on the server side too.
    await copy.sql(`ALTER TABLE events RENAME COLUMN hash TO hash_gone`);
    await expect(copy.store.readAll()).rejects.toThrow(/hash/);
    await copy.sql(`ALTER TABLE events RENAME COLUMN hash_gone TO hash`);
    expect(await copy.store.readAll()).toHaveLength(1);
  });
});
