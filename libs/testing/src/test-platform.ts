import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { Actor, CONTEXTS, deadLetterTopic, eventsTopic } from '@cem/contracts';
import { createTestIssuer, LocalIssuer } from '@cem/identity';
import { KafkaEventBus, kafkaBrokersFromEnv } from '@cem/messaging';
import { createDistributedPorts, InfraPorts, RunningService, ServiceDefinition, startService } from '@cem/service-kit';

export interface TestPlatform {
  prefix: string;
  issuer: LocalIssuer;
  url(context: string): string;
  service(context: string): RunningService;
  token(actor: Actor): Promise<string>;
  /** Retries an assertion until it passes (read models and other services are eventually consistent). */
  eventually<T>(assertion: () => Promise<T> | T, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

const pgUrl = () => process.env.CEM_PG_URL ?? 'postgres://cem:cem@127.0.0.1:5432/cem';
const mongoUrl = () => process.env.CEM_MONGO_URL ?? 'mongodb://127.0.0.1:27017';

/**
 * Starts the given services as in production, on the REAL PostgreSQL, Kafka and MongoDB-wire servers, with
 * a unique prefix for schemas, databases, topics and consumer groups so test files can run side by side.
 */
export async function startTestPlatform(definitions: ServiceDefinition[]): Promise<TestPlatform> {
  const prefix = `t${randomBytes(4).toString('hex')}_`;
  const issuer = await createTestIssuer();
  const bus = new KafkaEventBus({ brokers: kafkaBrokersFromEnv(), clientId: `cem-test-${prefix}` });
  // Creating topics up front avoids the broker's auto-creation race on the first publish.
  const topics = CONTEXTS.flatMap((c) => [eventsTopic(c, prefix), deadLetterTopic(c, prefix)]);
  await bus.ensureTopics(topics);

  const running = new Map<string, { service: RunningService; ports: InfraPorts }>();
  for (const definition of definitions) {
    const ports = await createDistributedPorts(definition.context, { pgUrl: pgUrl(), mongoUrl: mongoUrl(), namePrefix: prefix }, bus);
    const service = await startService(definition, ports, { port: 0, tokenVerifier: issuer.verifier(), topicPrefix: prefix });
    running.set(definition.context, { service, ports });
  }

  const get = (context: string) => {
    const entry = running.get(context);
    if (!entry) throw new Error(`service ${context} is not started in this test platform`);
    return entry;
  };

  return {
    prefix,
    issuer,
    url: (context) => get(context).service.url,
    service: (context) => get(context).service,
    token: (actor) => issuer.mintFor(actor),
    eventually: async (assertion, timeoutMs = 20000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          return await assertion();
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    },
    stop: async () => {
      for (const { service } of running.values()) await service.stop();
      // Left behind, every test file's topics added up to hundreds of partitions on the local broker.
      await bus.deleteTopics(topics).catch(() => undefined);
      await bus.close();
      const pg = new Client({ connectionString: pgUrl() });
      await pg.connect();
      try {
        for (const [context, { ports }] of running) {
          await ports.store.close();
          const documents = ports.documents as { dropDatabase?: () => Promise<void> };
          await documents.dropDatabase?.();
          await ports.documents.close();
          await pg.query(`DROP SCHEMA IF EXISTS "${prefix}${context}" CASCADE`);
        }
      } finally {
        await pg.end();
      }
    },
  };
}
