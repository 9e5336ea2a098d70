/*
 * Section embedded-default (issue 17, section 5): `npm start`'s platform the way a newcomer uses it. The process
 * `npm start` ends in (tools/start.sh: `node -r ./tools/register.js deploy/embedded/main.ts`) is started as a
 * child on free ports (CEM_PORT=0) with a temporary data dir (CEM_DATA_DIR), the demo scenario on, so the four
 * services run on PGlite and the embedded document store with their data on disk. The benchmark drives it over
 * HTTP through the portal's gateway, as the portal does, with tokens of the demo people minted by the platform's
 * own issuer key (what `npm run token` does): Phủ Lý's officer drafts a dossier in the Hà Nam campaign and submits
 * it, Sở KH&CN's officer receives it (councils then opens its evaluation case, reporting archives every event).
 *
 * Figures: commands/s and per-command p50/p99 one sequence at a time and with BENCH_EMBEDDED_DEFAULT_CLIENTS
 * concurrent clients, the platform's CPU per command, and its memory (RSS, V8 heap) at start and after
 * BENCH_EMBEDDED_DEFAULT_EVENTS more events (default 100,000): drafts appended to submissions' store on disk while
 * the platform is stopped, then archived by the restarted platform itself (see "Seeding" below); the count is the
 * reporting archive's (`GET /audit/verify`: every context's events). The rate and latency are measured again then.
 * Then the restart a newcomer waits for: the platform is stopped and started again on the same data dir, once as it
 * is (read models loaded from their snapshot files, PGlite with a 16MB cache) and, unless
 * BENCH_EMBEDDED_DEFAULT_BASELINE_RESTART=0, once on the path before (CEM_READ_MODEL_SNAPSHOTS=off: every read model
 * rebuilt from the logs; CEM_PGLITE_SHARED_BUFFERS=128MB): seconds and CPU seconds until it answers, events handed to
 * the projections (the services' cem_projection_events_projected), RSS, and a fingerprint of a few reads (dossier
 * list, statistics, the archive's verification) that must equal the one taken before the stop.
 * Knobs: BENCH_EMBEDDED_DEFAULT_EVENTS, BENCH_EMBEDDED_DEFAULT_CLIENTS (default 8), BENCH_EMBEDDED_DEFAULT_SECONDS
 * (default 10 per measurement), BENCH_EMBEDDED_DEFAULT_BASELINE_RESTART (default 1).
 */
import 'reflect-metadata';
import { spawn, execFileSync, type ChildProcess } from 'child_process';
import { createHash } from 'crypto';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { createPgliteEventStore } from '@cem/event-store';
import { LocalIssuer, type MintRequest } from '@cem/identity';
import { ALL_PERSONAS } from '../../deploy/embedded/demo-personas';
import { DEMO_CAMPAIGN, DEMO_FIELD } from '../../deploy/embedded/demo-scenario';
import { env, log, record, recordError } from './common';
import { drafts } from './seed-drafts';

const ROOT = resolve(__dirname, '..', '..');
const TARGET_EVENTS = Number(env.BENCH_EMBEDDED_DEFAULT_EVENTS ?? 100_000);
const CLIENTS = Number(env.BENCH_EMBEDDED_DEFAULT_CLIENTS ?? 8);
const SECONDS = Number(env.BENCH_EMBEDDED_DEFAULT_SECONDS ?? 10);
const BASELINE_RESTART = env.BENCH_EMBEDDED_DEFAULT_BASELINE_RESTART !== '0';
const SEQUENTIAL = 100;
const FIGURE = 'embedded default (npm start)';

const DISTRICT = ALL_PERSONAS['district-officer-phu-ly'];
const AGENCY = ALL_PERSONAS['province-agency-khcn'];
const AUDITOR = ALL_PERSONAS.auditor;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
};
const mb = (bytes: number) => bytes / 1024 / 1024;

interface Platform {
  child: ChildProcess;
  url: string;
  metricsUrl: string;
  /** Every service's scraper listener (the process-wide figures are on each; per-service ones on its own). */
  metricsUrls: string[];
  exited: Promise<void>;
}

