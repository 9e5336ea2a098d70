/* Sections 2 and 4: global-log catch-up read and read-model rebuild into FerretDB, on one populated log. */
import 'reflect-metadata';
import { Client } from 'pg';
import { LOG_START, type LogPosition, type RecordedEvent } from '@cem/contracts';
import { PgSqlClient, createPostgresEventStore, createSqlEventStore, type EventStore, type SqlClient } from '@cem/event-store';
import { withoutLogCopy } from '@cem/event-store/testing';
import { createMongoDocumentStore, rebuildProjections, type DocumentCollection, type Projection } from '@cem/read-models';
import {
  EVENTS,
  MONGO_URL,
  NAIVE_EVENTS,
  PG_URL,
  REPS,
  RUN_ID,
  applySummary,
  log,
  populate,
  rate,
  record,
  recordError,
  summaryEventTypes,
  type DossierSummary,
} from './common';

const READ_BATCH = 5000;

export const summaryProjection: Projection<DossierSummary> = {
  name: 'bench-dossier-summary',
  collection: 'dossier_summaries',
  version: 1,
  eventTypes: summaryEventTypes,
  documentIds: (event) => [event.streamId],
  apply: (doc, event, id) => applySummary(doc, event, id),
};

export async function readWholeLog(store: EventStore): Promise<number> {
  let after: LogPosition = LOG_START;
  let count = 0;
  for (;;) {
    const events = await store.readAll({ after, limit: READ_BATCH });
    if (!events.length) return count;
    count += events.length;
    after = events[events.length - 1].position;
  }
}

/** The same loop, reading every event's `data` and `metadata` (a reader that uses all of them). */
export async function readWholeLogParsed(store: EventStore): Promise<number> {
  let after: LogPosition = LOG_START;
  let count = 0;
  let fields = 0;
  for (;;) {
    const events = await store.readAll({ after, limit: READ_BATCH });
    if (!events.length) return fields > 0 ? count : 0;
    for (const event of events) fields += (event.data ? 1 : 0) + (event.metadata.occurredAt ? 1 : 0);
    count += events.length;
    after = events[events.length - 1].position;
  }
}

/**
 * The client without its lean array path: the store then reads the log as before issue 17's section 4
 * (node-postgres row objects, `data` and `metadata` parsed by the driver for every event).
 */
export function withoutArrays(client: SqlClient): SqlClient {
  return {
    query: (sql, params) => client.query(sql, params),
    exec: (sql) => client.exec(sql),
    listen: (channel, onNotify) => client.listen(channel, onNotify),
    close: () => client.close(),
  };
}

/** events/s of `body`, and this process's CPU time per event in µs (user + system), which a loaded machine inflates less. */
async function rateAndCpu(events: number, body: () => Promise<unknown>): Promise<[number, number]> {
  const start = process.cpuUsage();
  const r = await rate(events, body);
  const used = process.cpuUsage(start);
  return [r, (used.user + used.system) / events];
}

/** One document read and one upsert per event, through the same port the rebuild writes to. */
export async function naiveProjection(events: RecordedEvent[], collection: DocumentCollection<DossierSummary>): Promise<void> {
  for (const event of events) {
    const id = event.streamId;
    const doc = await collection.get(id);
    await collection.putMany([applySummary(doc, event, id)]);
  }
}

