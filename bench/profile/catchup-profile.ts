/* Populates a log, then reads it from 0 once: run with --cpu-prof to see where catch-up time goes. */
import 'reflect-metadata';
import { Pool } from 'pg';
import { createPostgresEventStore } from '@cem/event-store';
import { PG_URL, RUN_ID, log, populate, rate } from '../src/common';
import { readWholeLog } from '../src/log';

async function main(): Promise<void> {
  const count = Number(process.env.PROFILE_EVENTS ?? 100_000);
  const schema = `bench_${RUN_ID}_prof`;
  const store = await createPostgresEventStore({ connectionString: PG_URL, schema, poolSize: 4 });
  const pool = new Pool({ connectionString: PG_URL, max: 1 });
  try {
    await populate(store, count, 'p');
    await pool.query(`VACUUM ANALYZE ${schema}.events`);
    for (let i = 0; i < 2; i++) {
      const t0 = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const r = await rate(count, () => readWholeLog(store));
      const used = process.cpuUsage(cpu);
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      log(`catch-up ${Math.round(r)} ev/s; wall ${wallMs.toFixed(0)} ms, node CPU ${((used.user + used.system) / 1000).toFixed(0)} ms`);
    }
    // Same query, rows only (no mapping): how much is the driver + server.
    const t0 = process.hrtime.bigint();
    const { rows } = await pool.query(
      `SELECT event_id, stream_id, stream_version, type, schema_version, data, metadata, transaction_id, position, recorded_at, hash FROM ${schema}.events ORDER BY transaction_id, position`,
    );
    log(
      `one raw SELECT of ${rows.length} rows by (transaction_id, position): ${Math.round(rows.length / (Number(process.hrtime.bigint() - t0) / 1e9))} ev/s`,
    );
    const t1 = process.hrtime.bigint();
    const { rows: r2 } = await pool.query(
      `SELECT event_id, stream_id, data::text, metadata::text FROM ${schema}.events ORDER BY transaction_id, position`,
    );
    log(`same, jsonb as text (no JSON.parse), 4 columns: ${Math.round(r2.length / (Number(process.hrtime.bigint() - t1) / 1e9))} ev/s`);
  } finally {
    await store.close();
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  }
}

void main();
