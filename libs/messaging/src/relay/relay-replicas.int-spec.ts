import { ChildProcess, fork } from 'child_process';
import { randomBytes } from 'crypto';
import { join } from 'path';
import { Kafka, logLevel } from 'kafkajs';
import { createTestPostgresStore, testPgUrl, type TestPostgresStore } from '@cem/event-store/testing';
import { CE } from '../cloud-events.codec';
import { KafkaEventBus, kafkaBrokersFromEnv } from '../kafka/kafka-event-bus';
import { sampleNewEvent } from '../test/sample-events.fixture';
import { EventRelay, relayCheckpointName } from './event-relay';

const root = join(__dirname, '..', '..', '..', '..');
const PARTITIONS = 3;

/**
 * Every message a read-committed consumer sees on the topic. The relays are stopped first; one plain
 * sentinel per partition marks the end, since a transactional topic's last offsets are commit markers.
 */
async function readCommitted(kafka: Kafka, topic: string): Promise<string[]> {
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({
    topic,
    messages: Array.from({ length: PARTITIONS }, (_, partition) => ({ partition, key: 'end', value: 'end', headers: { sentinel: '1' } })),
  });
  await producer.disconnect();
  const consumer = kafka.consumer({ groupId: `count-${randomBytes(4).toString('hex')}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const ids: string[] = [];
  const ended = new Set<number>();
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        eachMessage: ({ partition, message }) => {
          if (message.headers?.sentinel) ended.add(partition);
          else ids.push(String(message.headers?.[CE.id]));
          if (ended.size === PARTITIONS) resolve();
          return Promise.resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  await kafka
    .admin()
    .deleteGroups([])
    .catch(() => undefined);
  return ids;
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the relay across replicas and crashes (real PostgreSQL and Kafka)', () => {
  const kafka = new Kafka({ brokers: kafkaBrokersFromEnv(), clientId: 'relay-replicas-test', logLevel: logLevel.NOTHING });
  let db: TestPostgresStore;
  let bus: KafkaEventBus;
  let topic: string;

  beforeEach(async () => {
    db = await createTestPostgresStore({ schemaPrefix: 'relay_rep' });
    bus = new KafkaEventBus({ brokers: kafkaBrokersFromEnv(), clientId: 'relay-replicas-test' });
    topic = `${db.schema}.events`;
    await bus.ensureTopics([topic], PARTITIONS);
  });
  afterEach(async () => {
    await bus.deleteTopics([topic]).catch(() => undefined);
    await bus.deleteGroups([relayCheckpointName(topic)]).catch(() => undefined);
    await bus.close();
    await db.drop();
  });

  const appendMany = async (from: number, count: number) => {
    for (let i = from; i < from + count; i += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, from + count - i) }, (_, k) => db.store.append(`s-${(i + k) % 17}`, [sampleNewEvent(i + k)])),
      );
    }
  };

  it('two replicas on one store: exactly one relays, the other takes over when it stops; each event published once', async () => {
    const first = new EventRelay({ store: db.store, bus, context: 'sampling', topic, leaseRetryMs: 100 });
    const second = new EventRelay({ store: db.store, bus, context: 'sampling', topic, leaseRetryMs: 100 });
    await first.start();
    await second.start();
    try {
      expect([first.isLeading, second.isLeading].sort()).toEqual([false, true]);
      const [leader, follower] = first.isLeading ? [first, second] : [second, first];

      await appendMany(0, 300);
      await leader.caughtUp();
      expect(follower.publishedCount).toBe(0);

      await leader.stop(); // its lease goes with it
      await until(() => follower.isLeading);
      await appendMany(300, 200);
      await follower.caughtUp();
    } finally {
      await first.stop();
      await second.stop();
    }
    const ids = await readCommitted(kafka, topic);
    expect(ids).toHaveLength(500);
    expect(new Set(ids).size).toBe(500);
  });

  it('a relay killed with SIGKILL mid-stream: its successor publishes every event exactly once', async () => {
    const EVENTS = 2000;
    await appendMany(0, EVENTS);
    const child: ChildProcess = fork(join(__dirname, '..', 'test', 'relay-process.ts'), [], {
      cwd: root,
      execArgv: ['-r', join(root, 'tools', 'register.js')],
      env: { ...process.env, CEM_PG_URL: testPgUrl(), RELAY_SCHEMA: db.schema, RELAY_TOPIC: topic, NODE_ENV: 'test' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`relay process exited with ${code}`)));
    });
    // Mid-stream: some batches are through, most are not.
    await until(async () => (await db.store.load(relayCheckpointName(topic))) !== undefined);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;

    const successor = new EventRelay({ store: db.store, bus, context: 'sampling', topic, leaseRetryMs: 100 });
    await successor.start();
    try {
      await until(() => successor.isLeading); // the dead process's lock went with its connection
      await successor.caughtUp();
    } finally {
      await successor.stop();
    }
    const ids = await readCommitted(kafka, topic);
    expect(new Set(ids).size).toBe(EVENTS);
    expect(ids).toHaveLength(EVENTS); // nothing re-sent
  });
});