async function main(): Promise<void> {
  const schema = `bench_${RUN_ID}_log`;
  const store = await createPostgresEventStore({ connectionString: PG_URL, schema, poolSize: 4 });
  // The same store read the way it was before issue 17's section 4, for the comparison in the same run.
  const previous = await createSqlEventStore(withoutArrays(new PgSqlClient({ connectionString: PG_URL, poolSize: 4 })), { schema });
  // The reader before the binary COPY decoder (rows as arrays, payloads as text parsed on first read).
  const arrays = await createSqlEventStore(withoutLogCopy(new PgSqlClient({ connectionString: PG_URL, poolSize: 4 })), { schema });
  const raw = new Client({ connectionString: PG_URL });
  await raw.connect();
  try {
    log(`populating ${EVENTS} events into ${schema}`);
    const populateRate = await populate(store, EVENTS, 'dossier');
    log(`populated at ${Math.round(populateRate)} ev/s (batched appends of 20, 8 writers)`);
    await raw.query(`VACUUM ANALYZE ${schema}.events`);

    try {
      const ours: number[] = [];
      const parsed: number[] = [];
      const before: number[] = [];
      const viaArrays: number[] = [];
      const viaArraysParsed: number[] = [];
      const base: number[] = [];
      const check = (what: string, seen: number) => {
        if (seen !== EVENTS) log(`catch-up (${what}) read ${seen} events, expected ${EVENTS}`);
      };
      const cpu: string[] = [];
      for (let rep = 0; rep < REPS; rep++) {
        let seen = 0;
        const [oursRate, oursCpu] = await rateAndCpu(EVENTS, async () => (seen = await readWholeLog(store)));
        ours.push(oursRate);
        check('ours', seen);
        const [parsedRate, parsedCpu] = await rateAndCpu(EVENTS, async () => (seen = await readWholeLogParsed(store)));
        parsed.push(parsedRate);
        check('ours, payloads parsed', seen);
        const [arraysRate, arraysCpu] = await rateAndCpu(EVENTS, async () => (seen = await readWholeLog(arrays)));
        viaArrays.push(arraysRate);
        check('arrays reader', seen);
        const [arraysParsedRate, arraysParsedCpu] = await rateAndCpu(EVENTS, async () => (seen = await readWholeLogParsed(arrays)));
        viaArraysParsed.push(arraysParsedRate);
        check('arrays reader, payloads parsed', seen);
        const [beforeRate, beforeCpu] = await rateAndCpu(EVENTS, async () => (seen = await readWholeLog(previous)));
        before.push(beforeRate);
        check('previous reader', seen);
        const [baseRate, baseCpu] = await rateAndCpu(EVENTS, async () => {
          await raw.query('BEGIN');
          await raw.query(`DECLARE log_cursor NO SCROLL CURSOR FOR
            SELECT event_id, stream_id, stream_version, type, schema_version, data, metadata, transaction_id, position, recorded_at, hash
            FROM ${schema}.events ORDER BY position`);
          for (;;) {
            const { rowCount } = await raw.query(`FETCH ${READ_BATCH} FROM log_cursor`);
            if (!rowCount) break;
          }
          await raw.query('COMMIT');
        });
        base.push(baseRate);
        cpu.push([oursCpu, parsedCpu, arraysCpu, arraysParsedCpu, beforeCpu, baseCpu].map((c) => c.toFixed(1)).join(' / '));
        log(
          `catch-up rep ${rep}: ours ${Math.round(ours[rep])}, payloads parsed ${Math.round(parsed[rep])}, ` +
            `arrays reader ${Math.round(viaArrays[rep])} (parsed ${Math.round(viaArraysParsed[rep])}), ` +
            `previous reader ${Math.round(before[rep])}, raw ${Math.round(base[rep])} ev/s; ` +
            `client CPU per event (ours / parsed / arrays / arrays parsed / previous / raw) ${cpu[rep]} µs`,
        );
      }
      record({
        figure: `catch-up read from 0 (${EVENTS} events)`,
        side: 'ours',
        label: 'EventStore.readAll, batches of 5000 (binary COPY, payloads parsed on first use)',
        samples: ours,
        target: '>= 200k ev/s',
      });
      record({
        figure: `catch-up read from 0, every data and metadata read (${EVENTS} events)`,
        side: 'ours',
        label: 'EventStore.readAll, batches of 5000, every payload parsed',
        samples: parsed,
      });
      record({
        figure: `catch-up read from 0, every data and metadata read (${EVENTS} events)`,
        side: 'baseline',
        label: 'raw cursor SELECT ... ORDER BY position, FETCH 5000 (node-postgres parses json)',
        samples: base,
      });
      record({
        figure: `arrays reader: catch-up read from 0 (${EVENTS} events)`,
        side: 'ours',
        label: 'readAll before the binary COPY reader (queryArrays, payloads parsed on first use)',
        samples: viaArrays,
      });
      record({
        figure: `arrays reader: catch-up read from 0 (${EVENTS} events)`,
        side: 'baseline',
        label: 'raw cursor SELECT ... ORDER BY position, FETCH 5000',
        samples: base,
      });
      record({
        figure: `arrays reader: catch-up read from 0, every data and metadata read (${EVENTS} events)`,
        side: 'ours',
        label: 'readAll before the binary COPY reader, every payload parsed',
        samples: viaArraysParsed,
      });
      record({
        figure: `arrays reader: catch-up read from 0, every data and metadata read (${EVENTS} events)`,
        side: 'baseline',
        label: 'raw cursor SELECT ... ORDER BY position, FETCH 5000 (node-postgres parses json)',
        samples: base,
      });
      record({
        figure: `previous reader: catch-up read from 0 (${EVENTS} events)`,
        side: 'ours',
        label: 'readAll before issue 17 section 4 (row objects, json parsed by node-postgres)',
        samples: before,
      });
      record({
        figure: `previous reader: catch-up read from 0 (${EVENTS} events)`,
        side: 'baseline',
        label: 'raw cursor SELECT ... ORDER BY position, FETCH 5000',
        samples: base,
      });
      record({
        figure: `catch-up read from 0 (${EVENTS} events)`,
        side: 'baseline',
        label: 'raw cursor SELECT ... ORDER BY position, FETCH 5000',
        samples: base,
      });
    } catch (error) {
      recordError('catch-up', error);
      process.exitCode = 1;
    }

    const documents = await createMongoDocumentStore({ url: MONGO_URL, dbName: `bench_${RUN_ID}` });
    try {
      const ours = [];
      const before = [];
      const rebuildArrays = [];
      for (let rep = 0; rep < REPS; rep++) {
        ours.push(await rate(EVENTS, () => rebuildProjections(store, documents, [summaryProjection])));
        rebuildArrays.push(await rate(EVENTS, () => rebuildProjections(arrays, documents, [summaryProjection])));
        before.push(await rate(EVENTS, () => rebuildProjections(previous, documents, [summaryProjection])));
        log(
          `rebuild FerretDB rep ${rep}: ${Math.round(ours[rep])} ev/s (with the arrays reader: ${Math.round(rebuildArrays[rep])}, ` +
            `with the previous reader: ${Math.round(before[rep] ?? 0)})`,
        );
      }
      record({
        figure: `arrays reader: rebuild into FerretDB (${EVENTS} events)`,
        side: 'ours',
        label: 'rebuildProjections reading the log before the binary COPY reader (queryArrays)',
        samples: rebuildArrays,
      });
      record({
        figure: `previous reader: rebuild into FerretDB (${EVENTS} events)`,
        side: 'ours',
        label: 'rebuildProjections reading the log as before issue 17 section 4',
        samples: before,
      });
      const docs = await documents.collection(summaryProjection.collection).count();
      record({
        figure: `rebuild into FerretDB (${EVENTS} events)`,
        side: 'ours',
        label: `rebuildProjections (${docs} documents)`,
        samples: ours,
        target: '>= 5x naive, >= 50k ev/s',
      });
      const naive = [];
      let sampled = 0;
      for (let rep = 0; rep < REPS; rep++) {
        const collection = documents.collection<DossierSummary>(`naive_${rep}`);
        await collection.drop();
        // Timed like the rebuild: reading the events is part of it.
        naive.push(
          await rate(NAIVE_EVENTS, async () => {
            const sample = await store.readAll({ limit: NAIVE_EVENTS });
            sampled = sample.length;
            await naiveProjection(sample, collection);
          }),
        );
        log(`naive FerretDB rep ${rep}: ${Math.round(naive[rep])} ev/s`);
      }
      record({
        figure: `rebuild into FerretDB (${EVENTS} events)`,
        side: 'baseline',
        label: `naive get + upsert per event (first ${sampled} events, extrapolated)`,
        samples: naive,
      });
    } catch (error) {
      recordError('rebuild (FerretDB)', error);
      process.exitCode = 1;
    } finally {
      await documents.dropDatabase().catch((e) => log(`drop mongo db: ${e}`));
      await documents.close();
    }
  } finally {
    await previous.close().catch(() => undefined);
    await arrays.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    await raw.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await raw.end();
  }
}

if (require.main === module) void main();
