import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Actor } from '@cem/contracts';
import { AnchorKey, type SignedAnchor } from '@cem/event-store';
import { testPgUrl } from '@cem/event-store/testing';
import { KafkaEventBus, kafkaBrokersFromEnv } from '@cem/messaging';
import { anchorsTopic, distributedNames } from '@cem/service-kit';
import { startTestPlatform, type TestPlatform } from '@cem/testing';
import { SUBMISSIONS_SERVICE } from '../../submissions/src/submissions.service';
import type { ArchiveVerification } from '../src/audit/archive-verification';
import { verifyKafkaCommand } from '../src/cli/audit.commands';
import { REPORTING_SERVICE } from '../src/reporting.service';

/**
 * An insider with the reporting database truncates a stream, removes an event and edits another, re-hashing its
 * chain: GET /audit/verify names all three from the signed anchors published to Kafka, and
 * `npm run audit -- verify-kafka` names the exact events from the hashes the Kafka messages carried.
 * Real PostgreSQL, Kafka and FerretDB; submissions and reporting as in production, each anchoring its store.
 */
jest.setTimeout(300_000);

const officer: Actor = {
  id: 'u-1',
  role: 'unit-officer',
  unitId: 'vn-ha-nam-phu-ly',
  level: 'district',
  unitPath: ['vn', 'vn-ha-nam', 'vn-ha-nam-phu-ly'],
};
const AUDITOR: Actor = { id: 'kiem-tra', role: 'auditor', unitId: 'vn', level: 'central', unitPath: ['vn'] };

