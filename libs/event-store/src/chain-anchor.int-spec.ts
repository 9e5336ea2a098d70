import { systemActor } from '@cem/contracts';
import {
  AnchorKey,
  anchorStore,
  checkAgainstAnchor,
  checkAgainstArchive,
  checkAgainstCarriedHashes,
  describeFinding,
} from './chain-anchor';
import { createTestPostgresStore, type TestPostgresStore } from './testing';

const event = (n: number) => ({
  type: 'test.Noted',
  data: { n },
  metadata: { actor: systemActor('test'), occurredAt: '2026-01-01T00:00:00.000Z', correlationId: `c-${n}`, source: 'reporting' },
});

/** What an insider with the database can do: re-compute a stream's chain with the schema's own hash function. */
const rehash = (streamId: string) => `DO $$ DECLARE r record; prev text := NULL; BEGIN
  FOR r IN SELECT * FROM events WHERE stream_id = '${streamId}' ORDER BY stream_version LOOP
    UPDATE events SET prev_hash = prev,
           hash = event_hash(prev, r.event_id, r.stream_id, r.stream_version, r.type, r.schema_version, r.data, r.metadata)
     WHERE event_id = r.event_id RETURNING hash INTO prev;
  END LOOP; END $$`;

describe('chain anchors: tamper evidence an insider with the database cannot defeat (real PostgreSQL)', () => {
  let db: TestPostgresStore;
  beforeAll(async () => {
    db = await createTestPostgresStore({ schemaPrefix: 'es_anchor' });
    let n = 0;
    for (const [stream, count] of [
      ['A', 3],
      ['B', 4],
      ['C', 3],
      ['D', 2],
    ] as const) {
      for (let i = 0; i < count; i++) await db.store.append(stream, [event(n++)]);
    }
  });
  afterAll(() => db.drop());

  it('names a truncated stream, a removed event and a re-hashed edit that the hash chain alone lets through', async () => {
    const key = AnchorKey.generate();
    const anchor = await anchorStore(db.store, db.schema, key);
    expect(anchor.payload.events).toBe(12);
    // The hashes the events carried on Kafka when they were published (ce_id -> ce_hash).
    const carried = new Map(
      (await db.store.chainRows()).map((r) => [r.eventId, { streamId: r.streamId, version: r.version, hash: r.hash }]),
    );
    const [editedId] = (
      await db.sql<{ id: string }>(`SELECT event_id::text AS id FROM events WHERE stream_id = 'C' AND stream_version = 2`)
    ).map((r) => r.id);

    await db.sql(`DELETE FROM events WHERE stream_id = 'A' AND stream_version = 3`); // the last event of A
    await db.sql(`DELETE FROM events WHERE stream_id = 'B' AND stream_version = 2`); // an event in the middle of B
    await db.sql(rehash('B'));
    await db.sql(`UPDATE events SET data = '{"n": 999}' WHERE stream_id = 'C' AND stream_version = 2`); // an edit...
    await db.sql(rehash('C')); // ...re-hashed along the chain

    // The bug: the chain verifier sees nothing.
    expect((await db.store.verifyChain()).firstBreak).toBeUndefined();

    const findings = await checkAgainstAnchor(db.store, anchor, key.publicKeyPem);
    expect(findings).toEqual(
      expect.arrayContaining([
        { kind: 'truncated-stream', streamId: 'A', anchoredVersion: 3, storedVersion: 2 },
        { kind: 'removed-event', streamId: 'B', version: 2 },
        expect.objectContaining({ kind: 're-hashed-edit', streamId: 'C', version: 3 }),
      ]),
    );
    expect(findings.some((f) => 'streamId' in f && f.streamId === 'D')).toBe(false);
    expect(findings.map(describeFinding).join('\n')).toMatch(/bị cắt cụt[\s\S]*đã bị xóa[\s\S]*tính lại mã băm/);

    // The carried hashes name the very event that was edited.
    const exact = await checkAgainstCarriedHashes(db.store, carried);
    expect(exact).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'removed-event', streamId: 'A', version: 3 }),
        expect.objectContaining({ kind: 'removed-event', streamId: 'B', version: 2 }),
        expect.objectContaining({ kind: 're-hashed-edit', streamId: 'C', version: 2, eventId: editedId }),
      ]),
    );
    expect(exact.filter((f) => f.streamId === 'C')[0]).toMatchObject({ version: 2, eventId: editedId });
  });

  it('cross-checks a store with the reporting archive: names the removed and the edited event', async () => {
    const source = await createTestPostgresStore({ schemaPrefix: 'es_anchor_src' });
    const archive = await createTestPostgresStore({ schemaPrefix: 'es_anchor_arc' });
    try {
      const meta = { ...event(0).metadata, source: 'submissions' };
      for (let i = 1; i <= 3; i++) {
        const e = { ...event(i), metadata: meta };
        const { lastPosition } = await source.store.append('S', [e]);
        const [stored] = await source.store.readAll({ after: { tx: lastPosition.tx, pos: lastPosition.pos - 1 }, limit: 1 });
        await archive.store.append('S', [{ id: stored.id, type: stored.type, data: stored.data, metadata: stored.metadata }]); // what reporting keeps
      }
      await source.sql(`DELETE FROM events WHERE stream_version = 3`);
      await source.sql(`UPDATE events SET data = '{"n": 999}' WHERE stream_version = 2`);
      await source.sql(rehash('S'));
      expect((await source.store.verifyChain()).firstBreak).toBeUndefined();
      const findings = await checkAgainstArchive(source.store, archive.store, 'submissions');
      expect(findings).toEqual([
        expect.objectContaining({ kind: 'edited-event', streamId: 'S', version: 2 }),
        expect.objectContaining({ kind: 'removed-event', streamId: 'S', version: 3 }),
      ]);
    } finally {
      await source.drop();
      await archive.drop();
    }
  });

  it('refuses an anchor re-signed by someone without the key', async () => {
    const key = AnchorKey.generate();
    const anchor = await anchorStore(db.store, db.schema, key);
    const forged = AnchorKey.generate().sign({ ...anchor.payload, heads: anchor.payload.heads.slice(1) });
    expect(await checkAgainstAnchor(db.store, { ...forged, keyId: key.keyId }, key.publicKeyPem)).toEqual([
      { kind: 'bad-signature', keyId: key.keyId },
    ]);
  });
});
