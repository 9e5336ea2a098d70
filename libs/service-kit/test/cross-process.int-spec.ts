import { ChildProcess, fork } from 'child_process';
import { randomBytes } from 'crypto';
import { join } from 'path';
import { Client } from 'pg';
import { deadLetterTopic, eventsTopic, systemActor } from '@cem/contracts';
import { createPostgresEventStore, EventStore } from '@cem/event-store';
import { EventRelay, KafkaEventBus, kafkaBrokersFromEnv } from '@cem/messaging';
import { createMongoDocumentStore, MongooseDocumentStore } from '@cem/read-models';
import { PING, PING_CONSUMER } from './ping.fixture';

const pgUrl = process.env.CEM_PG_URL ?? 'postgres://cem:cem@127.0.0.1:5432/cem';
const mongoUrl = process.env.CEM_MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const root = join(__dirname, '..', '..', '..');

function startConsumer(prefix: string): Promise<ChildProcess> {
  const child = fork(join(__dirname, 'consumer-process.ts'), [], {
    cwd: root,
    execArgv: ['-r', join(root, 'tools', 'register.js')],
    env: { ...process.env, TEST_PREFIX: prefix, CEM_PG_URL: pgUrl, CEM_MONGO_URL: mongoUrl, NODE_ENV: 'test' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`consumer exited early with ${code}`)));
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('store -> relay -> Kafka -> consumer in another process -> archive + projection in FerretDB', () => {
  const prefix = `x${randomBytes(4).toString('hex')}_`;
  const STREAMS = 20;
  const PER_STREAM = 100;
  let store: EventStore;
  let bus: KafkaEventBus;
  let relay: EventRelay;
  let readModels: MongooseDocumentStore;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    store = await createPostgresEventStore({ connectionString: pgUrl, schema: `${prefix}submissions` });
    bus = new KafkaEventBus({ brokers: kafkaBrokersFromEnv(), clientId: `${prefix}producer` });
    await bus.ensureTopics([eventsTopic('submissions', prefix)]);
    relay = new EventRelay({ store, bus, context: 'submissions', topic: eventsTopic('submissions', prefix) });
    await relay.start();
    readModels = await createMongoDocumentStore({ url: mongoUrl, dbName: `cem_${prefix}reporting` });
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await relay.stop();
    await bus
      .deleteTopics([
        eventsTopic('submissions', prefix),
        deadLetterTopic(PING_CONSUMER.context, prefix),
        eventsTopic(PING_CONSUMER.context, prefix),
      ])
      .catch(() => undefined);
    await bus.close();
    await store.close();
    await readModels.dropDatabase();
    await readModels.close();
    const pg = new Client({ connectionString: pgUrl });
    await pg.connect();
    await pg.query(`DROP SCHEMA IF EXISTS "${prefix}submissions" CASCADE`);
    await pg.query(`DROP SCHEMA IF EXISTS "${prefix}reporting" CASCADE`);
    await pg.end();
  });

  async function appendRound(from: number, to: number) {
    for (let n = from; n < to; n++) {
      await Promise.all(
        Array.from({ length: STREAMS }, (_, s) =>
          store.append(
            `ping-${s}`,
            [
              {
                type: PING.type,
                data: { streamId: `ping-${s}`, n },
                metadata: {
                  actor: systemActor('test'),
                  occurredAt: new Date().toISOString(),
                  correlationId: `c-${n}`,
                  source: 'submissions',
                },
              },
            ],
            { expectedVersion: n },
          ),
        ),
      );
    }
  }

  const projected = async () => {
    const docs = await readModels.collection<{ _id: string; count: number; ns: number[] }>('ping_counts').find({});
    return docs.reduce((sum, d) => sum + d.count, 0);
  };

  it('loses and duplicates nothing when the consumer is killed mid-stream and restarted', async () => {
    child = await startConsumer(prefix);
    await appendRound(0, PER_STREAM / 2);
    await waitFor(async () => (await projected()) > 0);
    child.kill('SIGKILL'); // no graceful shutdown: offsets, archive and checkpoints as they were
    await new Promise((r) => child!.once('exit', r));
    await appendRound(PER_STREAM / 2, PER_STREAM);

    child = await startConsumer(prefix);
    await waitFor(async () => (await projected()) >= STREAMS * PER_STREAM, 90000);
    await new Promise((r) => setTimeout(r, 1000)); // a late duplicate would show up now

    const docs = await readModels.collection<{ _id: string; count: number; ns: number[] }>('ping_counts').find({});
    expect(docs).toHaveLength(STREAMS);
    for (const doc of docs) {
      expect(doc.count).toBe(PER_STREAM);
      expect(doc.ns).toEqual(Array.from({ length: PER_STREAM }, (_, i) => i)); // in order, once each
    }
    const archive = await createPostgresEventStore({ connectionString: pgUrl, schema: `${prefix}reporting` });
    try {
      const archived = await archive.readAll({ limit: 100000 });
      expect(archived).toHaveLength(STREAMS * PER_STREAM);
      expect(new Set(archived.map((e) => e.id)).size).toBe(STREAMS * PER_STREAM);
    } finally {
      await archive.close();
    }
  });
});
