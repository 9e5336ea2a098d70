import type { DynamicModule, INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import {
  ALL_CONTRACTS,
  AsyncApiDocument,
  buildAsyncApiDocument,
  consumerGroupId,
  deadLetterTopic,
  EventContractRegistry,
  EventParticipant,
  eventsTopic,
  RecordedEvent,
} from '@cem/contracts';
import { connectEventHandlers, EventBusTransport, EventRelay } from '@cem/messaging';
import { ProjectionRunner } from '@cem/read-models';
import type { TokenVerifier } from '@cem/identity';
import { createHttpApp, HttpMetrics, MetricsListener, openApiDocumentOf, type ReadinessCheck, startMetricsListener } from '../http';
import { AccessPolicyModule, MandateCache, MandateReplicationHandler, mandatesProjection } from '../access';
import { Registry } from 'prom-client';
import type { ServiceDefinition } from './service-definition';
import { ServiceMetrics } from './service-metrics';
import { AnchorPublisher, anchorsTopic } from './anchor-publisher';
import type { AnchorKey } from '@cem/event-store';
import { ServiceInfra, ServiceInfraModule } from './service-infra';

/** How long in-flight HTTP requests may take once a service stops, before their connections are closed. */
const HTTP_DRAIN_MS = 2000;

export type InfraPorts = Pick<ServiceInfra, 'store' | 'bus' | 'documents'>;

export interface StartServiceOptions {
  port: number;
  host?: string;
  tokenVerifier: TokenVerifier;
  /** Extra Nest modules (e.g. the local issuer's JWKS endpoint in the embedded mode). */
  extraModules?: DynamicModule[];
  /** Prefix of every topic name (tests share one broker). */
  topicPrefix?: string;
  /** Signs and publishes the store's chain heads (tamper evidence) when given; see AnchorPublisher. */
  anchors?: {
    key: AnchorKey;
    intervalMs: number;
    storeName: string;
    /** Other keys whose anchors this service trusts when it verifies (its own key's always is). */
    trustedPublicKeys?: string[];
  };
  /** Port of the scraper's own `/metrics` listener (0 = any free port); none when undefined. */
  metricsPort?: number;
  /** Address of that listener; default 127.0.0.1. */
  metricsHost?: string;
  /** Batching on the command path (docs/benchmarks.md, "End to end"); defaults in COMMAND_PATH_DEFAULTS. */
  commandPath?: CommandPathTuning;
}

/**
 * How the command path batches behind the HTTP response. Each linger delays a read after a notification so
 * that concurrent commands' events travel together; read-your-writes waits (`caughtUp`) never linger.
 */
export interface CommandPathTuning {
  /** The relay's wait before reading the log: more events per Kafka transaction. */
  relayLingerMs?: number;
  /** The projection runner's wait: one document write per touched document per batch. */
  projectionLingerMs?: number;
  /** An archiving consumer (reporting) keeps each fetched Kafka batch in one transaction instead of one per event. */
  consumerBatches?: boolean;
}

export const COMMAND_PATH_DEFAULTS: Required<CommandPathTuning> = { relayLingerMs: 5, projectionLingerMs: 20, consumerBatches: true };
/** The path before issue 17's batching, kept selectable for before/after measurements (CEM_COMMAND_PATH=unbatched). */
export const COMMAND_PATH_UNBATCHED: Required<CommandPathTuning> = { relayLingerMs: 0, projectionLingerMs: 0, consumerBatches: false };

export interface RunningService {
  definition: ServiceDefinition;
  infra: ServiceInfra;
  app: INestApplication;
  url: string;
  /** The scraper's `/metrics` listener, when StartServiceOptions.metricsPort was given. */
  metricsUrl?: string;
  /** The event transport feeding the module's @EventPattern handlers, when the service consumes. */
  events?: EventBusTransport;
  /** Resolves once the relay published, and read models applied, everything committed so far. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs one service the same way in both modes: projections follow the service's own log, the relay
 * publishes the service's own events, the event transport validates other contexts' events (dead-lettering
 * the bad ones), archives them if asked and runs the module's @EventPattern handlers, and the HTTP app serves
 * commands and queries.
 */
export async function startService(
  definition: ServiceDefinition,
  ports: InfraPorts,
  options: StartServiceOptions,
): Promise<RunningService> {
  const contracts = new EventContractRegistry(definition.contracts);
  // Every service projects the mandates it holds copies of (submissions records them): the access guard reads them.
  const projections = definition.projections.some((p) => p.name === mandatesProjection.name)
    ? definition.projections
    : [...definition.projections, mandatesProjection];
  const tuning = { ...COMMAND_PATH_DEFAULTS, ...options.commandPath };
  const mandates = new MandateCache();
  const runner = new ProjectionRunner(ports.store, ports.documents, projections, {
    lingerMs: tuning.projectionLingerMs,
    onApplied: (events) => mandates.applied(events),
  });
  const registry = new Registry();
  const metrics = new ServiceMetrics(registry);
  const infra: ServiceInfra = {
    ...ports,
    store: metrics.timedStore(ports.store),
    context: definition.context,
    contracts,
    readModelsCaughtUp: () => runner.caughtUp(),
    mandates,
    ...(options.anchors
      ? {
          anchors: {
            topic: anchorsTopic(options.topicPrefix),
            storeName: options.anchors.storeName,
            trustedPublicKeys: [options.anchors.key.publicKeyPem, ...(options.anchors.trustedPublicKeys ?? [])],
          },
        }
      : {}),
  };
  await runner.start();

  // A fresh deployment (new CEM_NAME_PREFIX) has no topics yet: create the service's own topic, the topics
  // it consumes and its dead-letter topic before anything publishes or subscribes, so operators can
  // subscribe to the dead-letter topic in advance. A no-op on an in-process bus.
  const consumes = definition.consumes;
  await ports.bus.ensureTopics?.([
    eventsTopic(definition.context, options.topicPrefix),
    ...(consumes
      ? [deadLetterTopic(definition.context, options.topicPrefix), ...consumes.contexts.map((c) => eventsTopic(c, options.topicPrefix))]
      : []),
  ]);

  const relay = new EventRelay({
    store: ports.store,
    bus: ports.bus,
    context: definition.context,
    topic: eventsTopic(definition.context, options.topicPrefix),
    lingerMs: tuning.relayLingerMs,
    // Archived copies of other contexts' events stay home: each context publishes only what it decided.
    filter: (event: RecordedEvent) => event.metadata.source === definition.context,
  });
  await relay.start();
  const anchors = options.anchors
    ? new AnchorPublisher({
        store: ports.store,
        storeName: options.anchors.storeName,
        bus: ports.bus,
        relay,
        key: options.anchors.key,
        topic: anchorsTopic(options.topicPrefix),
        intervalMs: options.anchors.intervalMs,
      })
    : undefined;
  if (anchors) {
    await ports.bus.ensureTopics?.([anchorsTopic(options.topicPrefix)]);
    anchors.start();
  }

  const app = await createHttpApp(serviceRootModule(definition, infra, options.extraModules), {
    title: definition.title,
    version: '1',
    tokenVerifier: options.tokenVerifier,
    readiness: readinessChecks(ports),
    asyncApi: () => serviceAsyncApi(definition),
    metricsRegistry: registry,
  });
  // Other contexts' events reach the module's @EventPattern handlers through the platform's bus.
  const appendArchived = ports.store.appendArchived?.bind(ports.store);
  const events = consumes
    ? connectEventHandlers(app, {
        bus: ports.bus,
        context: definition.context,
        groupId: consumerGroupId(definition.context, options.topicPrefix),
        topics: consumes.contexts.map((c) => eventsTopic(c, options.topicPrefix)),
        deadLetterTopic: deadLetterTopic(definition.context, options.topicPrefix),
        contracts,
        // Batched: a fetched batch is archived in one statement and one transaction (append_archived).
        archiveBatch:
          consumes.archive && tuning.consumerBatches && appendArchived
            ? async (events) => {
                await appendArchived(
                  events.map((event) => ({
                    streamId: event.streamId,
                    id: event.id,
                    type: event.type,
                    schemaVersion: event.schemaVersion,
                    data: event.data,
                    metadata: event.metadata,
                  })),
                );
              }
            : undefined,
        archive: consumes.archive
          ? async (event) => {
              await ports.store.append(
                event.streamId,
                [{ id: event.id, type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata }],
                { expectedVersion: 'any' },
              );
            }
          : undefined,
      })
    : undefined;
  // HTTP first: joining the consumer group can wait for a rebalance (up to the session timeout after a
  // predecessor was killed), and commands do not need the consumer.
  await app.listen(options.port, options.host ?? '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const metricsListener: MetricsListener | undefined =
    options.metricsPort === undefined
      ? undefined
      : await startMetricsListener(app.get(HttpMetrics), options.metricsPort, options.metricsHost);

  await app.startAllMicroservices();
  metrics.attach({
    store: ports.store,
    bus: ports.bus,
    relay,
    runner,
    consumer: consumes
      ? {
          groupId: consumerGroupId(definition.context, options.topicPrefix),
          topics: consumes.contexts.map((c) => eventsTopic(c, options.topicPrefix)),
          deadLetterTopic: deadLetterTopic(definition.context, options.topicPrefix),
        }
      : undefined,
  });

  return {
    definition,
    infra,
    app,
    url,
    metricsUrl: metricsListener?.url,
    events: events?.transport,
    settled: async () => {
      await relay.caughtUp();
      await runner.caughtUp();
    },
    stop: async () => {
      await metricsListener?.close();
      // Closing the server waits for every keep-alive connection, and a client under load keeps reusing
      // them: in-flight requests get a moment to finish, then the connections are closed.
      const server = app.getHttpServer() as import('http').Server;
      server.closeIdleConnections?.();
      const drain = setTimeout(() => server.closeAllConnections?.(), HTTP_DRAIN_MS);
      drain.unref();
      await app.close(); // unsubscribes the event transport too
      clearTimeout(drain);
      await anchors?.stop();
      await relay.stop();
      await runner.stop();
    },
  };
}

/** What `/health/ready` looks at: the store, the bus and the document store, where the adapter can be asked. */
function readinessChecks(ports: InfraPorts): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [{ name: 'postgres', check: () => ports.store.headPosition() }];
  const { bus, documents } = ports;
  if (bus.ping) checks.push({ name: 'kafka', check: () => bus.ping!() });
  if (documents.ping) checks.push({ name: 'documents', check: () => documents.ping!() });
  return checks;
}

/** The service's Nest root module: its infrastructure, access policy and own module. */
export function serviceRootModule(
  definition: ServiceDefinition,
  infra: ServiceInfra | undefined,
  extraModules: DynamicModule[] = [],
): DynamicModule {
  return {
    module: class ServiceRootModule {},
    imports: [
      ServiceInfraModule.forRoot(infra as ServiceInfra),
      AccessPolicyModule.forRoot(definition.access),
      definition.module,
      ...extraModules,
    ],
    // Mandates decided in submissions are copied home (reporting's archive already keeps them).
    controllers: definition.consumes && !definition.consumes.archive ? [MandateReplicationHandler] : [],
  };
}

/** What the event document says about a service: its own topic, the topics it consumes, its dead-letter topic. */
export function eventParticipant(definition: ServiceDefinition): EventParticipant {
  return { context: definition.context, title: definition.title, consumes: definition.consumes?.contexts ?? [] };
}

/** The AsyncAPI document of the given services (one service's at its `GET /asyncapi.json`, all four in docs/). */
export function asyncApiOf(
  definitions: ServiceDefinition[],
  title = 'CEM — sự kiện Kafka của nền tảng phong trào thi đua sáng tạo',
): AsyncApiDocument {
  return buildAsyncApiDocument({
    title,
    version: '1',
    description:
      'Các chủ đề Kafka của nền tảng: mỗi phân hệ phát hành mọi sự kiện nó ghi (CloudEvents 1.0 binary mode, khóa = mã luồng sự kiện); ' +
      'thông điệp bên tiêu thụ không xử lý được vào chủ đề dead letter của nhóm đó. Sinh từ các hợp đồng sự kiện trong libs/contracts.',
    contracts: ALL_CONTRACTS,
    participants: definitions.map(eventParticipant),
  });
}

export function serviceAsyncApi(definition: ServiceDefinition): AsyncApiDocument {
  return asyncApiOf([definition], `${definition.title} — sự kiện Kafka`);
}

/** The service's OpenAPI document as `/docs-json` serves it, built without servers (Nest preview mode). */
export function serviceOpenApi(definition: ServiceDefinition, port?: number): Promise<OpenAPIObject> {
  const refuse = (): Promise<never> => Promise.reject(new Error('no tokens are verified while building a document'));
  return openApiDocumentOf(serviceRootModule(definition, undefined), {
    title: definition.title,
    version: '1',
    port,
    tokenVerifier: { verify: refuse },
  });
}