describe('tamper evidence of the reporting archive over HTTP and on Kafka (real servers)', () => {
  let platform: TestPlatform;
  let bus: KafkaEventBus;
  const run = randomBytes(3).toString('hex');
  const streams = { a: `probe-a-${run}`, b: `probe-b-${run}`, c: `probe-c-${run}` };

  beforeAll(async () => {
    platform = await startTestPlatform([SUBMISSIONS_SERVICE, REPORTING_SERVICE], {
      bus: 'kafka',
      anchors: { key: AnchorKey.generate(), intervalMs: 300 },
    });
    bus = new KafkaEventBus({ brokers: kafkaBrokersFromEnv(), clientId: `${platform.prefix}audit-test`, logLevel: 'ERROR' });
  });
  afterAll(async () => {
    await bus?.close();
    await platform?.stop();
  });

  const verify = async (): Promise<ArchiveVerification> => {
    const res = await fetch(`${platform.url('reporting')}/audit/verify`, {
      headers: { authorization: `Bearer ${await platform.token(AUDITOR)}` },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as ArchiveVerification;
  };
  const sql = async (schema: string, text: string) => {
    const pg = new Client({ connectionString: testPgUrl() });
    await pg.connect();
    try {
      await pg.query(`SET search_path TO "${schema}"`);
      await pg.query(text);
    } finally {
      await pg.end();
    }
  };

  it('is clean untouched; names a truncated stream, a removed event and a re-hashed edit afterwards', async () => {
    const prefix = platform.prefix;
    const archive = distributedNames('reporting', prefix).schema;
    const submissions = distributedNames('submissions', prefix).schema;
    // Three streams of three events each in submissions (a type reporting does not know: archived as it came).
    const source = platform.service('submissions').infra.store;
    for (const streamId of Object.values(streams))
      for (const n of [1, 2, 3])
        await source.append(streamId, [
          {
            type: 'submissions.AuditProbe',
            data: { streamId, n },
            metadata: { actor: officer, occurredAt: new Date().toISOString(), correlationId: `c-${run}`, source: 'submissions' },
          },
        ]);
    const archived = platform.service('reporting').infra.store;
    await platform.eventually(async () => {
      for (const streamId of Object.values(streams)) expect(await archived.readStream(streamId)).toHaveLength(3);
    }, 120_000);
    // Anchors of both stores signed after the copies were archived.
    const covers = (a: SignedAnchor, store: string) =>
      a.payload.store === store && Object.values(streams).every((s) => a.payload.heads.some((h) => h.streamId === s && h.version === 3));
    await platform.eventually(async () => {
      const anchors = (await bus.readTopic(anchorsTopic(prefix))).map((m) => JSON.parse(m.value) as SignedAnchor);
      expect(anchors.some((a) => covers(a, archive))).toBe(true);
      expect(anchors.some((a) => covers(a, submissions))).toBe(true);
    }, 120_000);

    const clean = await verify();
    expect(clean).toMatchObject({ ok: true, findings: [] });
    expect(clean.anchorsChecked).toBeGreaterThan(1);
    expect(clean.stores.map((s) => s.store)).toEqual(expect.arrayContaining([archive, submissions]));
    // Every published submissions event is archived (the reporting group committed past it), and its hash matches.
    const cleanKafka = await platform.eventually(async () => {
      const outcome = await verifyKafkaCommand({
        pgUrl: testPgUrl(),
        brokers: kafkaBrokersFromEnv(),
        prefix,
        context: 'submissions',
        against: 'archive',
      });
      expect(outcome.lines[0]).not.toContain('not archived yet');
      return outcome;
    }, 60_000);
    expect(cleanKafka.ok).toBe(true);
    expect(cleanKafka.lines[0]).toMatch(/^OK: \d+ messages of .*cem\.submissions\.events: \d+ events checked against .*reporting$/);
    const againstStore = await verifyKafkaCommand({
      pgUrl: testPgUrl(),
      brokers: kafkaBrokersFromEnv(),
      prefix,
      context: 'submissions',
      against: 'store',
    });
    expect(againstStore.ok).toBe(true);

    // The insider: the last event of a, the middle event of b, and c's second event edited with its chain re-hashed.
    await sql(archive, `DELETE FROM events WHERE stream_id = '${streams.a}' AND stream_version = 3`);
    await sql(archive, `DELETE FROM events WHERE stream_id = '${streams.b}' AND stream_version = 2`);
    await sql(archive, `UPDATE events SET data = '{"n": 99}' WHERE stream_id = '${streams.c}' AND stream_version = 2`);
    await sql(
      archive,
      `DO $$ DECLARE r record; prev text := NULL; BEGIN
        FOR r IN SELECT * FROM events WHERE stream_id = '${streams.c}' ORDER BY stream_version LOOP
          UPDATE events SET prev_hash = prev, hash = event_hash(prev, r.event_id, r.stream_id, r.stream_version, r.type, r.schema_version, r.data, r.metadata)
           WHERE event_id = r.event_id RETURNING hash INTO prev;
        END LOOP; END $$`,
    );

    const tampered = await verify();
    expect(tampered.ok).toBe(false);
    expect(tampered.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ store: archive, kind: 'truncated-stream', streamId: streams.a }),
        expect.objectContaining({ store: archive, kind: 'removed-event', streamId: streams.b, version: 2 }),
        expect.objectContaining({ store: archive, kind: 're-hashed-edit', streamId: streams.c }),
        // The submissions anchors name the same removed event and edit in the copies.
        expect.objectContaining({ store: submissions, kind: 'removed-event', streamId: streams.b, version: 2 }),
        expect.objectContaining({ store: submissions, kind: 're-hashed-edit', streamId: streams.c }),
      ]),
    );
    const texts = tampered.findings.map((f) => f.text).join('\n');
    expect(texts).toContain(`Dòng sự kiện ${streams.a} bị cắt cụt: còn đến phiên bản 2, mốc neo ghi nhận 3`);
    expect(texts).toMatch(new RegExp(`Sự kiện phiên bản 2 của dòng ${streams.b}.* đã bị xóa`));
    expect(texts).toMatch(new RegExp(`của dòng ${streams.c} đã bị sửa và tính lại mã băm`));

    const kafka = await verifyKafkaCommand({
      pgUrl: testPgUrl(),
      brokers: kafkaBrokersFromEnv(),
      prefix,
      context: 'submissions',
      against: 'archive',
    });
    expect(kafka.ok).toBe(false);
    const lines = kafka.lines.join('\n');
    expect(lines).toMatch(/^TAMPERED: /);
    expect(lines).toMatch(new RegExp(`TAMPERED: Sự kiện phiên bản 3 của dòng ${streams.a} \\([0-9a-f-]{36}\\) đã bị xóa`));
    expect(lines).toMatch(new RegExp(`TAMPERED: Sự kiện phiên bản 2 của dòng ${streams.b} \\([0-9a-f-]{36}\\) đã bị xóa`));
    expect(lines).toMatch(new RegExp(`TAMPERED: Sự kiện phiên bản 2 của dòng ${streams.c} đã bị sửa và tính lại mã băm`));
    // The submissions store itself was not touched.
    expect(
      (await verifyKafkaCommand({ pgUrl: testPgUrl(), brokers: kafkaBrokersFromEnv(), prefix, context: 'submissions', against: 'store' }))
        .ok,
    ).toBe(true);
  });
});
