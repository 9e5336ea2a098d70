import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Actor } from '@cem/contracts';
import { AnchorKey, anchorStore, createPostgresEventStore, type EventStore } from '@cem/event-store';
import { testPgUrl } from '@cem/event-store/testing';
import { verifyStoresCommand } from '../src/cli/audit.commands';

const actor: Actor = {
  id: 'u-1',
  role: 'unit-officer',
  unitId: 'vn-hcm-binh-chanh-tan-kien',
  level: 'commune',
  unitPath: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh', 'vn-hcm-binh-chanh-tan-kien'],
};
const meta = (i: number) => ({ actor, occurredAt: `2024-10-0${i}T08:00:00Z`, correlationId: 'c-1', source: 'submissions' });

describe('npm run audit -- verify-stores: every store of a deployment, from outside its database', () => {
  const prefix = `v${randomBytes(4).toString('hex')}_`;
  let source: EventStore;
  let archive: EventStore;
  const sql = async (text: string) => {
    const pg = new Client({ connectionString: testPgUrl() });
    await pg.connect();
    try {
      await pg.query(`SET search_path TO "${prefix}submissions"`);
      await pg.query(text);
    } finally {
      await pg.end();
    }
  };

  beforeAll(async () => {
    source = await createPostgresEventStore({ connectionString: testPgUrl(), schema: `${prefix}submissions` });
    archive = await createPostgresEventStore({ connectionString: testPgUrl(), schema: `${prefix}reporting` });
    for (const i of [1, 2, 3]) {
      await source.append('dossier-hs-1', [{ type: 'submissions.DossierAmended', data: { n: i }, metadata: meta(i) }]);
    }
    for (const e of await source.readAll())
      await archive.append(e.streamId, [{ id: e.id, type: e.type, data: e.data, metadata: e.metadata }]);
  });
  afterAll(async () => {
    await source.close();
    await archive.close();
    const pg = new Client({ connectionString: testPgUrl() });
    await pg.connect();
    await pg.query(`DROP SCHEMA IF EXISTS "${prefix}submissions" CASCADE`);
    await pg.query(`DROP SCHEMA IF EXISTS "${prefix}reporting" CASCADE`);
    await pg.end();
  });

  it('is OK untouched; names the truncation and the re-hashed edit an insider made, which the chains alone let through', async () => {
    const key = AnchorKey.generate();
    const anchors = [await anchorStore(source, `${prefix}submissions`, key)];
    const at = { pgUrl: testPgUrl(), prefix, contexts: ['submissions', 'councils', 'reporting'], anchors, publicKeyPem: key.publicKeyPem };
    const clean = await verifyStoresCommand(at);
    expect(clean.ok).toBe(true);
    expect(clean.lines).toContain(`SKIPPED: ${prefix}councils (no event store)`);

    await sql(`DELETE FROM events WHERE stream_version = 3`);
    await sql(`UPDATE events SET data = '{"n": 99}' WHERE stream_version = 2`);
    await sql(`DO $$ DECLARE r record; prev text := NULL; BEGIN
      FOR r IN SELECT * FROM events ORDER BY stream_version LOOP
        UPDATE events SET prev_hash = prev, hash = event_hash(prev, r.event_id, r.stream_id, r.stream_version, r.type, r.schema_version, r.data, r.metadata)
         WHERE event_id = r.event_id RETURNING hash INTO prev;
      END LOOP; END $$`);

    const tampered = await verifyStoresCommand(at);
    expect(tampered.ok).toBe(false);
    const text = tampered.lines.join('\n');
    expect(text).toMatch(new RegExp(`OK: 2 events in ${prefix}submissions, every hash chain intact`)); // the chain is fooled
    expect(text).toMatch(/TAMPERED: .*dossier-hs-1 bị cắt cụt: còn đến phiên bản 2, mốc neo ghi nhận 3/);
    expect(text).toMatch(/TAMPERED: Sự kiện phiên bản 3 của dòng dossier-hs-1 .*đã bị xóa/);
    expect(text).toMatch(/TAMPERED: Sự kiện phiên bản 2 của dòng dossier-hs-1 .*khác với bản lưu trữ/);
  });
});
