/*
 * Where the time of an append goes, on the paths appends really take, under the same 32-writer loads as the
 * append section. Informational: the variants are NOT correct stores.
 *
 * Single events at a numeric expected version (every command's append) take the store's plain `appendOne`
 * statement: measured through the store, then the same statement sent straight from a pool (what the store adds
 * in Node), then that statement without the sha256 in SQL (the previous event's hash is still read), then without
 * that read too (a plain INSERT of the same row). Batches take the PL/pgSQL `append_to_stream`: measured as shipped
 * and as a copy (pg_get_functiondef) without the hash loop. The variants take turns within each repetition, and
 * each figure comes with the Node process's CPU per event, since the machine's cores are shared between Node and
 * PostgreSQL.
 */
import 'reflect-metadata';
import { Pool } from 'pg';
import { createPostgresEventStore, eventStoreQueries, type SqlEventStore } from '@cem/event-store';
import {
  APPENDS_PER_WRITER,
  BATCH,
  BATCHES_PER_WRITER,
  PG_URL,
  REPS,
  RUN_ID,
  WRITERS,
  benchEvent,
  concurrently,
  log,
  median,
  rate,
  record,
  recordError,
} from './common';

type BenchEvent = ReturnType<typeof benchEvent>;

/** Edits a statement or function text, failing when the edit no longer matches what the store ships. */
function edited(text: string, edit: (text: string) => string, what: string): string {
  const result = edit(text);
  if (result === text) throw new Error(`breakdown: "${what}" did not change the store's SQL (has it changed?)`);
  return result;
}

/** appendOne's parameters, exactly as SqlEventStore.append sends them for one event. */
const appendOneParams = (stream: string, e: BenchEvent, expected: number) => [
  stream,
  String(expected),
  e.id,
  e.type,
  e.schemaVersion ?? 1,
  JSON.stringify(e.data ?? null),
  JSON.stringify(e.metadata),
];

/**
 * Runs every variant's load REPS times, the variants in turn within each repetition (so that a change in the
 * machine's load hits them alike): per variant, ev/s samples and the Node process's CPU per event.
 */
async function measureInTurn(events: number, loads: ((rep: number) => Promise<unknown>)[]): Promise<{ samples: number[]; note: string }[]> {
  const samples = loads.map(() => [] as number[]);
  const cpu = loads.map(() => [] as number[]);
  for (let rep = 0; rep < REPS; rep++) {
    for (const [v, load] of loads.entries()) {
      const before = process.cpuUsage();
      samples[v].push(await rate(events, () => load(rep)));
      const used = process.cpuUsage(before);
      cpu[v].push((used.user + used.system) / events);
    }
  }
  return loads.map((_, v) => ({ samples: samples[v], note: `node CPU ${median(cpu[v]).toFixed(0)} µs/event` }));
}

async function main(): Promise<void> {
  const schema = `bench_${RUN_ID}_bd`;
  const editedSchema = `bench_${RUN_ID}_bdfn`;
  const pool = new Pool({ connectionString: PG_URL, max: WRITERS });
  const stores: SqlEventStore[] = [];
  try {
    const store = await createPostgresEventStore({ connectionString: PG_URL, schema, poolSize: WRITERS });
    stores.push(store);
    const appendOne = eventStoreQueries(schema).appendOne;
    const withoutHash = edited(
      appendOne,
      (sql) => sql.replace(/[a-z_0-9]+\.event_hash\(prev\.hash,[^)]*\)/, "'x'"),
      'appendOne without the hash',
    );
    const plainInsert = `INSERT INTO ${schema}.events (event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash)
      VALUES ($3::uuid, $1::text, $2::int + 1, $4::text, $5::int, $6::json, $7::json, NULL, 'x')
      RETURNING stream_version AS out_version, transaction_id::text AS out_tx, position AS out_pos`;
    const viaPool = (name: string, text: string) => (stream: string, e: BenchEvent, expected: number) =>
      pool.query({ name, text, values: appendOneParams(stream, e, expected) });

    const singles: { label: string; append: (stream: string, e: BenchEvent, expected: number) => Promise<unknown> }[] = [
      { label: 'EventStore.append (appendOne statement)', append: (s, e, v) => store.append(s, [e], { expectedVersion: v }) },
      { label: 'appendOne sent straight from a pool (without the store around it)', append: viaPool('bd-one', appendOne) },
      { label: 'appendOne without sha256 in SQL (previous hash still read)', append: viaPool('bd-nohash', withoutHash) },
      { label: 'appendOne without sha256 and the previous-event read (plain INSERT)', append: viaPool('bd-plain', plainInsert) },
    ];
    for (const [index, variant] of singles.entries()) {
      await concurrently(WRITERS, 2, (w, i) => variant.append(`v${index}-warm-${w}`, benchEvent(`v${index}-warm-${w}`, i), i));
    }
    const singleResults = await measureInTurn(
      WRITERS * APPENDS_PER_WRITER,
      singles.map(
        (variant, index) => (rep: number) =>
          concurrently(WRITERS, APPENDS_PER_WRITER, (w, i) => {
            const stream = `v${index}-single-${rep}-${w}`;
            return variant.append(stream, benchEvent(stream, i), i);
          }),
      ),
    );
    for (const [index, variant] of singles.entries()) {
      const { samples, note } = singleResults[index];
      log(`breakdown "${variant.label}": ${samples.map(Math.round).join(', ')} ev/s; ${note}`);
      record({
        figure: 'breakdown: append 1 event/call, 32 writers',
        side: index === 0 ? 'ours' : 'baseline',
        label: variant.label,
        samples,
        note,
      });
    }

    // Batches: the function as shipped, and a copy of it in another schema without the hash loop.
    const withoutHashLoop = await createPostgresEventStore({ connectionString: PG_URL, schema: editedSchema, poolSize: WRITERS });
    stores.push(withoutHashLoop);
    const { rows } = await pool.query<{ def: string }>(`SELECT pg_get_functiondef('${editedSchema}.append_to_stream'::regproc) AS def`);
    await pool.query(
      edited(rows[0].def, (fn) => fn.replace(/v_hash := [a-z_0-9]+\.event_hash\([\s\S]*?\);/, "v_hash := 'x';"), 'the batch hash loop'),
    );
    const batches: [string, SqlEventStore][] = [
      ['EventStore.append x100 (append_to_stream)', store],
      ['append_to_stream without the hash loop', withoutHashLoop],
    ];
    const batchResults = await measureInTurn(
      WRITERS * BATCHES_PER_WRITER * BATCH,
      batches.map(
        ([, target]) =>
          (rep: number) =>
            concurrently(WRITERS, BATCHES_PER_WRITER, (w, i) => {
              const stream = `batched-${rep}-${w}`;
              const events = Array.from({ length: BATCH }, (_, k) => benchEvent(stream, i * BATCH + k));
              return target.append(stream, events, { expectedVersion: i * BATCH });
            }),
      ),
    );
    for (const [index, [label]] of batches.entries()) {
      const { samples, note } = batchResults[index];
      log(`breakdown batched "${label}": ${samples.map(Math.round).join(', ')} ev/s; ${note}`);
      record({
        figure: 'breakdown: append 100 events/call, 32 writers',
        side: index === 0 ? 'ours' : 'baseline',
        label,
        samples,
        note,
      });
    }
  } catch (error) {
    recordError('append breakdown', error);
    process.exitCode = 1;
  } finally {
    for (const store of stores) await store.close().catch(() => undefined);
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${editedSchema} CASCADE`).catch(() => undefined);
    await pool.end();
  }
}

void main();
