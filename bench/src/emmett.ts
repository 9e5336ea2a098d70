/* Section 1b: the same single-event appends on Emmett's PostgreSQL event store, in its own database. */
import 'reflect-metadata';
import { Client, Pool } from 'pg';
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

async function main(): Promise<void> {
  const dbName = `bench_${RUN_ID}_emmett`;
  const admin = new Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(PG_URL);
  url.pathname = `/${dbName}`;
  const connectionString = url.toString();
  // Emmett (dumbo) would make a 10-connection pool; give it the same 32 connections our store gets.
  const pool = new Pool({ connectionString, max: WRITERS });
  pool.on('error', () => undefined);
  // ESM-first package: loaded with a dynamic import (its CommonJS build also works).
  const { getPostgreSQLEventStore } = await import('@event-driven-io/emmett-postgresql');
  const store = getPostgreSQLEventStore(connectionString, { connectionOptions: { pool } as never });
  try {
    const toEmmett = (e: ReturnType<typeof benchEvent>) => ({
      type: e.type,
      data: e.data as Record<string, unknown>,
      metadata: { ...e.metadata, messageId: e.id },
    });
    await concurrently(WRITERS, 2, (w, i) =>
      store.appendToStream(`warm-${w}`, [toEmmett(benchEvent(`warm-${w}`, i))], { expectedStreamVersion: BigInt(i) }),
    );
    const singles = WRITERS * APPENDS_PER_WRITER;
    const samples: number[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      samples.push(
        await rate(singles, () =>
          concurrently(WRITERS, APPENDS_PER_WRITER, (w, i) => {
            const stream = `single-${rep}-${w}`;
            return store.appendToStream(stream, [toEmmett(benchEvent(stream, i))], { expectedStreamVersion: BigInt(i) });
          }),
        ),
      );
      log(`emmett single rep ${rep}: ${Math.round(samples[rep])} ev/s`);
    }
    record({ figure: 'append 1 event/call, 32 writers', side: 'baseline', label: 'Emmett appendToStream (expected version)', samples });
    const batched = WRITERS * BATCHES_PER_WRITER * BATCH;
    const samplesB: number[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      samplesB.push(
        await rate(batched, () =>
          concurrently(WRITERS, BATCHES_PER_WRITER, (w, i) => {
            const stream = `batch-${rep}-${w}`;
            const events = Array.from({ length: BATCH }, (_, k) => toEmmett(benchEvent(stream, i * BATCH + k)));
            return store.appendToStream(stream, events, { expectedStreamVersion: BigInt(i * BATCH) });
          }),
        ),
      );
      log(`emmett batched rep ${rep}: ${Math.round(samplesB[rep])} ev/s`);
    }
    record({ figure: 'append 100 events/call, 32 writers', side: 'baseline', label: 'Emmett appendToStream x100', samples: samplesB });
  } catch (error) {
    recordError('append (Emmett)', error);
    process.exitCode = 1;
  } finally {
    await store.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((e) => log(`drop ${dbName}: ${e}`));
    await admin.end();
  }
}

void main();
