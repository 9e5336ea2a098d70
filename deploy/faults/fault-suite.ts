/*
 * The fault-injection suite (npm run test:faults, through deploy/faults/run.sh which starts this suite's own
 * servers). The four services run as separate processes, as deployed, under one CEM_NAME_PREFIX; a load of
 * dossier drafts goes to submissions throughout, and faults are injected one after the other:
 * kill -9 of each service, SIGTERM, Kafka stopped and restarted, PostgreSQL restarted, two replicas of
 * submissions at once, a duplicated and a malformed Kafka message. Then the counts: offered, accepted,
 * stored, published (read committed), archived (reporting), projected; and rebuild-equals-live for every
 * service. Exit 1 when anything was lost or duplicated, a command got a 5xx other than 503, or a read model
 * differs from a replay. Figures go to stdout as a markdown table (copied into docs/reliability.md).
 */
import 'reflect-metadata';
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import { mkdtempSync, openSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { deadLetterTopic, eventsTopic, type Actor } from '@cem/contracts';
import { createPostgresEventStore } from '@cem/event-store';
import { LocalIssuer } from '@cem/identity';
import { CE, kafkaBrokersFromEnv } from '@cem/messaging';
import { createMongoDocumentStore, verifyRebuild } from '@cem/read-models';
import { distributedNames } from '@cem/service-kit';
import { actorAt, path } from '../../services/submissions/src/shared/actors.fixtures';
import { PLATFORM_SERVICES } from '../embedded/services';

const ROOT = join(__dirname, '..', '..');
const PG_URL = process.env.CEM_PG_URL!;
const MONGO_URL = process.env.CEM_MONGO_URL!;
const RATE = Number(process.env.CEM_FAULT_RATE ?? 20); // drafts per second
const CONTEXTS = ['submissions', 'councils', 'recognition', 'reporting'] as const;
const PREFIX = `f${randomBytes(3).toString('hex')}_`;
const DIR = mkdtempSync(join(tmpdir(), 'cem-faults-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => console.log(`[faults ${new Date().toISOString().slice(11, 19)}] ${line}`);

const ADMIN = actorAt('admin', 'central', path('central'));
const CITY_BOARD = actorAt('emulation-board', 'province', path('hcm'));
const DISTRICT_OFFICER = actorAt('unit-officer', 'district', path('binhChanh'));
const TAN_KIEN = actorAt('unit-officer', 'commune', path('tanKien'));
const CAMPAIGN = 'fault-suite';

// ---------------------------------------------------------------- processes

interface Proc {
  context: string;
  child: ChildProcess;
  url: string;
  metricsUrl: string;
  name: string;
}
const procs = new Map<string, Proc>();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startProc(context: string, name = context): Promise<{ proc: Proc; readyMs: number }> {
  const port = await freePort();
  const metricsPort = await freePort();
  const out = openSync(join(DIR, `${name}.log`), 'a');
  const started = Date.now();
  const child = spawn(process.execPath, ['-r', './tools/register.js', `services/${context}/src/main.ts`], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      CEM_METRICS_PORT: String(metricsPort),
      CEM_NAME_PREFIX: PREFIX,
      CEM_ISSUER_DIR: join(DIR, 'identity'),
    },
    stdio: ['ignore', out, out],
  });
  const proc = { context, child, url: `http://127.0.0.1:${port}`, metricsUrl: `http://127.0.0.1:${metricsPort}`, name };
  procs.set(name, proc);
  await untilReady(proc);
  return { proc, readyMs: Date.now() - started };
}

async function untilReady(proc: Proc, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null)
      throw new Error(`${proc.name} exited with ${proc.child.exitCode}; see ${join(DIR, `${proc.name}.log`)}`);
    const res = await fetch(`${proc.url}/health/ready`).catch(() => undefined);
    if (res?.status === 200) return;
    await sleep(200);
  }
  throw new Error(`${proc.name} not ready within ${timeoutMs} ms`);
}

function exited(proc: Proc): Promise<{ code: number | null; signal: string | null }> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null)
    return Promise.resolve({ code: proc.child.exitCode, signal: proc.child.signalCode });
  return new Promise((resolve) => proc.child.once('exit', (code, signal) => resolve({ code, signal })));
}

function server(name: 'postgres' | 'kafka' | 'ferretdb', action: 'start' | 'stop'): void {
  const run = spawnSync('bash', [join(ROOT, 'deploy', 'local', `${name}.sh`), action], { stdio: 'inherit', env: process.env });
  if (run.status !== 0) throw new Error(`${name}.sh ${action} failed`);
}

