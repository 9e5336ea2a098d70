/* Section 1: appends with expected-version check vs raw INSERT of equivalent rows (same PostgreSQL). */
import 'reflect-metadata';
import { Pool } from 'pg';
import { createPostgresEventStore } from '@cem/event-store';
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
  rate,
  record,
  recordError,
} from './common';

const HASH = 'f'.repeat(64);

async function main(): Promise<void> {
  const schema = `bench_${RUN_ID}_append`;
  const rawSchema = `bench_${RUN_ID}_raw`;
  const store = await createPostgresEventStore({ connectionString: PG_URL, schema, poolSize: WRITERS });
  const pool = new Pool({ connectionString: PG_URL, max: WRITERS });
  try {
    // The same table as the store's events table (columns, defaults, unique constraints, global-order index).
    await pool.query(`CREATE SCHEMA ${rawSchema};
      CREATE TABLE ${rawSchema}.events (
        position bigserial NOT NULL, transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id uuid NOT NULL UNIQUE, stream_id text NOT NULL, stream_version int NOT NULL, type text NOT NULL,
        schema_version int NOT NULL DEFAULT 1, data json NOT NULL, metadata json NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(), prev_hash text, hash text NOT NULL,
        UNIQUE (stream_id, stream_version));
      CREATE INDEX ON ${rawSchema}.events (transaction_id, position);`);
    const insertOne = `INSERT INTO ${rawSchema}.events (event_id, stream_id, stream_version, type, data, metadata, hash)
      VALUES ($1, $2, $3, $4, $5, $6, $7)`;
    // What the store ran for every append before issue 17's section 6 (still its path for batches and for 'any'):
    // the PL/pgSQL function with the event as one-element arrays. Measured in the same run for before/after.
    const previousSingle = `SELECT out_version, out_tx, out_pos FROM ${schema}.append_to_stream($1, $2, $3, $4, $5, $6, $7)`;
    const previousAppend = (stream: string, e: ReturnType<typeof benchEvent>, expected: number) =>
      pool.query({
        name: 'previous',
        text: previousSingle,
        values: [stream, String(expected), [e.id], [e.type], [1], [JSON.stringify(e.data)], [JSON.stringify(e.metadata)]],
      });
    const insertMany = `INSERT INTO ${rawSchema}.events (event_id, stream_id, stream_version, type, data, metadata, hash)
      SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::json[], $6::json[], $7::text[])`;
    // Warm-up: connections and plans for both sides.
    await concurrently(WRITERS, 2, (w, i) => store.append(`warm-${w}`, [benchEvent(`warm-${w}`, i)], { expectedVersion: i }));
    await concurrently(WRITERS, 2, (w, i) => {
      const e = benchEvent(`warm-${w}`, i);
      return pool.query({ name: 'one', text: insertOne, values: [e.id, `warm-${w}`, i + 1, e.type, e.data, e.metadata, HASH] });
    });

    await concurrently(WRITERS, 2, (w, i) => previousAppend(`warm-prev-${w}`, benchEvent(`warm-prev-${w}`, i), i));

    const singles = WRITERS * APPENDS_PER_WRITER;
    const ours: number[] = [];
    const raw: number[] = [];
    const previous: number[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      ours.push(
        await rate(singles, () =>
          concurrently(WRITERS, APPENDS_PER_WRITER, (w, i) => {
            const stream = `single-${rep}-${w}`;
            return store.append(stream, [benchEvent(stream, i)], { expectedVersion: i });
          }),
        ),
      );
      raw.push(
        await rate(singles, () =>
          concurrently(WRITERS, APPENDS_PER_WRITER, (w, i) => {
            const stream = `single-${rep}-${w}`;
            const e = benchEvent(stream, i);
            return pool.query({ name: 'one', text: insertOne, values: [e.id, stream, i + 1, e.type, e.data, e.metadata, HASH] });
          }),
        ),
      );
      previous.push(
        await rate(singles, () =>
          concurrently(WRITERS, APPENDS_PER_WRITER, (w, i) => {
            const stream = `previous-${rep}-${w}`;
            return previousAppend(stream, benchEvent(stream, i), i);
          }),
        ),
      );
      log(
        `append single rep ${rep}: ours ${Math.round(ours[rep])} raw ${Math.round(raw[rep])} previous path ${Math.round(previous[rep])} ev/s`,
      );
    }
    record({
      figure: 'append 1 event/call, 32 writers',
      side: 'ours',
      label: 'EventStore.append (expected version)',
      samples: ours,
      target: '>= 0.7x raw INSERT, >= 3x Emmett',
    });
    record({ figure: 'append 1 event/call, 32 writers', side: 'baseline', label: 'raw INSERT, same table shape', samples: raw });
    record({
      figure: 'append 1 event/call, 32 writers',
      side: 'baseline',
      label: 'the previous single-event path (append_to_stream call with arrays)',
      samples: previous,
    });

    const batched = WRITERS * BATCHES_PER_WRITER * BATCH;
    const oursB: number[] = [];
    const rawB: number[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      oursB.push(
        await rate(batched, () =>
          concurrently(WRITERS, BATCHES_PER_WRITER, (w, i) => {
            const stream = `batch-${rep}-${w}`;
            const events = Array.from({ length: BATCH }, (_, k) => benchEvent(stream, i * BATCH + k));
            return store.append(stream, events, { expectedVersion: i * BATCH });
          }),
        ),
      );
      rawB.push(
        await rate(batched, () =>
          concurrently(WRITERS, BATCHES_PER_WRITER, (w, i) => {
            const stream = `batch-${rep}-${w}`;
            const events = Array.from({ length: BATCH }, (_, k) => benchEvent(stream, i * BATCH + k));
            return pool.query({
              name: 'many',
              text: insertMany,
              values: [
                events.map((e) => e.id),
                events.map(() => stream),
                events.map((_, k) => i * BATCH + k + 1),
                events.map((e) => e.type),
                events.map((e) => JSON.stringify(e.data)),
                events.map((e) => JSON.stringify(e.metadata)),
                events.map(() => HASH),
              ],
            });
          }),
        ),
      );
      log(`append batched rep ${rep}: ours ${Math.round(oursB[rep])} raw ${Math.round(rawB[rep])} ev/s`);
    }
    record({
      figure: 'append 100 events/call, 32 writers',
      side: 'ours',
      label: 'EventStore.append x100',
      samples: oursB,
      target: '>= 0.95x raw batched',
    });
    record({ figure: 'append 100 events/call, 32 writers', side: 'baseline', label: 'raw INSERT ... unnest x100', samples: rawB });
  } catch (error) {
    recordError('append', error);
    process.exitCode = 1;
  } finally {
    await store.close().catch(() => undefined);
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${rawSchema} CASCADE`).catch(() => undefined);
    await pool.end();
  }
}

void main();
