import { Client } from 'pg';
import { consumerGroupId, CONTEXTS, deadLetterTopic, eventsTopic } from '@cem/contracts';
import { testPgUrl } from '@cem/event-store/testing';
import { relayCheckpointName, type KafkaEventBus } from '@cem/messaging';
import { createMongoDocumentStore } from '@cem/read-models';
import { testMongoUrl } from '@cem/read-models/testing';
import { anchorsTopic, distributedNames } from '@cem/service-kit';

/**
 * Every context's events and dead-letter topic under a prefix, and the signed anchors' topic: what a prefixed
 * platform publishes to.
 */
export function prefixedTopics(prefix: string): string[] {
  return [...CONTEXTS.flatMap((c) => [eventsTopic(c, prefix), deadLetterTopic(c, prefix)]), anchorsTopic(prefix)];
}

/**
 * The consumer group of each context under a prefix (what startService names them), and the group each
 * relay commits its position to (transactional relay, see EventRelay).
 */
export function prefixedGroups(prefix: string, contexts: readonly string[] = CONTEXTS): string[] {
  return contexts.flatMap((c) => [consumerGroupId(c, prefix), relayCheckpointName(eventsTopic(c, prefix))]);
}

/**
 * Removes what a prefixed deployment (a test platform, a benchmark run) left on the shared servers: its
 * topics, its consumer groups, and each service's schema and read-model database. Call it once the services have stopped.
 * Without a Kafka bus (a platform on the in-process bus) only the schemas and databases are dropped.
 */
export async function dropPrefixedDeployment(prefix: string, contexts: string[], bus?: KafkaEventBus): Promise<void> {
  // Left behind, every test file's topics added up to hundreds of partitions on the local broker.
  await bus?.deleteTopics(prefixedTopics(prefix)).catch(() => undefined);
  // Left behind, every run's groups stayed listed (and their committed offsets kept) on the broker.
  await bus?.deleteGroups(prefixedGroups(prefix)).catch(() => undefined);
  const pg = new Client({ connectionString: testPgUrl() });
  await pg.connect();
  try {
    for (const context of contexts) {
      const { schema, database } = distributedNames(context, prefix);
      await pg.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      const documents = await createMongoDocumentStore({ url: testMongoUrl(), dbName: database });
      await documents.dropDatabase();
      await documents.close();
    }
  } finally {
    await pg.end();
  }
}