/** Starts `npm start`'s process and resolves once it printed its addresses (demo scenario set up). */
async function startPlatform(dataDir: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Platform> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, CEM_PORT: '0', CEM_DATA_DIR: dataDir, CEM_LOG_FORMAT: 'json', ...extraEnv };
  // A newcomer has none of the local servers' variables: the embedded default must not see them either.
  for (const name of Object.keys(childEnv)) if (/^CEM_(PG|KAFKA|MONGO|KEYCLOAK|OIDC|NAME_PREFIX)/.test(name)) delete childEnv[name];
  const child = spawn(process.execPath, ['-r', './tools/register.js', 'deploy/embedded/main.ts'], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  // The section's timeout (bench/run.sh) must not leave the platform running.
  process.once('SIGTERM', () => {
    child.kill('SIGKILL');
    process.exit(1);
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  return new Promise<Platform>((resolvePlatform, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (!out.includes('npm run token -- --demo')) {
        if (out.length > 1_000_000) out = out.slice(-100_000);
        return;
      }
      const url = [...out.matchAll(/Cổng thông tin \(portal\): (http:\/\/\S+)\s*$/gm)].map((m) => m[1]).find((u) => !u.endsWith(':0'));
      const metricsUrls = [...out.matchAll(/metrics for the scraper: (http:\/\/\S+?)\/metrics/g)].map((m) => m[1]);
      const metricsUrl = metricsUrls[0];
      child.stdout.off('data', onData);
      child.stdout.resume(); // request logs keep coming: drain them
      if (!url || !metricsUrl) {
        child.kill('SIGKILL');
        reject(new Error(`cannot read the platform's addresses from:\n${out.slice(-2000)}`));
      } else resolvePlatform({ child, url, metricsUrl, metricsUrls, exited });
    };
    child.stdout.on('data', onData);
    void exited.then(() => reject(new Error(`the platform exited before it was ready:\n${out.slice(-2000)}\n${err}`)));
  });
}

async function stopPlatform(platform: Platform): Promise<void> {
  platform.child.kill('SIGTERM');
  await Promise.race([platform.exited, sleep(30_000)]);
  if (platform.child.exitCode === null && platform.child.signalCode === null) platform.child.kill('SIGKILL');
  await platform.exited;
}

/** Resident set size of the process, from /proc (kB -> bytes). */
function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : NaN;
}

/** CPU seconds (user + system) the process used so far. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The V8 heap as the platform's own /metrics reports it (prom-client's default metrics, process-wide). */
async function heap(metricsUrl: string): Promise<{ used: number; total: number }> {
  const text = await (await fetch(`${metricsUrl}/metrics`)).text();
  // Labelled with the service's name; every service of the process reports the same heap.
  const value = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, 'm').exec(text)?.[1] ?? NaN);
  return { used: value('nodejs_heap_size_used_bytes'), total: value('nodejs_heap_size_total_bytes') };
}

