/*
 * Section 2, audit at scale: an archive of BENCH_AUDIT_EVENTS events (default 1,000,000) written straight into a
 * PostgreSQL event store's table (hash chains computed as the store does), the reporting service's audit index rebuilt
 * into FerretDB (BENCH_AUDIT_INDEX=embedded: in memory), then a dossier's and an award's full history, a dossier's state as of a date and the export's first
 * byte, each through the functions the audit controller calls (no HTTP), p50/p99 over BENCH_AUDIT_REQUESTS
 * (default 50) random subjects; the whole-archive read they replace, once; hash-chain verification of the store.
 * Per dossier: its stream (4 events), two evaluation cases (3 each), a proposal (2); a ranking every 50 dossiers.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { randomUUID } from 'crypto';
import type { Actor, NewEvent } from '@cem/contracts';
import { createPostgresEventStore } from '@cem/event-store';
import { createMongoDocumentStore, EmbeddedDocumentStore, rebuildProjections, type DocumentStore } from '@cem/read-models';
import type { ServiceInfra } from '@cem/service-kit';
import { readWholeLog } from '../../services/reporting/src/audit/audit-log';
import { auditExport, wholeExportChunks } from '../../services/reporting/src/audit/audit-export';
import { auditStreamsProjection } from '../../services/reporting/src/audit/audit-streams.projection';
import { chainHash } from '../../services/reporting/src/audit/exported-chain.verifier';
import { decisionHistory } from '../../services/reporting/src/audit/decision-history';
import { dossierStateAsOf } from '../../services/reporting/src/audit/dossier-state';
import { subjectEvents } from '../../services/reporting/src/audit/subject-events';
import { env, log, MONGO_URL, PG_URL, record, recordError, RUN_ID } from './common';

const EVENTS = Number(env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const REQUESTS = Number(env.BENCH_AUDIT_REQUESTS ?? 50);
const TARGET_MS = 50;
const PER_DOSSIER = 4 + 3 + 3 + 2;
const RANKING_EVERY = 50;
const DOSSIERS = Math.floor(EVENTS / (PER_DOSSIER + 1 / RANKING_EVERY));

const ACTOR: Actor = {
  id: 'bench-officer',
  name: 'Lê Minh Châu',
  role: 'agency-officer',
  unitId: 'vn-hcm-binh-chanh',
  level: 'district',
  unitPath: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh'],
};
const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 3_600_000).toISOString();
const ev = (type: string, data: object, n: number, source: string): NewEvent & { id: string } => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: ACTOR, occurredAt: day(n), correlationId: randomUUID(), source },
});

/** One dossier's streams. The councils and recognition events are of types the deciders pass over (kept as archived). */
function dossierStreams(k: number): [string, (NewEvent & { id: string })[]][] {
  const dossierId = `hs-${k}`;
  const unit = 'vn-hcm-binh-chanh-tan-kien';
  const path = ['vn', 'vn-hcm', 'vn-hcm-binh-chanh', unit];
  const drafted = {
    dossierId,
    campaignId: 'bench',
    year: 2024,
    fieldCode: 'khcn',
    type: 'initiative',
    title: `Sáng kiến số ${k}`,
    summary: 'Rút ngắn thời gian tiếp nhận hồ sơ',
    applicantKind: 'collective',
    authors: [{ name: 'Nguyễn Văn Đức' }],
    owners: [{ name: 'UBND xã Tân Kiên', share: 100 }],
    attachments: [],
    nominatingUnitId: unit,
    nominatingUnitPath: path,
    draftedAt: day(k),
  };
  const district = { level: 'district', jurisdictionUnitId: 'vn-hcm-binh-chanh', jurisdictionUnitPath: path.slice(0, 3) };
  const caseEvents = (level: string, base: number) =>
    [0, 1, 2].map((i) => ev(`councils.BenchCaseStep${i}`, { caseId: `${dossierId}@${level}`, level, score: i * 10 }, base + i, 'councils'));
  return [
    [
      `dossier-${dossierId}`,
      [
        ev('submissions.DossierDrafted', drafted, k, 'submissions'),
        ev('submissions.DossierSubmitted', { dossierId, ...district, submittedAt: day(k + 1) }, k + 1, 'submissions'),
        ev(
          'submissions.DossierReceived',
          { dossierId, level: 'district', receivedAt: day(k + 2), receivingAgencyUnitId: 'vn-hcm-binh-chanh-phong-noi-vu' },
          k + 2,
          'submissions',
        ),
        ev(
          'submissions.DossierForwarded',
          {
            dossierId,
            fromLevel: 'district',
            toLevel: 'province',
            toJurisdictionUnitId: 'vn-hcm',
            toJurisdictionUnitPath: ['vn', 'vn-hcm'],
            forwardedAt: day(k + 6),
            decisionRef: '1/UBND',
          },
          k + 6,
          'submissions',
        ),
      ],
    ],
    [`evaluation-case-${dossierId}@district`, caseEvents('district', k + 3)],
    [`evaluation-case-${dossierId}@province`, caseEvents('province', k + 7)],
    [
      `proposal-p-${k}`,
      [
        ev('recognition.BenchProposalReceived', { proposalId: `p-${k}`, dossierId, level: 'province' }, k + 10, 'recognition'),
        ev('recognition.BenchAwardDecided', { proposalId: `p-${k}`, decisionNumber: `${k}/QĐ` }, k + 11, 'recognition'),
      ],
    ],
  ];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

async function timed(body: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = nowMs();
    await body(i);
    samples.push(nowMs() - t0);
  }
  return samples.sort((a, b) => a - b);
}

