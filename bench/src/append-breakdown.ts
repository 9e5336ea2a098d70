/*
 * Where the time of a single-event append goes: the same 32-writer single-event load against variants of
 * the store's append_to_stream function, each a copy of the real one (pg_get_functiondef) with one cost
 * removed. Informational: the variants are NOT correct stores, they only attribute cost.
 */
import 'reflect-metadata';
import { Pool } from 'pg';
import { createPostgresEventStore } from '@cem/event-store';
import { APPENDS_PER_WRITER, PG_URL, REPS, RUN_ID, WRITERS, benchEvent, concurrently, log, median, rate, record, recordError } from './common';

interface Variant { name: string; edit: (fn: string) => string }

const withoutHash = (fn: string) => fn.replace(/[a-z_0-9]+\.event_hash\(v_hash, p_ids\[1\][\s\S]*?p_metadatas\[1\]\)/, "'x'");
const withoutProbe = (fn: string) => fn.replace(/SELECT e\.hash INTO v_hash FROM[\s\S]*?END IF;/, '');

const VARIANTS: Variant[] = [
  { name: 'as shipped', edit: (fn) => fn },
  { name: 'without the hash', edit: withoutHash },
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
        const { rows } = await pool.query(`SELECT pg_get_functiondef('${schema}.append_to_stream'::regproc) AS def`);
        const edited = variant.edit(rows[0].def as string);
        if (index > 0 && edited === rows[0].def) throw new Error(`variant "${variant.name}" did not change the function`);
        await pool.query(edited);
        await concurrently(WRITERS, 2, (w, i) => store.append(`warm-${w}`, [benchEvent(`warm-${w}`, i)], { expectedVersion: i }));
        const samples: number[] = [];
        const cpuShare: number[] = [];
        for (let rep = 0; rep < REPS; rep++) {
          const cpu = process.cpuUsage();
          const start = process.hrtime.bigint();
          samples.push(await rate(WRITERS * APPENDS_PER_WRITER, () => concurrently(WRITERS, APPENDS_PER_WRITER, (w, i) => {
            const stream = `single-${rep}-${w}`;
            return store.append(stream, [benchEvent(stream, i)], { expectedVersion: i });
          })));
          const used = process.cpuUsage(cpu);
          cpuShare.push((used.user + used.system) / 1000 / (Number(process.hrtime.bigint() - start) / 1e6));
        }
        log(`breakdown "${variant.name}": ${samples.map(Math.round).join(', ')} ev/s; node CPU ${Math.round(median(cpuShare) * 100)}% of one core`);
        record({
          figure: 'breakdown: append 1 event/call, 32 writers',
          side: index === 0 ? 'ours' : 'baseline',
          label: `append_to_stream ${variant.name}`,
          samples,
          note: `node process CPU ${Math.round(median(cpuShare) * 100)}% of one core`,
        });
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
