/*
 * Where the time of an append goes: the same 32-writer loads (single events, and batches of 100 for the
 * hash) against variants of the store's append_to_stream function, each a copy of the real one
 * (pg_get_functiondef) with one cost removed. Informational: the variants are NOT correct stores.
 */
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
  median,
  rate,
  record,
  recordError,
} from './common';

// Both hash calls: the single-event INSERT's and the batch loop's.
const withoutHash = (fn: string) =>
  fn
    .replace(/[a-z_0-9]+\.event_hash\(v_hash, p_ids\[1\][\s\S]*?p_metadatas\[1\]\)/, "'x'")
    .replace(/v_hash := [a-z_0-9]+\.event_hash\([\s\S]*?\);/, "v_hash := 'x';");
const withoutProbe = (fn: string) => fn.replace(/SELECT e\.hash INTO v_hash FROM[\s\S]*?END IF;/, '');

interface Variant {
  name: string;
  edit: (fn: string) => string;
  batched?: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'as shipped', edit: (fn) => fn, batched: true },
  { name: 'without the hash', edit: withoutHash, batched: true },
  { name: 'without the hash and the expected-version read', edit: (fn) => withoutProbe(withoutHash(fn)) },
];

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: PG_URL, max: 2 });
  const schemas: string[] = [];
  try {
    for (const [index, variant] of VARIANTS.entries()) {
      const schema = `bench_${RUN_ID}_bd${index}`;
      schemas.push(schema);
      const store = await createPostgresEventStore({ connectionString: PG_URL, schema, poolSize: WRITERS });
      try {
        const { rows } = await pool.query<{ def: string }>(`SELECT pg_get_functiondef('${schema}.append_to_stream'::regproc) AS def`);
        const edited = variant.edit(rows[0].def);
        if (index > 0 && edited === rows[0].def) throw new Error(`variant "${variant.name}" did not change the function`);
        await pool.query(edited);
        await concurrently(WRITERS, 2, (w, i) => store.append(`warm-${w}`, [benchEvent(`warm-${w}`, i)], { expectedVersion: i }));
        const samples: number[] = [];
        const cpuShare: number[] = [];
        for (let rep = 0; rep < REPS; rep++) {
          const cpu = process.cpuUsage();
          const start = process.hrtime.bigint();
          samples.push(
            await rate(WRITERS * APPENDS_PER_WRITER, () =>
              concurrently(WRITERS, APPENDS_PER_WRITER, (w, i) => {
                const stream = `single-${rep}-${w}`;
                return store.append(stream, [benchEvent(stream, i)], { expectedVersion: i });
              }),
            ),
          );
          const used = process.cpuUsage(cpu);
          cpuShare.push((used.user + used.system) / 1000 / (Number(process.hrtime.bigint() - start) / 1e6));
        }
        log(
          `breakdown "${variant.name}": ${samples.map(Math.round).join(', ')} ev/s; node CPU ${Math.round(median(cpuShare) * 100)}% of one core`,
        );
        record({
          figure: 'breakdown: append 1 event/call, 32 writers',
          side: index === 0 ? 'ours' : 'baseline',
          label: `append_to_stream ${variant.name}`,
          samples,
          note: `node process CPU ${Math.round(median(cpuShare) * 100)}% of one core`,
        });
        if (variant.batched) {
          const batched: number[] = [];
          for (let rep = 0; rep < REPS; rep++) {
            batched.push(
              await rate(WRITERS * BATCHES_PER_WRITER * BATCH, () =>
                concurrently(WRITERS, BATCHES_PER_WRITER, (w, i) => {
                  const stream = `batched-${rep}-${w}`;
                  return store.append(
                    stream,
                    Array.from({ length: BATCH }, (_, k) => benchEvent(stream, i * BATCH + k)),
                    { expectedVersion: i * BATCH },
                  );
                }),
              ),
            );
          }
          log(`breakdown batched "${variant.name}": ${batched.map(Math.round).join(', ')} ev/s`);
          record({
            figure: 'breakdown: append 100 events/call, 32 writers',
            side: index === 0 ? 'ours' : 'baseline',
            label: `append_to_stream ${variant.name}`,
            samples: batched,
          });
        }
      } finally {
        await store.close();
      }
    }
  } catch (error) {
    recordError('append breakdown', error);
    process.exitCode = 1;
  } finally {
    for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await pool.end();
  }
}

void main();
