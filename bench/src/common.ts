/* Shared helpers of the benchmark sections: configuration, timing, events, results file. */
import { appendFileSync, mkdirSync } from 'fs';
import { dirname, join } from 'path';
import { randomUUID } from 'crypto';
import type { NewEvent } from '@cem/contracts';

export const env = process.env;
export const PG_URL = env.CEM_PG_URL ?? 'postgres://cem:cem@127.0.0.1:5432/cem';
export const MONGO_URL = env.CEM_MONGO_URL ?? 'mongodb://127.0.0.1:27017';
/** Unique per `npm run bench`: names schemas, databases and topics. */
export const RUN_ID = env.BENCH_RUN_ID ?? `r${Date.now().toString(36)}`;
export const REPS = int('BENCH_REPS', 3);
export const WRITERS = int('BENCH_WRITERS', 32);
/** Single-event appends per writer per repetition. */
export const APPENDS_PER_WRITER = int('BENCH_APPENDS_PER_WRITER', 100);
export const BATCH = 100;
/** Batched calls per writer per repetition. */
export const BATCHES_PER_WRITER = int('BENCH_BATCHES_PER_WRITER', 10);
/** Size of the log for catch-up and rebuild. */
export const EVENTS = int('BENCH_EVENTS', 200_000);
export const RELAY_EVENTS = int('BENCH_RELAY_EVENTS', Math.min(EVENTS, 50_000));
export const EMBEDDED_EVENTS = int('BENCH_EMBEDDED_EVENTS', Math.min(EVENTS, 50_000));
export const NAIVE_EVENTS = int('BENCH_NAIVE_EVENTS', 2_000);
/** Events per stream when populating a log (so a rebuild writes EVENTS / STREAM_LENGTH documents). */
export const STREAM_LENGTH = int('BENCH_STREAM_LENGTH', 20);
export const RESULTS_FILE = env.BENCH_RESULTS ?? join(__dirname, '..', 'results', `${RUN_ID}.jsonl`);

function int(name: string, fallback: number): number {
  const v = env[name];
  return v ? Number.parseInt(v, 10) : fallback;
}

export interface Measurement {
  /** Row key: "figure" of the table. */
  figure: string;
  side: 'ours' | 'baseline';
  label: string;
  /** events/s of each repetition (or values in `unit`). */
  samples: number[];
  /** Unit of the samples when not events/s (e.g. "ms"); printed next to the figure. */
  unit?: string;
  target?: string;
  note?: string;
}

export function record(m: Measurement): void {
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  appendFileSync(RESULTS_FILE, JSON.stringify(m) + '\n');
  log(
    `${m.figure} [${m.side}] ${m.label}: ${m.samples.map((s) => Math.round(s)).join(', ')} ${m.unit ?? 'ev/s'} (median ${Math.round(median(m.samples))})`,
  );
}

export function recordError(figure: string, error: unknown): void {
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  appendFileSync(RESULTS_FILE, JSON.stringify({ figure, error: String((error as Error)?.stack ?? error).slice(0, 500) }) + '\n');
  log(`${figure} FAILED: ${String(error)}`);
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Runs `body` and returns events/s. */
export async function rate(events: number, body: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await body();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return events / seconds;
}

export async function repeat(times: number, body: (rep: number) => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  for (let rep = 0; rep < times; rep++) samples.push(await body(rep));
  return samples;
}

/** Runs `writers` concurrent loops of `perWriter` calls each. */
export async function concurrently(
  writers: number,
  perWriter: number,
  call: (writer: number, i: number) => Promise<unknown>,
): Promise<void> {
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < perWriter; i++) await call(w, i);
    }),
  );
}

const ACTOR = {
  id: 'bench-user',
  name: 'Bench User',
  role: 'unit-officer',
  unitId: 'unit-001',
  level: 'district',
  unitPath: ['central', 'province-01', 'district-001'],
};

/** A realistic dossier-ish event, ~400 bytes of JSON. */
export function benchEvent(streamId: string, n: number): NewEvent & { id: string } {
  return {
    id: randomUUID(),
    type: n % 3 === 0 ? 'DossierSubmitted' : n % 3 === 1 ? 'DossierScored' : 'DossierForwarded',
    data: {
      dossierId: streamId,
      campaignId: `campaign-${n % 17}`,
      title: `Sáng kiến cải tiến quy trình số ${n}`,
      score: (n * 7) % 100,
      authors: ['Nguyễn Văn A', 'Trần Thị B'],
      field: 'administration',
    },
    metadata: {
      actor: ACTOR as never,
      occurredAt: new Date(1_700_000_000_000 + n * 1000).toISOString(),
      correlationId: randomUUID(),
      source: 'bench',
    },
  };
}

/** Fills a store with `count` events, STREAM_LENGTH per stream, in batched appends from 8 writers. */
export async function populate(
  store: { append(streamId: string, events: NewEvent[], options?: { expectedVersion?: number }): Promise<unknown> },
  count: number,
  prefix: string,
  writers = 8,
): Promise<number> {
  const streams = Math.ceil(count / STREAM_LENGTH);
  let next = 0;
  let written = 0;
  return rate(count, () =>
    Promise.all(
      Array.from({ length: writers }, async () => {
        for (let s = next++; s < streams; s = next++) {
          const stream = `${prefix}-${s}`;
          const length = Math.min(STREAM_LENGTH, count - s * STREAM_LENGTH);
          await store.append(
            stream,
            Array.from({ length }, (_, k) => benchEvent(stream, s * STREAM_LENGTH + k)),
            { expectedVersion: 0 },
          );
          written += length;
          if (written % 50_000 < length) log(`populated ${written}/${count}`);
        }
      }),
    ),
  );
}

/** The projection rebuilt by the benchmark: one summary document per stream (dossier). */
export interface DossierSummary {
  _id: string;
  campaignId: string;
  events: number;
  lastType: string;
  totalScore: number;
  [field: string]: unknown;
}

export const summaryEventTypes = ['DossierSubmitted', 'DossierScored', 'DossierForwarded'];

export function applySummary(doc: DossierSummary | null, event: { type: string; data: unknown }, id: string): DossierSummary {
  const data = event.data as { campaignId: string; score: number };
  return {
    _id: id,
    campaignId: data.campaignId,
    events: (doc?.events ?? 0) + 1,
    lastType: event.type,
    totalScore: (doc?.totalScore ?? 0) + data.score,
  };
}
