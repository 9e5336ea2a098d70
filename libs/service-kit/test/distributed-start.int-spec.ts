import { ChildProcess, fork } from 'child_process';
import { randomBytes } from 'crypto';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { consumerGroupId, deadLetterTopic, eventsTopic, systemActor } from '@cem/contracts';
import { createPostgresEventStore } from '@cem/event-store';
import { testPgUrl } from '@cem/event-store/testing';
import { KafkaEventBus, kafkaBrokersFromEnv } from '@cem/messaging';
import { createMongoDocumentStore } from '@cem/read-models';
import { testMongoUrl } from '@cem/read-models/testing';
import { dropPrefixedDeployment } from '@cem/testing';
import { distributedNames } from '../src/runtime';
import { PING, PING_CONSUMER } from './ping.fixture';

const root = join(__dirname, '..', '..', '..');

function startServiceProcess(prefix: string): Promise<{ child: ChildProcess; url: string; metricsUrl: string }> {
  const child = fork(join(__dirname, 'service-process.ts'), [], {
    cwd: root,
    execArgv: ['-r', join(root, 'tools', 'register.js')],
    env: {
      ...process.env,
      CEM_NAME_PREFIX: prefix,
      CEM_PG_URL: testPgUrl(),
      CEM_MONGO_URL: testMongoUrl(),
      CEM_ISSUER_DIR: mkdtempSync(join(tmpdir(), 'cem-issuer-')),
      PORT: '0',
      CEM_METRICS_PORT: '0',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { url: string; metricsUrl: string }) => resolve({ child, ...message }));
    child.once('exit', (code) => reject(new Error(`service exited during start with ${code}`)));
  });
}

const exitOf = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

describe('a distributed service in its own process, on a fresh CEM_NAME_PREFIX', () => {
  const prefix = `d${randomBytes(4).toString('hex')}_`;
  const bus = new KafkaEventBus({ brokers: kafkaBrokersFromEnv(), clientId: `${prefix}admin` });
  let child: ChildProcess | undefined;

  afterAll(async () => {
    child?.kill('SIGKILL');
    await dropPrefixedDeployment(prefix, ['reporting'], bus);
    await bus.close();
  });

  it('creates its topics, reports readiness and metrics, and stops cleanly on SIGTERM (exit 0, group left, checkpoints flushed)', async () => {
    const started = await startServiceProcess(prefix);
    child = started.child;

    const topics = await bus.listTopics();
    expect(topics).toEqual(
      expect.arrayContaining([eventsTopic('reporting', prefix), deadLetterTopic('reporting', prefix), eventsTopic('submissions', prefix)]),
    );

    const ready = await fetch(`${started.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { postgres: 'up', kafka: 'up', documents: 'up' } });

    // An event in the service's own log, projected; then SIGTERM right away.
    const { schema, database } = distributedNames('reporting', prefix);
    const store = await createPostgresEventStore({ connectionString: testPgUrl(), schema });
    const documents = await createMongoDocumentStore({ url: testMongoUrl(), dbName: database });
    try {
      const metadata = { actor: systemActor('test'), occurredAt: new Date().toISOString(), correlationId: 'c-1', source: 'reporting' };
      const { lastPosition } = await store.append('ping-1', [{ type: PING.type, data: { streamId: 'ping-1', n: 1 }, metadata }]);
      for (let i = 0; !(await documents.collection('ping_counts').get('ping-1')); i++) {
        if (i > 600) throw new Error('not projected');
        await new Promise((r) => setTimeout(r, 50));
      }

      // The operator's view of the same moment.
      let metrics = '';
      for (let i = 0; !/^cem_projection_lag_events\{[^}]*projection="ping-counts"[^}]*\} 0$/m.test(metrics); i++) {
        if (i > 600) throw new Error(`projection lag never reached 0:\n${metrics}`);
        metrics = await (await fetch(`${started.metricsUrl}/metrics`)).text();
      }
      expect(metrics).toMatch(/^cem_relay_lag_events\{[^}]*\} \d+$/m);
      expect(metrics).toMatch(/^cem_relay_leader\{[^}]*\} 1$/m);
      expect(metrics).toMatch(
        new RegExp(`^cem_consumer_lag_messages\\{[^}]*topic="${eventsTopic('submissions', prefix).replace(/\./g, '\\.')}"[^}]*\\} 0$`, 'm'),
      );
      expect(metrics).toMatch(/^cem_dead_letter_messages\{[^}]*\} 0$/m);
      expect(metrics).toMatch(/^# TYPE cem_append_duration_seconds histogram$/m);

      const exited = exitOf(child);
      child.kill('SIGTERM');
      expect(await exited).toEqual({ code: 0, signal: null });
      child = undefined;

      expect(await bus.groupMembers(consumerGroupId('reporting', prefix))).toEqual([]);
      const checkpoint = await documents.collection('_checkpoints').get(PING_CONSUMER.projections[0].name);
      expect(checkpoint).toMatchObject({ tx: lastPosition.tx, pos: lastPosition.pos });
    } finally {
      await store.close();
      await documents.close();
    }
  });
});
