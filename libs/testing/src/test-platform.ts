import { randomBytes } from 'crypto';
import { Actor } from '@cem/contracts';
import type { AnchorKey } from '@cem/event-store';
import { testPgUrl } from '@cem/event-store/testing';
import { createTestIssuer, LocalIssuer, TokenVerifier } from '@cem/identity';
import { InProcessEventBus, KafkaEventBus, kafkaBrokersFromEnv, type EventBus } from '@cem/messaging';
import { testMongoUrl } from '@cem/read-models/testing';
import { createDistributedPorts, distributedNames, InfraPorts, RunningService, ServiceDefinition, startService } from '@cem/service-kit';
import { dropPrefixedDeployment, prefixedTopics } from './prefixed-deployment';

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

/**
 * Starts the given services as in production, on the REAL PostgreSQL, Kafka and MongoDB-wire servers, with
 * a unique prefix for schemas, databases, topics and consumer groups so test files can run side by side.
 */
export interface TestPlatformOptions {
  /** Trust another issuer's tokens (e.g. a real Keycloak) instead of the platform's test issuer. */
  tokenVerifier?: TokenVerifier;
  /**
   * The bus between the services: the real Kafka broker (default) or the embedded default's in-process bus
   * (PostgreSQL and the document store stay the real servers). Default: CEM_TEST_BUS, else 'kafka'.
   */
  bus?: TestBus;
  /** Each service signs and publishes its store's chain heads with this key, every interval (tamper evidence). */
  anchors?: { key: AnchorKey; intervalMs: number };
}

export type TestBus = 'kafka' | 'in-process';

export function testBusFromEnv(env: NodeJS.ProcessEnv = process.env): TestBus {
  const bus = env.CEM_TEST_BUS || 'kafka';
  if (bus !== 'kafka' && bus !== 'in-process') throw new Error(`CEM_TEST_BUS must be kafka or in-process, got "${bus}"`);
  return bus;
}

export async function startTestPlatform(definitions: ServiceDefinition[], options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const prefix = `t${randomBytes(4).toString('hex')}_`;
  const issuer = await createTestIssuer();
  const kafka =
    (options.bus ?? testBusFromEnv()) === 'kafka'
      ? new KafkaEventBus({ brokers: kafkaBrokersFromEnv(), clientId: `cem-test-${prefix}` })
      : undefined;
  // Creating topics up front avoids the broker's auto-creation race on the first publish.
  await kafka?.ensureTopics(prefixedTopics(prefix));
  const bus: EventBus = kafka ?? new InProcessEventBus();

  const running = new Map<string, { service: RunningService; ports: InfraPorts }>();
  for (const definition of definitions) {
    const ports = await createDistributedPorts(
      definition.context,
      { pgUrl: testPgUrl(), mongoUrl: testMongoUrl(), namePrefix: prefix },
      bus,
    );
    const service = await startService(definition, ports, {
      port: 0,
      metricsPort: 0,
      tokenVerifier: options.tokenVerifier ?? issuer.verifier(),
      topicPrefix: prefix,
      ...(options.anchors ? { anchors: { ...options.anchors, storeName: distributedNames(definition.context, prefix).schema } } : {}),
    });
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
      for (const { ports } of running.values()) {
        await ports.store.close();
        await ports.documents.close();
      }
      await dropPrefixedDeployment(prefix, [...running.keys()], kafka);
      await bus.close();
    },
  };
}
