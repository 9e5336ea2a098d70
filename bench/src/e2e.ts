/*
 * Section 5, end to end: a command's HTTP acceptance (201 of POST /dossiers on submissions) to the event showing up
 * downstream in ANOTHER service (reporting's archive store, fed through the relay, Kafka and reporting's consumer).
 * Open loop: commands are sent on a fixed schedule regardless of responses; a subscription on reporting's global log
 * (woken by its notifications, as every subscriber in the platform is) matches dossier streams to their acceptance time.
 * Each service runs in its own process, as deployed (see service-processes.ts); this process only sends and follows.
 * Knobs: BENCH_E2E_RATES (default "50 100 200 500" commands/s), BENCH_E2E_SECONDS (default 5 per rate),
 * BENCH_E2E_PATHS (default "unbatched batched"): the whole section runs once per command path, the services
 * started afresh with CEM_COMMAND_PATH set (libs/service-kit run-from-env.ts), so before and after come from one run.
 * An entry `label=/some/checkout` runs that checkout's services instead (on its batched path), e.g.
 * `BENCH_E2E_PATHS="before=/tmp/before batched"` with /tmp/before a `git worktree` of an older commit whose
 * node_modules link to this one's: before and after of code that has no switch, still in one run.
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { cpus, tmpdir } from 'os';
import { join } from 'path';
import { fetchPost, HCM, mintTokens, setUpHcmCampaign } from '../../libs/testing/src/scenario'; // a relative path: tools/register.js resolves package names, not tsconfig subpaths
import { env, log, record as recordResult, recordError } from './common';
import { startServiceProcesses, type ServiceProcesses } from './service-processes';
import { cpuDelta, cpuSecondsByGroup, type Grouper } from './cpu-usage';

const RATES = (env.BENCH_E2E_RATES ?? '50 100 200 500')
  .split(/[\s,]+/)
  .filter(Boolean)
  .map(Number);
const SECONDS = Number(env.BENCH_E2E_SECONDS ?? 5);
const LIMIT_MS = 100;
const TARGET = { rate: 500, p99: 50 };
const DRAIN_MS = 30_000;
const PATHS = (env.BENCH_E2E_PATHS ?? 'unbatched batched').split(/[\s,]+/).filter(Boolean);

const CAMPAIGN = 'bench-e2e';

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/** Setup steps that read an eventually consistent read model (mandates, campaign): retried for up to 30 s. */
async function retrying<T>(step: () => Promise<T>): Promise<T> {
  for (const deadline = Date.now() + 30_000; ;) {
    try {
      return await step();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}

async function main(): Promise<void> {
  for (const commandPath of PATHS) await runPath(commandPath);
}

async function runPath(entry: string): Promise<void> {
  const [commandPath, checkout] = entry.split('=');
  log(`e2e: command path "${commandPath}"${checkout ? ` (the services of ${checkout})` : ' (CEM_COMMAND_PATH)'}`);
  process.env.CEM_COMMAND_PATH = checkout ? 'batched' : commandPath; // inherited by the service processes
  const record = (m: Parameters<typeof recordResult>[0]) => recordResult({ ...m, figure: `${m.figure} [${commandPath} path]` });
  const dataDir = mkdtempSync(join(tmpdir(), 'cem-bench-e2e-'));
  process.env.CEM_DATA_DIR = dataDir;
  let services: ServiceProcesses | undefined;
  try {
    services = await startServiceProcesses(['submissions', 'reporting'], checkout);
    const p = services;
    const url = p.url('submissions');
    const tokens = await mintTokens(p.issuer, Object.values(HCM));
    const post = fetchPost(() => url, tokens);

    // The scenario of services/submissions/test/submissions.e2e-spec.ts (libs/testing scenario): the access policy
    // (docs/security.md) lets the city's board launch for the city and Bình Chánh's Phòng Nội vụ organise the
    // district's part only by a mandate (ủy quyền); the steps wait for the mandates and campaign read models.
    await setUpHcmCampaign(post, { campaignId: CAMPAIGN, name: 'Bench campaign', planNumber: '1/KH-BENCH', retry: retrying });

    let n = 0;
    const draft = () =>
      post(HCM.tanKien, '/dossiers', {
        campaignId: CAMPAIGN,
        year: 2024,
        fieldCode: 'khcn',
        type: 'initiative',
        title: `Sáng kiến bench ${n++}`,
        summary: 'Rút ngắn thời gian tiếp nhận hồ sơ hành chính tại xã',
        applicantKind: 'collective',
        authors: [{ name: 'Nguyễn Văn Đức', personId: 'p-duc', role: 'Chủ nhiệm' }],
        owners: [{ name: 'UBND xã Tân Kiên', share: 100 }],
        attachments: [],
      });
    // The campaign read model is eventually consistent: retry the first draft until it is accepted.
    await retrying(draft);

    const store = p.store('reporting');
    const after = await store.headPosition();
    const accepted = new Map<string, number>(); // dossierId -> time the 201 arrived
    const sent = new Map<string, number>(); // dossierId -> time the request was sent
    const seenEarly = new Map<string, number>(); // archived before its response was read
    const latencies: number[] = [];
    const fullLatencies: number[] = [];
    // Stage split (wall clock, ms): when the event became readable in submissions' own log, and when
    // reporting's archive transaction started (its recordedAt). Both are approximate to a poll period.
    const sourceVisible = new Map<string, number>();
    const stages = { acceptToSource: [] as number[], sourceToArchive: [] as number[], archiveToSeen: [] as number[] };
    const wallOffset = Date.now() - nowMs();
    // Both logs are followed the way every subscriber in the platform follows one: a catch-up subscription
    // woken by the store's notifications (polling every 5 ms cost this process a sixth of a core at idle).
    const sourceStore = p.store('submissions');
    const sourceFollower = sourceStore.subscribe({
      after: await sourceStore.headPosition(),
      batchSize: 1000,
      handler: (batch) => {
        const t = nowMs();
        for (const e of batch) if (e.type.endsWith('DossierDrafted')) sourceVisible.set(e.streamId, t);
        return Promise.resolve();
      },
    });
    const follower = store.subscribe({
      after,
      batchSize: 1000,
      handler: (batch) => {
        const t = nowMs();
        for (const e of batch) {
          const id = (e.data as { dossierId?: string })?.dossierId ?? e.streamId.replace(/^dossier-/, '');
          const acc = accepted.get(id);
          if (acc !== undefined) {
            const visible = sourceVisible.get(e.streamId);
            const archivedAt = Date.parse(e.recordedAt) - wallOffset;
            if (visible !== undefined) {
              stages.acceptToSource.push(visible - acc);
              stages.sourceToArchive.push(archivedAt - visible);
            }
            stages.archiveToSeen.push(t - archivedAt);
            latencies.push(Math.max(0, t - acc));
            fullLatencies.push(t - sent.get(id)!);
            accepted.delete(id);
          } else if (e.type.endsWith('DossierDrafted')) seenEarly.set(id, t);
        }
        return Promise.resolve();
      },
    });

    // Warm-up: make sure the relay and reporting's consumer are running end to end.
    const warm = (await draft()).dossierId as string;
    accepted.set(warm, nowMs());
    sent.set(warm, nowMs());
    const warmDeadline = Date.now() + 60_000;
    while (accepted.has(warm) && Date.now() < warmDeadline) await sleep(20);
    if (accepted.has(warm)) throw new Error('warm-up dossier never reached reporting');
    log(`e2e warm-up: ${latencies[0].toFixed(1)} ms`);

    // Closed loop, one command at a time: the HTTP round trip of POST /dossiers without any queueing.
    const roundTrips: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = nowMs();
      accepted.set((await draft()).dossierId as string, nowMs());
      roundTrips.push(nowMs() - t0);
    }
    roundTrips.sort((a, b) => a - b);
    log(
      `e2e sequential POST /dossiers round trip: p50 ${percentile(roundTrips, 50).toFixed(1)} ms, p99 ${percentile(roundTrips, 99).toFixed(1)} ms`,
    );
    record({
      figure: 'e2e: POST /dossiers round trip, one at a time (200 cmds)',
      side: 'ours',
      label: `p50; p99 ${percentile(roundTrips, 99).toFixed(1)} ms`,
      samples: [percentile(roundTrips, 50)],
      unit: 'ms',
      note: 'informational: the command path alone, no queueing',
    });
    await sleep(1000);

    const groups = new Map<number, string>([[process.pid, 'bench (load + followers)']]);
    for (const context of ['submissions', 'reporting']) groups.set(p.pid(context)!, `${context} service`);
    const SERVERS: Record<string, string> = { postgres: 'PostgreSQL', 'cem-ferretdb': 'FerretDB' };
    // Kafka and Keycloak are both `java`: only Kafka's main class counts (an idle Keycloak was counted as Kafka before).
    const javaGroups = new Map<number, string | undefined>();
    const javaGroup = (pid: number) => {
      if (!javaGroups.has(pid)) {
        let cmdline = '';
        try {
          cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        } catch {
          // exited meanwhile
        }
        javaGroups.set(pid, cmdline.includes('kafka.Kafka') ? 'Kafka' : undefined);
      }
      return javaGroups.get(pid);
    };
    const grouper: Grouper = (pid, comm) => groups.get(pid) ?? (comm === 'java' ? javaGroup(pid) : SERVERS[comm]);

    const idleBefore = cpuSecondsByGroup(grouper);
    await sleep(3000);
    const idle = cpuDelta(idleBefore, cpuSecondsByGroup(grouper));
    log(`e2e idle CPU over 3 s: ${[...idle].map(([name, s]) => `${name} ${((s / 3) * 100).toFixed(0)}%`).join(', ')}`);

    let best: number | undefined;
    for (const rate of RATES) {
      latencies.length = 0;
      fullLatencies.length = 0;
      Object.values(stages).forEach((list) => (list.length = 0));
      accepted.clear();
      sent.clear();
      const count = Math.round(rate * SECONDS);
      const interval = 1000 / rate;
      let errors = 0;
      const inflight: Promise<void>[] = [];
      const cpuBefore = cpuSecondsByGroup(grouper);
      const start = nowMs();
      for (let i = 0; i < count; i++) {
        const due = start + i * interval;
        const wait = due - nowMs();
        if (wait > 1) await sleep(wait);
        const t0 = nowMs();
        inflight.push(
          draft().then(
            (body) => {
              const id = body.dossierId as string;
              const t1 = nowMs();
              sent.set(id, t0);
              const early = seenEarly.get(id);
              if (early !== undefined) {
                seenEarly.delete(id);
                latencies.push(0);
                fullLatencies.push(early - t0);
              } else accepted.set(id, t1);
            },
            (error) => {
              if (errors++ < 3) log(`e2e command failed: ${String(error)}`);
            },
          ),
        );
      }
      const sendSeconds = (nowMs() - start) / 1000;
      await Promise.all(inflight);
      const deadline = Date.now() + DRAIN_MS;
      while (accepted.size && Date.now() < deadline) await sleep(20);
      const lost = accepted.size;
      const wall = (nowMs() - start) / 1000;
      const cpu = cpuDelta(cpuBefore, cpuSecondsByGroup(grouper));
      const cpuTotal = [...cpu.values()].reduce((a, b) => a + b, 0);
      log(
        `e2e [${commandPath}] ${rate}/s CPU per command: ${[...cpu].map(([name, s]) => `${name} ${((s * 1000) / count).toFixed(2)} ms`).join(', ')}; ` +
          `total ${((cpuTotal * 1000) / count).toFixed(2)} ms (${(cpuTotal / wall).toFixed(2)} of ${cpus().length} cores busy on average)`,
      );
      if (rate === RATES[0]) {
        record({
          figure: `e2e: CPU time per command at ${rate} cmd/s, all processes`,
          side: 'ours',
          label: [...cpu].map(([name, s]) => `${name} ${((s * 1000) / count).toFixed(2)}`).join(', '),
          samples: [(cpuTotal * 1000) / count],
          unit: 'ms',
          note: `informational: ${(cpuTotal / wall).toFixed(2)} cores busy over ${wall.toFixed(1)} s`,
        });
      }
      const sorted = [...latencies].sort((a, b) => a - b);
      const full = [...fullLatencies].sort((a, b) => a - b);
      const p50 = percentile(sorted, 50);
      const p99 = lost || errors ? Infinity : percentile(sorted, 99);
      const held = p99 < LIMIT_MS;
      if (held && (best === undefined || rate > best)) best = rate;
      const achieved = count / sendSeconds;
      log(
        `e2e [${commandPath}] ${rate}/s: sent ${count} in ${sendSeconds.toFixed(2)} s (${achieved.toFixed(0)}/s), errors ${errors}, not arrived ${lost}; ` +
          `accept->reporting p50 ${p50.toFixed(1)} p99 ${percentile(sorted, 99).toFixed(1)} ms; send->reporting p50 ${percentile(full, 50).toFixed(1)} p99 ${percentile(full, 99).toFixed(1)} ms`,
      );
      const stageP50 = (list: number[]) =>
        percentile(
          [...list].sort((a, b) => a - b),
          50,
        ).toFixed(1);
      log(
        `e2e [${commandPath}] ${rate}/s stages p50: accept->source log ${stageP50(stages.acceptToSource)} ms, source log->archive commit ` +
          `${stageP50(stages.sourceToArchive)} ms, archive commit->seen ${stageP50(stages.archiveToSeen)} ms`,
      );
      record({
        figure: `e2e: POST /dossiers accepted -> reporting archive, ${rate} cmd/s offered (${count} cmds)`,
        side: 'ours',
        label: `p99; p50 ${p50.toFixed(1)} ms; send->archive p50/p99 ${percentile(full, 50).toFixed(0)}/${percentile(full, 99).toFixed(0)} ms`,
        samples: [percentile(sorted, 99)],
        unit: 'ms',
        note:
          `${held ? `p99 < ${LIMIT_MS} ms` : `p99 >= ${LIMIT_MS} ms`}; sent at ${achieved.toFixed(0)}/s${errors ? `; ${errors} HTTP errors` : ''}${lost ? `; ${lost} never arrived in ${DRAIN_MS / 1000} s` : ''}` +
          (rate === TARGET.rate ? `; target p99 < ${TARGET.p99} ms: ${p99 < TARGET.p99 ? 'MET' : 'MISSED'}` : ''),
      });
      await sleep(1000);
    }
    record({
      figure: `e2e: highest offered rate with p99 < ${LIMIT_MS} ms (of ${RATES.join(', ')} cmd/s)`,
      side: 'ours',
      label: 'cmd/s',
      samples: [best ?? 0],
      unit: 'cmd/s',
      note: best === undefined ? 'none held' : `target p99 < ${TARGET.p99} ms at ${TARGET.rate} cmd/s: see row above`,
    });
    await Promise.all([follower.stop(), sourceFollower.stop()]);
  } catch (error) {
    recordError(`e2e [${commandPath} path]`, error);
    process.exitCode = 1;
  } finally {
    await services?.stop().catch((e) => log(`e2e stop: ${String(e)}`));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().then(() => process.exit());
