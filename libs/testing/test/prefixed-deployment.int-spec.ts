import { randomBytes } from 'node:crypto';
import { consumerGroupId, CONTEXTS, deadLetterTopic, eventsTopic } from '@cem/contracts';
import { AnchorKey, anchorStore, createPostgresEventStore } from '@cem/event-store';
import { testPgUrl } from '@cem/event-store/testing';
import { KafkaEventBus, kafkaBrokersFromEnv } from '@cem/messaging';
import { anchorsTopic, distributedNames } from '@cem/service-kit';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { dropPrefixedDeployment } from '../src/prefixed-deployment';

/** What a prefixed deployment leaves on the shared servers, and that dropPrefixedDeployment removes all of it. */
describe('dropPrefixedDeployment on the real servers', () => {
  const prefix = `p${randomBytes(4).toString('hex')}_`;
  const bus = new KafkaEventBus({ brokers: kafkaBrokersFromEnv(), clientId: `${prefix}admin` });
  const ofThisRun = async () => (await bus.listTopics()).filter((t) => t.startsWith(prefix)).sort();
  const groupsOfThisRun = async () => {
    const admin = new Kafka({ brokers: kafkaBrokersFromEnv(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      return (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(prefix));
    } finally {
      await admin.disconnect();
    }
  };

  afterAll(async () => {
    await bus.deleteTopics(await ofThisRun()).catch(() => undefined);
    await bus.close();
  });

  it("deletes every topic the deployment made, the signed anchors' topic included, its consumer groups and its schemas", async () => {
    // As startService does with CEM_ANCHOR_KEY_DIR set: its topics, then an anchor of its store published.
    const { schema } = distributedNames('reporting', prefix);
    const store = await createPostgresEventStore({ connectionString: testPgUrl(), schema });
    const topics = [...CONTEXTS.flatMap((c) => [eventsTopic(c, prefix), deadLetterTopic(c, prefix)]), anchorsTopic(prefix)];
    await bus.ensureTopics(topics);
    const anchor = await anchorStore(store, schema, AnchorKey.generate());
    await store.close();
    await bus.publish([{ topic: anchorsTopic(prefix), key: schema, value: JSON.stringify(anchor), headers: {} }]);
    expect(await ofThisRun()).toEqual([...topics].sort());
    // The reporting service's consumer group, as a running service leaves it after a clean stop.
    const group = consumerGroupId('reporting', prefix);
    const subscription = await bus.subscribe({
      groupId: group,
      topics: [eventsTopic('submissions', prefix)],
      handler: () => Promise.resolve(),
    });
    await subscription.stop();
    expect(await groupsOfThisRun()).toEqual([group]);

    await dropPrefixedDeployment(prefix, ['reporting'], bus);

    expect(await ofThisRun()).toEqual([]);
    expect(await groupsOfThisRun()).toEqual([]);
    const pg = new Client({ connectionString: testPgUrl() });
    await pg.connect();
    try {
      expect((await pg.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema])).rows).toHaveLength(0);
    } finally {
      await pg.end();
    }
  });
});
