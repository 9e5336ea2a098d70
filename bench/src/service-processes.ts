/*
 * The services of the end-to-end section, each in its own Node process as deployed (services/<name>/src/main.ts
 * through runServiceFromEnv), on the real servers, under a unique CEM_NAME_PREFIX that is dropped at the end.
 */
import { spawn, type ChildProcess } from 'child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { randomBytes } from 'crypto';
import { createPostgresEventStore, type EventStore } from '@cem/event-store';
import { LocalIssuer } from '@cem/identity';
import { KafkaEventBus, kafkaBrokersFromEnv } from '@cem/messaging';
import { distributedNames } from '@cem/service-kit';
import { dropPrefixedDeployment, prefixedTopics } from '@cem/testing';
import { PG_URL, log } from './common';

export interface ServiceProcesses {
  prefix: string;
  issuer: LocalIssuer;
  url(context: string): string;
  pid(context: string): number | undefined;
  /** A reader of the service's own event store (a separate connection pool in this process). */
  store(context: string): EventStore;
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

async function untilListening(logFile: string, child: ChildProcess, context: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${context} exited with ${child.exitCode}; see ${logFile}`);
    if (readFileSync(logFile, 'utf8').includes('listening on')) return;
    await sleep(100);
  }
  throw new Error(`${context} did not start within 90 s; see ${logFile}`);
}

/**
 * `root` (default: this checkout) is the checkout whose services run: the e2e section's "before" path runs an
 * older commit's services (a git worktree) on the same servers in the same run.
 */
export async function startServiceProcesses(contexts: string[], root = ROOT): Promise<ServiceProcesses> {
  const prefix = `b${randomBytes(4).toString('hex')}_`;
  const dir = mkdtempSync(join(tmpdir(), 'cem-bench-services-'));
  const issuer = await LocalIssuer.loadOrCreate(join(dir, 'identity'));
  const bus = new KafkaEventBus({ brokers: kafkaBrokersFromEnv(), clientId: `cem-bench-${prefix}` });
  await bus.ensureTopics(prefixedTopics(prefix));

  const children = new Map<string, { child: ChildProcess; url: string; store: EventStore }>();
  const stop = async () => {
    for (const { child } of children.values()) {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(15_000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    }
    for (const { store } of children.values()) await store.close().catch(() => undefined);
    try {
      await dropPrefixedDeployment(prefix, [...children.keys()], bus);
    } finally {
      await bus.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };

  try {
    for (const context of contexts) {
      const port = await freePort();
      const logFile = join(dir, `${context}.log`);
      const out = openSync(logFile, 'a');
      // BENCH_SERVICE_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the services, not this process.
      const nodeArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
      const child = spawn(process.execPath, [...nodeArgs, '-r', './tools/register.js', `services/${context}/src/main.ts`], {
        cwd: root,
        env: { ...process.env, PORT: String(port), CEM_NAME_PREFIX: prefix, CEM_ISSUER_DIR: join(dir, 'identity') },
        stdio: ['ignore', out, out],
      });
      const store = await createPostgresEventStore({
        connectionString: PG_URL,
        schema: distributedNames(context, prefix).schema,
        poolSize: 2,
      });
      children.set(context, { child, url: `http://127.0.0.1:${port}`, store });
      await untilListening(logFile, child, context);
      log(`e2e: ${context} started as process ${child.pid} on port ${port}`);
    }
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }

  const get = (context: string) => {
    const entry = children.get(context);
    if (!entry) throw new Error(`service ${context} was not started`);
    return entry;
  };
  return { prefix, issuer, url: (c) => get(c).url, pid: (c) => get(c).child.pid, store: (c) => get(c).store, stop };
}