/** Events the platform's projections were handed since it started (rebuilds and catch-up), over all services. */
async function eventsProjected(platform: Platform): Promise<number> {
  let total = 0;
  for (const url of platform.metricsUrls) {
    const text = await (await fetch(`${url}/metrics`)).text();
    total += Number(/^cem_projection_events_projected(?:\{[^}]*\})? (\S+)/m.exec(text)?.[1] ?? NaN);
  }
  return total;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cem-bench-embedded-default-'));
  let platform: Platform | undefined;
  try {
    const startedAt = nowMs();
    platform = await startPlatform(dataDir);
    const startSeconds = (nowMs() - startedAt) / 1000;
    let pid = platform.child.pid!;
    let { url, metricsUrl } = platform;
    log(`embedded default: started in ${startSeconds.toFixed(1)} s at ${url} (data in ${dataDir})`);

    const issuer = await LocalIssuer.loadOrCreate(join(dataDir, 'identity'));
    const tokens = new Map<MintRequest, string>();
    for (const who of [DISTRICT, AGENCY, AUDITOR]) tokens.set(who, await issuer.mint(who, '24h'));
    const year = new Date().getFullYear();
    const call = async (who: MintRequest, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${tokens.get(who)}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
      return text ? (JSON.parse(text) as Record<string, unknown>) : {};
    };

    let n = 0;
    const commandMs: number[] = [];
    /** Draft, submit, receive: the three commands of a newcomer's first walk, each timed. */
    const sequence = async (): Promise<number> => {
      const dossierId = `bd-${process.pid}-${n++}`;
      const steps: Array<[MintRequest, string, unknown]> = [
        [
          DISTRICT,
          '/api/submissions/dossiers',
          {
            dossierId,
            campaignId: DEMO_CAMPAIGN,
            year,
            fieldCode: DEMO_FIELD,
            type: 'initiative',
            title: `Sáng kiến số hóa thủ tục hành chính ${n}`,
            summary: 'Ứng dụng công nghệ số trong tiếp nhận và trả kết quả hồ sơ tại địa phương.',
            applicantKind: 'individual',
            authors: [{ name: 'Trịnh Văn Bảo' }],
            owners: [],
            attachments: [],
          },
        ],
        [DISTRICT, `/api/submissions/dossiers/${dossierId}/submit`, {}],
        [AGENCY, `/api/submissions/dossiers/${dossierId}/receive`, {}],
      ];
      const t0 = nowMs();
      for (const [who, path, body] of steps) {
        const t = nowMs();
        await call(who, 'POST', path, body);
        commandMs.push(nowMs() - t);
      }
      return nowMs() - t0;
    };
    /** Every context's events, as the reporting archive holds them once it caught up. */
    const archived = async () => Number((await call(AUDITOR, 'GET', '/api/reporting/audit/verify')).eventsChecked);
    const settledCount = async () => {
      let last = -1;
      for (;;) {
        const count = await archived();
        if (count === last) return count;
        last = count;
        await sleep(1000);
      }
    };

    // The campaign's read model is eventually consistent after the demo scenario: retry the first walk.
    for (const deadline = Date.now() + 60_000; ;) {
      try {
        await sequence();
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(200);
      }
    }
    for (let i = 0; i < 20; i++) await sequence();
    const startEvents = await settledCount();
    const startRss = rssBytes(pid);
    const startHeap = await heap(metricsUrl);
    log(
      `embedded default: ${startEvents} events after warm-up; RSS ${mb(startRss).toFixed(0)} MB, heap used ${mb(startHeap.used).toFixed(0)} MB`,
    );

    /** One walk at a time, then CLIENTS concurrent clients for SECONDS: rate, latency, the platform's CPU per command. */
    const measure = async (stage: string) => {
      commandMs.length = 0;
      const seqMs: number[] = [];
      for (let i = 0; i < SEQUENTIAL; i++) seqMs.push(await sequence());
      const sequential = [...commandMs];
      record({
        figure: `${FIGURE}: one command at a time, ${stage}`,
        side: 'ours',
        label: `p50 per command; p99 ${percentile(sequential, 99).toFixed(1)} ms; draft-submit-receive p50 ${percentile(seqMs, 50).toFixed(1)} ms`,
        samples: [percentile(sequential, 50)],
        unit: 'ms',
        note: `${SEQUENTIAL} draft-submit-receive walks through the gateway, one after the other`,
      });
      commandMs.length = 0;
      const cpu0 = cpuSeconds(pid);
      const t0 = nowMs();
      const until = t0 + SECONDS * 1000;
      let errors = 0;
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (nowMs() < until) await sequence().catch(() => errors++);
        }),
      );
      const seconds = (nowMs() - t0) / 1000;
      const cpuMs = ((cpuSeconds(pid) - cpu0) * 1000) / commandMs.length;
      const rate = commandMs.length / seconds;
      record({
        figure: `${FIGURE}: ${CLIENTS} clients, ${stage}`,
        side: 'ours',
        label: `commands/s; p50 ${percentile(commandMs, 50).toFixed(1)} ms, p99 ${percentile(commandMs, 99).toFixed(1)} ms; ${cpuMs.toFixed(1)} ms CPU per command${errors ? `; ${errors} errors` : ''}`,
        samples: [rate],
        unit: 'cmd/s',
        note: `closed loop, ${CLIENTS} clients each walking draft-submit-receive for ${SECONDS} s`,
      });
      return rate;
    };
    await measure(`${startEvents} events`);

    // Seeding. Over HTTP the platform takes tens of ms of CPU per command (figures above), so 100,000 events that
    // way would take hours here. Instead the platform is stopped, TARGET_EVENTS dossier drafts of Phủ Lý's officer
    // are appended to submissions' own store on disk (PGlite, appendNewStreams in batches of 1,000: the event
    // store's API, as bench/src/portal.ts does), and `npm start`'s process is started again on that data dir:
    // it rebuilds its read models (kept in memory) and its relay, the in-process bus and reporting's consumer
    // archive every draft, all on the platform's own paths. Memory is read once the archive holds them all.
    await stopPlatform(platform);
    platform = undefined;
    const seedStart = nowMs();
    const submissionsStore = await createPgliteEventStore({ dataDir: join(dataDir, 'submissions', 'pg'), schema: 'submissions' });
    try {
      const all = drafts(TARGET_EVENTS, year);
      for (let i = 0; i < all.length; i += 1000) {
        await submissionsStore.appendNewStreams(all.slice(i, i + 1000).map(({ streamId, event }) => ({ ...event, streamId })));
      }
    } finally {
      await submissionsStore.close();
    }
    const seedSeconds = (nowMs() - seedStart) / 1000;
    log(`embedded default: ${TARGET_EVENTS} drafts appended to submissions' store in ${seedSeconds.toFixed(0)} s`);
    const restartAt = nowMs();
    platform = await startPlatform(dataDir);
    const restartSeconds = (nowMs() - restartAt) / 1000;
    ({ url, metricsUrl } = platform);
    pid = platform.child.pid!;
    const cpuAtRestart = cpuSeconds(pid);
    const expected = startEvents + SEQUENTIAL * 3 + TARGET_EVENTS;
    let events = 0;
    const deadline = Date.now() + 40 * 60_000;
    for (let last = -1; (events < TARGET_EVENTS + startEvents || events !== last) && Date.now() < deadline;) {
      last = events;
      await sleep(10_000);
      events = await archived().catch(() => 0);
      log(`embedded default: after restart, ${events} events archived (of about ${expected})`);
    }
    const catchUpSeconds = (nowMs() - restartAt) / 1000;
    record({
      figure: `${FIGURE}: restart on ${events} events until reporting archived them all`,
      side: 'ours',
      label: `s (the process answers after ${restartSeconds.toFixed(0)} s); ${(((cpuSeconds(pid) - cpuAtRestart) * 1000) / TARGET_EVENTS).toFixed(2)} ms CPU per seeded event after that`,
      samples: [catchUpSeconds],
      unit: 's',
      note: `${TARGET_EVENTS} drafts appended to submissions' store while stopped (${seedSeconds.toFixed(0)} s)`,
    });
    const seeded = events;
    await sleep(5000);
    const rss = rssBytes(pid);
    const heapNow = await heap(metricsUrl);
    const disk = Number(execFileSync('du', ['-sk', dataDir]).toString().split('\t')[0]) * 1024;
    record({
      figure: `${FIGURE}: memory after ${seeded} events`,
      side: 'ours',
      label: `RSS MB; V8 heap used ${mb(heapNow.used).toFixed(0)} MB of ${mb(heapNow.total).toFixed(0)} MB; data dir ${mb(disk).toFixed(0)} MB on disk`,
      samples: [mb(rss)],
      unit: 'MB',
      note: `at start (${startEvents} events): RSS ${mb(startRss).toFixed(0)} MB, heap used ${mb(startHeap.used).toFixed(0)} MB of ${mb(startHeap.total).toFixed(0)} MB`,
    });
    await measure(`${seeded} events`);

    // The restart a newcomer waits for, on kept read models and on the path before; both must serve what the
    // platform served before the stop. The reads go through caughtUp() where the routes do (statistics, verify).
    const fingerprint = async () => {
      const parts: string[] = [];
      const statuses: number[] = [];
      for (const [who, path] of [
        [DISTRICT, '/api/submissions/dossiers?limit=50'],
        [AUDITOR, '/api/reporting/statistics'],
        [AUDITOR, '/api/reporting/audit/verify'],
      ] as Array<[MintRequest, string]>) {
        const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${tokens.get(who)}` } });
        statuses.push(res.status);
        parts.push(`${path} ${res.status} ${res.headers.get('x-total-count') ?? ''} ${await res.text()}`);
      }
      log(`embedded default: fingerprint reads answered ${statuses.join(', ')}`);
      return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
    };
    const live = await fingerprint();
    const restart = async (label: string, extraEnv: NodeJS.ProcessEnv) => {
      await stopPlatform(platform!);
      platform = undefined;
      const t0 = nowMs();
      platform = await startPlatform(dataDir, extraEnv);
      const answersAfter = (nowMs() - t0) / 1000;
      ({ url, metricsUrl } = platform);
      pid = platform.child.pid!;
      const cpu = cpuSeconds(pid); // the whole process so far: start, load or rebuild, demo check
      const replayed = await eventsProjected(platform);
      const rssNow = rssBytes(pid);
      const heapAt = await heap(metricsUrl);
      const same = (await fingerprint()) === live;
      record({
        figure: `${FIGURE}: restart on ${seeded} events, ${label}`,
        side: label.startsWith('before') ? 'baseline' : 'ours',
        label: `s until it answers; ${cpu.toFixed(1)} CPU s; ${replayed} events projected; RSS ${mb(rssNow).toFixed(0)} MB, heap used ${mb(heapAt.used).toFixed(0)} MB; reads ${same ? 'equal' : 'DIFFER from'} those before the stop`,
        samples: [answersAfter],
        unit: 's',
        note: Object.keys(extraEnv).length
          ? Object.entries(extraEnv)
              .map(([k, v]) => `${k}=${v}`)
              .join(' ')
          : 'as `npm start` runs',
      });
      if (!same) throw new Error(`reads after the restart (${label}) differ from those before the stop`);
    };
    await restart('read models kept on disk', {});
    if (BASELINE_RESTART) {
      await restart('before (read models rebuilt from the logs, 128MB PGlite cache)', {
        CEM_READ_MODEL_SNAPSHOTS: 'off',
        CEM_PGLITE_SHARED_BUFFERS: '128MB',
      });
    }
  } catch (error) {
    recordError(FIGURE, error);
    process.exitCode = 1;
  } finally {
    if (platform) await stopPlatform(platform);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