function recordLatency(name: string, samples: number[], before?: string): void {
  const p99 = percentile(samples, 99);
  record({
    figure: `audit: ${name}, ${EVENTS} archived events`,
    side: 'ours',
    label: `p99; p50 ${percentile(samples, 50).toFixed(1)} ms; ${samples.length} subjects`,
    samples: [p99],
    unit: 'ms',
    note: `${before ? `before: ${before}; ` : ''}target p99 < ${TARGET_MS} ms: ${p99 < TARGET_MS ? 'MET' : 'MISSED'}`,
  });
}

async function main(): Promise<void> {
  const schema = `bench_${RUN_ID}_audit`;
  const store = await createPostgresEventStore({ connectionString: PG_URL, schema, poolSize: 8 });
  // BENCH_AUDIT_INDEX=embedded keeps the audit index in memory (the embedded default) instead of FerretDB.
  const mongo =
    env.BENCH_AUDIT_INDEX === 'embedded' ? undefined : await createMongoDocumentStore({ url: MONGO_URL, dbName: `bench_${RUN_ID}_audit` });
  const documents: DocumentStore = mongo ?? new EmbeddedDocumentStore();
  const raw = new Client({ connectionString: PG_URL });
  await raw.connect();
  try {
    // The log, generated straight into the table for speed: the rows a store would write (hash chained per
    // stream exactly as event_hash computes it, checked below by verifyChain), 5000 rows per INSERT.
    await store.readAll({ limit: 1 }); // the schema exists once the store answers
    const t0 = nowMs();
    let written = 0;
    let batch: string[][] = [];
    const flush = async () => {
      if (!batch.length) return;
      const cols = Array.from({ length: 9 }, (_, c) => batch.map((r) => r[c]));
      await raw.query(
        `INSERT INTO ${schema}.events (event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::int[], $6::json[], $7::json[], $8::text[], $9::text[])`,
        cols,
      );
      written += batch.length;
      batch = [];
    };
    const addStream = async (stream: string, events: (NewEvent & { id: string })[]) => {
      let prev = '';
      events.forEach((e, i) => {
        const row = {
          eventId: e.id,
          streamId: stream,
          streamVersion: i + 1,
          type: e.type,
          schemaVersion: 1,
          dataText: JSON.stringify(e.data),
          metadataText: JSON.stringify(e.metadata),
          prevHash: prev,
        };
        const hash = chainHash(row);
        batch.push([e.id, stream, String(i + 1), e.type, '1', row.dataText, row.metadataText, prev || (null as never), hash]);
        prev = hash;
      });
      if (batch.length >= 5000) await flush();
    };
    for (let k = 0; k < DOSSIERS; k++) {
      for (const [stream, events] of dossierStreams(k)) await addStream(stream, events);
      if (k % RANKING_EVERY === RANKING_EVERY - 1) {
        const entries = Array.from({ length: RANKING_EVERY }, (_, i) => ({ dossierId: `hs-${k - i}`, rank: i + 1 }));
        await addStream(`ranking-${k}`, [ev('councils.RankingPublished', { rankingId: `r-${k}`, entries }, k + 9, 'councils')]);
      }
      if (k % 20_000 === 0) log(`audit: ${written} events written`);
    }
    await flush();
    log(`audit: ${written} events (${DOSSIERS} dossiers) written in ${((nowMs() - t0) / 1000).toFixed(0)} s`);
    await raw.query(`VACUUM ANALYZE ${schema}.events`);

    // Chain verification of the whole store.
    const v0 = nowMs();
    const verified = await store.verifyChain();
    const verifySeconds = (nowMs() - v0) / 1000;
    record({
      figure: `audit: hash-chain verification of the whole store (${written} events)`,
      side: 'ours',
      label: `EventStore.verifyChain (${verified.firstBreak ? 'BREAK FOUND' : 'intact'})`,
      samples: [verified.eventsChecked / verifySeconds],
      target: '>= 100,000 ev/s',
      note: `${verifySeconds.toFixed(1)} s; target >= 100,000 ev/s: ${verified.eventsChecked / verifySeconds >= 100_000 ? 'MET' : 'MISSED'}`,
    });

    // The audit index, rebuilt as the reporting service would on a fresh read store.
    const r0 = nowMs();
    await rebuildProjections(store, documents, [auditStreamsProjection]);
    const rebuildSeconds = (nowMs() - r0) / 1000;
    record({
      figure: `audit: audit index rebuild into ${mongo ? 'FerretDB' : 'the embedded store'} (${written} events)`,
      side: 'ours',
      label: 'rebuildProjections(audit-streams)',
      samples: [written / rebuildSeconds],
      note: `informational: ${rebuildSeconds.toFixed(0)} s, once per fresh read store`,
    });

    const infra = { store, documents, readModelsCaughtUp: () => Promise.resolve() } as unknown as ServiceInfra;
    const pick = (i: number) => (i * 7919) % DOSSIERS;

    // Before: the whole archive read for one answer (once; it is the same read for every kind of request).
    const b0 = nowMs();
    const whole = await readWholeLog(store);
    const beforeHistory = decisionHistory(whole, { dossierId: `hs-${pick(0)}` });
    const beforeMs = nowMs() - b0;
    whole.length = 0;
    const before = `whole-archive read ${(beforeMs / 1000).toFixed(1)} s for one history (${beforeHistory.length} rows)`;

    let rows = 0;
    const history = await timed(async (i) => {
      const dossierId = `hs-${pick(i)}`;
      rows = decisionHistory(await subjectEvents(infra, { dossierId }), { dossierId }).length;
    });
    recordLatency(`a dossier's full history across services (${rows} rows)`, history, before);

    const award = await timed(async (i) => {
      const proposalId = `p-${pick(i)}`;
      rows = decisionHistory(await subjectEvents(infra, { proposalId }), { proposalId }).length;
    });
    recordLatency(`an award's history by proposal (${rows} rows)`, award, before);

    const asOf = await timed(async (i) => {
      const k = pick(i);
      dossierStateAsOf(await subjectEvents(infra, { dossierId: `hs-${k}` }), `hs-${k}`, new Date(day(k + 5)));
    });
    recordLatency("a dossier's state as of a date", asOf, before);

    const dossierExport = await timed(async (i) => {
      const subject = { dossierId: `hs-${pick(i)}` };
      JSON.stringify(await auditExport(store, await subjectEvents(infra, subject), subject));
    });
    recordLatency("a dossier's export, whole answer", dossierExport, before);

    // The whole archive's export: the first chunk is the head (before any read); the first rows come one page later.
    const firstRows: number[] = [];
    for (let i = 0; i < Math.min(REQUESTS, 20); i++) {
      const s0 = nowMs();
      const chunks = wholeExportChunks(store);
      await chunks.next();
      await chunks.next();
      firstRows.push(nowMs() - s0);
      await chunks.return(undefined);
    }
    firstRows.sort((a, b) => a - b);
    recordLatency('the whole archive export, head and first rows (first page of 200)', firstRows, before);
  } catch (error) {
    recordError('audit', error);
    process.exitCode = 1;
  } finally {
    await mongo?.dropDatabase().catch((e) => log(`drop mongo db: ${String(e)}`));
    await documents.close();
    await store.close().catch(() => undefined);
    await raw.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await raw.end();
  }
}

void main().then(() => process.exit());