// ---------------------------------------------------------------- load

const tally = { offered: 0, accepted: 0, refused: 0, unreachable: 0, status: new Map<number, number>() };
const acceptedIds = new Set<string>();
let loadTargets: string[] = ['submissions'];
let loading = false;
let tokens: Map<Actor, string>;
let serial = 0;

async function post(url: string, actor: Actor, p: string, body: object = {}): Promise<Response> {
  return fetch(url + p, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.get(actor)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
}

const draftBody = (dossierId: string) => ({
  dossierId,
  campaignId: CAMPAIGN,
  year: 2024,
  fieldCode: 'khcn',
  type: 'initiative',
  title: `Sáng kiến thử lỗi ${dossierId}`,
  summary: 'Rút ngắn thời gian tiếp nhận hồ sơ hành chính tại xã',
  applicantKind: 'collective',
  authors: [{ name: 'Nguyễn Văn Đức', personId: 'p-duc', role: 'Chủ nhiệm' }],
  owners: [{ name: 'UBND xã Tân Kiên', share: 100 }],
  attachments: [],
});

async function sendOne(): Promise<void> {
  const id = `hs-f-${serial++}`;
  const target = procs.get(loadTargets[serial % loadTargets.length]);
  tally.offered++;
  try {
    const res = await post(target!.url, TAN_KIEN, '/dossiers', draftBody(id));
    await res.text();
    tally.status.set(res.status, (tally.status.get(res.status) ?? 0) + 1);
    if (res.status < 300) {
      tally.accepted++;
      acceptedIds.add(id);
    } else tally.refused++;
  } catch {
    tally.unreachable++; // process killed or restarting: no answer at all
  }
}

async function runLoad(): Promise<void> {
  loading = true;
  const inFlight = new Set<Promise<void>>();
  while (loading) {
    const p = sendOne().finally(() => inFlight.delete(p));
    inFlight.add(p);
    await sleep(1000 / RATE);
  }
  await Promise.all(inFlight);
}

// ---------------------------------------------------------------- faults

interface FaultResult {
  fault: string;
  recoveryMs: number;
  note: string;
}
const results: FaultResult[] = [];

async function killAndRestart(name: string, signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
  const proc = procs.get(name)!;
  const exit = exited(proc);
  proc.child.kill(signal);
  const { code, signal: bySignal } = await exit;
  const { readyMs } = await startProc(proc.context, name);
  const note = signal === 'SIGTERM' ? `exit code ${code}${bySignal ? ` (signal ${bySignal})` : ''}` : 'killed';
  if (signal === 'SIGTERM' && code !== 0) failures.push(`${name}: SIGTERM ended with code ${code} signal ${bySignal}`);
  results.push({ fault: `${signal === 'SIGKILL' ? 'kill -9' : 'SIGTERM'} ${name}`, recoveryMs: readyMs, note });
  log(`${signal} ${name}: ${note}, ready again after ${readyMs} ms`);
}

async function restartServer(name: 'postgres' | 'kafka', downMs: number): Promise<void> {
  const before = new Map(tally.status);
  server(name, 'stop');
  await sleep(downMs);
  const t0 = Date.now();
  server(name, 'start');
  for (const proc of procs.values()) await untilReady(proc);
  const recoveryMs = Date.now() - t0;
  const during = [...tally.status]
    .filter(([s, n]) => s >= 500 && n > (before.get(s) ?? 0))
    .map(([s, n]) => `${n - (before.get(s) ?? 0)}×${s}`);
  results.push({
    fault: `${name} stopped ${downMs / 1000} s, restarted`,
    recoveryMs,
    note: during.length ? `answers meanwhile: ${during.join(', ')}` : 'no 5xx',
  });
  log(`${name} back; every service ready after ${recoveryMs} ms`);
}

async function twoReplicas(): Promise<void> {
  const { proc: second, readyMs } = await startProc('submissions', 'submissions-2');
  loadTargets = ['submissions', 'submissions-2'];
  await sleep(8000);
  const leaders: number[] = [];
  for (const name of ['submissions', 'submissions-2']) {
    const text = await (await fetch(`${procs.get(name)!.metricsUrl}/metrics`)).text();
    leaders.push(Number(/^cem_relay_leader\{[^}]*\} (\d)$/m.exec(text)?.[1] ?? NaN));
  }
  if (leaders.reduce((a, b) => a + b, 0) !== 1) failures.push(`two replicas: relay leaders ${leaders.join('+')} (expected exactly one)`);
  loadTargets = ['submissions'];
  const exit = exited(second);
  second.child.kill('SIGTERM');
  await exit;
  procs.delete('submissions-2');
  results.push({
    fault: 'two replicas of submissions',
    recoveryMs: readyMs,
    note: `relay leaders ${leaders.join(' + ')}; load split between both`,
  });
}

