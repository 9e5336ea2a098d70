import type { DynamicModule, INestApplication } from '@nestjs/common';
import { deadLetterTopic, EventContractRegistry, eventsTopic, RecordedEvent } from '@cem/contracts';
import { EventRelay, startEventConsumer } from '@cem/messaging';
import { ProjectionRunner } from '@cem/read-models';
import type { TokenVerifier } from '@cem/identity';
import { createHttpApp, HttpMetrics, MetricsListener, startMetricsListener } from '../http';
import type { ServiceDefinition } from './service-definition';
import { ServiceInfra, ServiceInfraModule } from './service-infra';

export type InfraPorts = Pick<ServiceInfra, 'store' | 'bus' | 'documents'>;

export interface StartServiceOptions {
  port: number;
  host?: string;
  tokenVerifier: TokenVerifier;
  /** Extra Nest modules (e.g. the local issuer's JWKS endpoint in the embedded mode). */
  extraModules?: DynamicModule[];
  /** Prefix of every topic name (tests share one broker). */
  topicPrefix?: string;
  /** Port of the scraper's own `/metrics` listener (0 = any free port); none when undefined. */
  metricsPort?: number;
  /** Address of that listener; default 127.0.0.1. */
  metricsHost?: string;
}

export interface RunningService {
  definition: ServiceDefinition;
  infra: ServiceInfra;
  app: INestApplication;
  url: string;
  /** The scraper's `/metrics` listener, when StartServiceOptions.metricsPort was given. */
  metricsUrl?: string;
  /** Resolves once the relay published, and read models applied, everything committed so far. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs one service the same way in both modes: projections follow the service's own log, the relay
 * publishes the service's own events, the consumer validates other contexts' events (dead-lettering the
 * bad ones), archives them if asked and runs the reactions, and the HTTP app serves commands and queries.
 */
export async function startService(
  definition: ServiceDefinition,
  ports: InfraPorts,
  options: StartServiceOptions,
): Promise<RunningService> {
  const contracts = new EventContractRegistry(definition.contracts);
  const runner = new ProjectionRunner(ports.store, ports.documents, definition.projections);
  const infra: ServiceInfra = {
    ...ports,
    context: definition.context,
    contracts,
    readModelsCaughtUp: () => runner.caughtUp(),
  };
  await runner.start();

  const relay = new EventRelay({
    store: ports.store,
    bus: ports.bus,
    context: definition.context,
    topic: eventsTopic(definition.context, options.topicPrefix),
    // Archived copies of other contexts' events stay home: each context publishes only what it decided.
    filter: (event: RecordedEvent) => event.metadata.source === definition.context,
  });
  await relay.start();

  const consumes = definition.consumes;
  const consumer = consumes
    ? await startEventConsumer({
        bus: ports.bus,
        groupId: `${options.topicPrefix ?? ''}cem.${definition.context}`,
        topics: consumes.contexts.map((c) => eventsTopic(c, options.topicPrefix)),
        deadLetterTopic: deadLetterTopic(definition.context, options.topicPrefix),
        contracts,
        handle: async (event) => {
          if (consumes.archive) {
            await ports.store.append(
              event.streamId,
              [{ id: event.id, type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata }],
              { expectedVersion: 'any' },
            );
          }
          for (const reaction of consumes.reactions) {
            if (reaction.eventTypes.includes(event.type)) await reaction.handle(event, infra);
          }
        },
      })
    : undefined;

  const root: DynamicModule = {
    module: class ServiceRootModule {},
    imports: [ServiceInfraModule.forRoot(infra), definition.module, ...(options.extraModules ?? [])],
  };
  const app = await createHttpApp(root, {
    title: definition.title,
    version: '1',
    tokenVerifier: options.tokenVerifier,
  });
  await app.listen(options.port, options.host ?? '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const metricsListener: MetricsListener | undefined =
    options.metricsPort === undefined ? undefined : await startMetricsListener(app.get(HttpMetrics), options.metricsPort, options.metricsHost);

  return {
    definition,
    infra,
    app,
    url,
    metricsUrl: metricsListener?.url,
    settled: async () => {
      await relay.caughtUp();
      await runner.caughtUp();
    },
    stop: async () => {
      await metricsListener?.close();
      await app.close();
      await consumer?.stop();
      await relay.stop();
      await runner.stop();
    },
  };
}