async function injectMessages(kafka: Kafka): Promise<void> {
  const topic = eventsTopic('submissions', PREFIX);
  const consumer = kafka.consumer({ groupId: `${PREFIX}fault-peek` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const sample = await new Promise<{ key: Buffer | null; value: Buffer | null; headers: Record<string, string> }>((resolve) => {
    void consumer.run({
      eachMessage: ({ message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(v);
        resolve({ key: message.key, value: message.value, headers });
        return Promise.resolve();
      },
    });
  });
  await consumer.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({
    topic,
    messages: [
      { key: sample.key, value: sample.value, headers: { ...sample.headers, x_fault: 'duplicate' } },
      {
        key: 'malformed',
        value: '{not json',
        headers: { [CE.id]: 'not-a-uuid', [CE.type]: 'submissions.DossierDrafted', x_fault: 'malformed' },
      },
    ],
  });
  await producer.disconnect();
  results.push({
    fault: 'a duplicated and a malformed message',
    recoveryMs: 0,
    note: `duplicate of ${sample.headers[CE.id]}; malformed without headers`,
  });
}

// ---------------------------------------------------------------- counting

const failures: string[] = [];

async function query<R>(sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as R[];
  } finally {
    await client.end();
  }
}

/** Every message a read-committed consumer sees (a plain sentinel per partition marks the end). */
async function readTopic(kafka: Kafka, topic: string): Promise<{ id: string; fault?: string; reason?: string }[]> {
  const admin = kafka.admin();
  await admin.connect();
  const partitions = (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0].partitions.map((p) => p.partitionId);
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({
    topic,
    messages: partitions.map((partition) => ({ partition, key: 'end', value: 'end', headers: { sentinel: '1' } })),
  });
  await producer.disconnect();
  const consumer = kafka.consumer({ groupId: `${PREFIX}fault-count-${randomBytes(3).toString('hex')}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const seen: { id: string; fault?: string; reason?: string }[] = [];
  const ended = new Set<number>();
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: ({ partition, message }) => {
        if (message.headers?.sentinel) ended.add(partition);
        else
          seen.push({
            id: String(message.headers?.[CE.id]),
            fault: message.headers?.x_fault?.toString(),
            reason: message.headers?.dlq_reason?.toString(),
          });
        if (ended.size === partitions.length) resolve();
        return Promise.resolve();
      },
    });
  });
  await consumer.disconnect();
  return seen;
}

async function dlqCount(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) return 0;
    return (await admin.fetchTopicOffsets(topic)).reduce((s, o) => s + Number(o.high) - Number(o.low), 0);
  } finally {
    await admin.disconnect();
  }
}

async function settle(): Promise<void> {
  const sub = distributedNames('submissions', PREFIX).schema;
  const rep = distributedNames('reporting', PREFIX).schema;
  const deadline = Date.now() + 180_000;
  for (;;) {
    const [{ n: stored }] = await query<{ n: string }>(`SELECT count(*) AS n FROM "${sub}".events`);
    const [{ n: archived }] = await query<{ n: string }>(
      `SELECT count(DISTINCT event_id) AS n FROM "${rep}".events WHERE metadata->>'source' = 'submissions'`,
    );
    if (stored === archived) return;
    if (Date.now() > deadline) throw new Error(`not settled: ${stored} stored, ${archived} archived`);
    await sleep(500);
  }
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  log(`prefix ${PREFIX}, logs in ${DIR}, ${RATE} drafts/s`);
  const issuer = await LocalIssuer.loadOrCreate(join(DIR, 'identity'));
  tokens = new Map();
  for (const a of [ADMIN, CITY_BOARD, DISTRICT_OFFICER, TAN_KIEN]) tokens.set(a, await issuer.mintFor(a));
  const kafka = new Kafka({ brokers: kafkaBrokersFromEnv(), clientId: 'fault-suite', logLevel: logLevel.NOTHING });

  for (const context of CONTEXTS) log(`${context} ready after ${(await startProc(context)).readyMs} ms`);
  const url = procs.get('submissions')!.url;
  // Read models (units, campaigns) are eventually consistent: a set-up step is retried until accepted.
  const must = async (actor: Actor, p: string, body: object = {}) => {
    for (let deadline = Date.now() + 60_000; ;) {
      const res = await post(url, actor, p, body);
      if (res.status < 300) return;
      const text = await res.text();
      if (Date.now() > deadline) throw new Error(`POST ${p}: ${res.status} ${text}`);
      await sleep(200);
    }
  };
  await must(ADMIN, '/units/seed');
  await must(CITY_BOARD, '/campaigns', {
    campaignId: CAMPAIGN,
    name: 'Thử lỗi',
    launchedByUnitId: 'vn-hcm',
    planNumber: '1/KH-FAULT',
    planDate: '2024-08-21',
    period: { fromYear: 2021, toYear: 2025 },
  });
  await must(CITY_BOARD, `/campaigns/${CAMPAIGN}/editions`, {
    year: 2024,
    phases: [{ code: 'tiep-nhan', name: 'Tiếp nhận hồ sơ', opensOn: '2024-08-21', closesOn: '2024-10-31' }],
  });
  await must(CITY_BOARD, `/campaigns/${CAMPAIGN}/fields`, { fieldCode: 'khcn', name: 'Khoa học - Công nghệ' });
  await must(CITY_BOARD, `/campaigns/${CAMPAIGN}/receiving-agencies`, {
    fieldCode: 'khcn',
    jurisdictionUnitId: 'vn-hcm',
    agencyUnitId: 'vn-hcm-so-khcn',
  });
  await must(DISTRICT_OFFICER, `/campaigns/${CAMPAIGN}/receiving-agencies`, {
    fieldCode: 'khcn',
    jurisdictionUnitId: 'vn-hcm-binh-chanh',
    agencyUnitId: 'vn-hcm-binh-chanh-phong-noi-vu',
    letterRef: '1/FAULT',
  });
  await must(DISTRICT_OFFICER, `/campaigns/${CAMPAIGN}/deadlines`, {
    year: 2024,
    level: 'district',
    jurisdictionUnitId: 'vn-hcm-binh-chanh',
    deadline: '2099-10-31',
  });
  // The campaign read model is eventually consistent: the first draft is retried until accepted.
  for (let i = 0; ; i++) {
    const res = await post(url, TAN_KIEN, '/dossiers', draftBody('hs-f-first'));
    if (res.status < 300) break;
    if (i > 300) throw new Error(`first draft refused: ${res.status}`);
    await sleep(100);
  }

  const load = runLoad();
  const t0 = Date.now();
  await sleep(3000);
  for (const context of CONTEXTS) {
    await killAndRestart(context, 'SIGKILL');
    await sleep(2000);
  }
  await killAndRestart('submissions', 'SIGTERM');
  await sleep(2000);
  await restartServer('kafka', 20_000);
  await sleep(2000);
  await restartServer('postgres', 5_000);
  await sleep(2000);
  await twoReplicas();
  await injectMessages(kafka);
  await sleep(3000);
  loading = false;
  await load;
  const loadSeconds = Math.round((Date.now() - t0) / 1000);
  log('load stopped; settling');
  await settle();
  await sleep(3000); // a late duplicate would show up now

  // ---- counts
  const sub = distributedNames('submissions', PREFIX);
  const rep = distributedNames('reporting', PREFIX);
  const drafted = await query<{ stream_id: string }>(
    `SELECT stream_id FROM "${sub.schema}".events WHERE type = 'submissions.DossierDrafted' AND stream_id LIKE '%hs-f-%'`,
  );
  const storedIds = new Set(drafted.map((r) => r.stream_id.replace(/^.*(hs-f-\d+)$/, '$1')));
  const [{ n: storedAll }] = await query<{ n: string }>(`SELECT count(*) AS n FROM "${sub.schema}".events`);
  const [archivedRow] = await query<{ n: string; d: string }>(
    `SELECT count(*) AS n, count(DISTINCT event_id) AS d FROM "${rep.schema}".events WHERE metadata->>'source' = 'submissions'`,
  );
  const published = await readTopic(kafka, eventsTopic('submissions', PREFIX));
  const relayed = published.filter((m) => !m.fault);
  const publishedUnique = new Set(relayed.map((m) => m.id)).size;
  const documents = await createMongoDocumentStore({ url: MONGO_URL, dbName: sub.database });
  const projected = await documents.collection('dossier_list').count({ _id: { $regex: '^hs-f-' } });
  await documents.close();
  const lost = [...acceptedIds].filter((id) => !storedIds.has(id) && id !== 'hs-f-first');
  const dlq = {
    reporting: await dlqCount(kafka, deadLetterTopic('reporting', PREFIX)),
    councils: await dlqCount(kafka, deadLetterTopic('councils', PREFIX)),
  };
  const dlqReasons = new Map<string, number>();
  for (const context of ['reporting', 'councils']) {
    if (!(dlq as Record<string, number>)[context]) continue;
    for (const m of await readTopic(kafka, deadLetterTopic(context, PREFIX))) {
      const reason = `${context}: ${m.fault ?? 'relayed'} (${(m.reason ?? '').slice(0, 60)})`;
      dlqReasons.set(reason, (dlqReasons.get(reason) ?? 0) + 1);
    }
  }
  const fiveHundreds = [...tally.status].filter(([s]) => s >= 500 && s !== 503).reduce((a, [, n]) => a + n, 0);

  if (lost.length) failures.push(`${lost.length} accepted drafts not stored: ${lost.slice(0, 5).join(', ')}`);
  if (relayed.length !== Number(storedAll) || publishedUnique !== Number(storedAll))
    failures.push(`published ${relayed.length} (${publishedUnique} distinct) for ${storedAll} stored events`);
  if (Number(archivedRow.n) !== Number(storedAll) || Number(archivedRow.d) !== Number(storedAll))
    failures.push(`archived ${archivedRow.n} (${archivedRow.d} distinct) for ${storedAll} stored`);
  if (projected !== storedIds.size) failures.push(`projected ${projected} dossiers for ${storedIds.size} drafts stored`);
  if (fiveHundreds) failures.push(`${fiveHundreds} commands answered with a 5xx other than 503`);

  // ---- rebuild equals live, every service
  const rebuild: string[] = [];
  for (const { definition } of PLATFORM_SERVICES) {
    const names = distributedNames(definition.context, PREFIX);
    const store = await createPostgresEventStore({ connectionString: PG_URL, schema: names.schema });
    const docs = await createMongoDocumentStore({ url: MONGO_URL, dbName: names.database });
    const result = await verifyRebuild(store, docs, definition.projections);
    rebuild.push(`${definition.context} ${result.equal ? 'equal' : `${result.differences.length} differences`}`);
    if (!result.equal) failures.push(`${definition.context}: read models differ from a replay (${result.differences.length})`);
    await store.close();
    await docs.close();
  }

  // ---- report
  const statuses = [...tally.status]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}: ${n}`)
    .join(', ');
  console.log(`
## Fault-injection run ${new Date().toISOString()} (prefix ${PREFIX}, ${RATE} drafts/s for ${loadSeconds} s)

| fault | recovery (ready again) | note |
|---|---|---|
${results.map((r) => `| ${r.fault} | ${r.recoveryMs ? `${(r.recoveryMs / 1000).toFixed(1)} s` : '-'} | ${r.note} |`).join('\n')}

| count | value |
|---|---|
| drafts offered | ${tally.offered} |
| accepted (2xx) | ${tally.accepted} |
| refused (answered, not 2xx) | ${tally.refused} (${statuses}) |
| no answer (process down) | ${tally.unreachable} |
| drafts stored (submissions) | ${storedIds.size} (accepted and not stored: ${lost.length}) |
| events stored (submissions, all types) | ${storedAll} |
| published on Kafka, read committed (excluding the 2 injected) | ${relayed.length} (${publishedUnique} distinct) |
| archived by reporting | ${archivedRow.n} (${archivedRow.d} distinct) |
| projected (submissions dossier list) | ${projected} |
| dead-lettered (reporting, councils) | ${dlq.reporting}, ${dlq.councils}: ${[...dlqReasons].map(([r, n]) => `${n}× ${r}`).join('; ')} |
| rebuild equals live | ${rebuild.join('; ')} |

${failures.length ? `FAILED:\n${failures.map((f) => `- ${f}`).join('\n')}` : 'PASSED: nothing lost, nothing duplicated.'}
`);
  process.exitCode = failures.length ? 1 : 0;
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    loading = false;
    for (const proc of procs.values()) if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
  });
