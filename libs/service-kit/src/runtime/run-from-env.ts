import { readFileSync } from 'fs';
import { KafkaEventBus, kafkaBrokersFromEnv } from '@cem/messaging';
import { tokenVerifierFromEnv } from '@cem/identity';
import type { ServiceDefinition } from './service-definition';
import { createDistributedPorts, distributedNames } from './infra.distributed';
import { AnchorKey } from '@cem/event-store';
import { COMMAND_PATH_DEFAULTS, COMMAND_PATH_UNBATCHED, CommandPathTuning, RunningService, startService } from './service-runtime';

/** How long a clean stop may take before the process gives up and exits 1. */
const SHUTDOWN_GRACE_MS = 25_000;

/**
 * The distributed bootstrap every services/<name>/src/main.ts calls. Configuration comes from the
 * environment: CEM_PG_URL, CEM_MONGO_URL, CEM_KAFKA_BROKERS, PORT, CEM_METRICS_PORT (+ CEM_METRICS_HOST) for the
 * scraper's own /metrics listener, the identity provider (CEM_OIDC_ISSUER,
 * CEM_JWKS_URL or CEM_ISSUER_DIR: see tokenVerifierFromEnv in @cem/identity). CEM_NAME_PREFIX
 * (optional, e.g. `staging_`) prefixes the schema, database, topic and consumer-group names, so that several
 * deployments (or a benchmark) can share one set of servers.
 */
/**
 * CEM_COMMAND_PATH=unbatched selects the path before issue 17's batching (benchmarks compare both in one run);
 * CEM_RELAY_LINGER_MS and CEM_PROJECTION_LINGER_MS override single settings.
 */
export function commandPathFromEnv(env: NodeJS.ProcessEnv): CommandPathTuning {
  const base = env.CEM_COMMAND_PATH === 'unbatched' ? COMMAND_PATH_UNBATCHED : COMMAND_PATH_DEFAULTS;
  const ms = (value: string | undefined, fallback: number) =>
    value !== undefined && value !== '' && Number(value) >= 0 ? Number(value) : fallback;
  return {
    relayLingerMs: ms(env.CEM_RELAY_LINGER_MS, base.relayLingerMs),
    projectionLingerMs: ms(env.CEM_PROJECTION_LINGER_MS, base.projectionLingerMs),
    consumerBatches: base.consumerBatches,
  };
}

export async function runServiceFromEnv(definition: ServiceDefinition, env: NodeJS.ProcessEnv = process.env): Promise<RunningService> {
  const prefix = env.CEM_NAME_PREFIX || undefined;
  if (prefix && !/^[a-z][a-z0-9_]{0,20}$/.test(prefix))
    throw new Error(`CEM_NAME_PREFIX must be lower-case letters, digits and _, got "${prefix}"`);
  const bus = new KafkaEventBus({ brokers: kafkaBrokersFromEnv(env), clientId: `cem-${definition.context}` });
  const ports = await createDistributedPorts(
    definition.context,
    {
      pgUrl: env.CEM_PG_URL ?? 'postgres://cem:cem@127.0.0.1:5432/cem',
      mongoUrl: env.CEM_MONGO_URL ?? 'mongodb://127.0.0.1:27017',
      namePrefix: prefix,
    },
    bus,
  );
  const tokenVerifier = await tokenVerifierFromEnv(env);
  const service = await startService(definition, ports, {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    tokenVerifier,
    topicPrefix: prefix,
    // CEM_ANCHOR_KEY_DIR: the anchoring key, on a volume the database's administrators cannot reach.
    anchors: env.CEM_ANCHOR_KEY_DIR
      ? {
          key: await AnchorKey.loadOrCreate(env.CEM_ANCHOR_KEY_DIR),
          intervalMs: Number(env.CEM_ANCHOR_INTERVAL_SECONDS ?? 300) * 1000,
          storeName: distributedNames(definition.context, prefix).schema,
          // CEM_ANCHOR_TRUSTED_KEYS: PEM files of other anchoring keys to trust (services with keys of their own).
          trustedPublicKeys: (env.CEM_ANCHOR_TRUSTED_KEYS ?? '')
            .split(',')
            .filter(Boolean)
            .map((file) => readFileSync(file.trim(), 'utf8')),
        }
      : undefined,
    // The scraper's listener: off unless asked for, on 127.0.0.1 unless CEM_METRICS_HOST says otherwise.
    metricsPort: env.CEM_METRICS_PORT ? Number(env.CEM_METRICS_PORT) : undefined,
    metricsHost: env.CEM_METRICS_HOST ?? '127.0.0.1',
    commandPath: commandPathFromEnv(env),
  });
  // A clean stop on SIGTERM/SIGINT: HTTP closes, the consumer leaves its group, the relay and projections
  // flush their checkpoints, connections close, exit 0. Further signals are ignored meanwhile; a hang past
  // the grace period ends the process with 1 (what an orchestrator's SIGKILL would do anyway).
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${definition.title}: ${signal}, stopping`);
    const grace = setTimeout(() => {
      console.error(`${definition.title}: shutdown did not finish within ${SHUTDOWN_GRACE_MS} ms`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    grace.unref();
    void (async () => {
      try {
        await service.stop();
        await bus.close();
        await ports.store.close();
        await ports.documents.close();
        process.exit(0);
      } catch (error) {
        console.error(`${definition.title}: shutdown failed`, error);
        process.exit(1);
      }
    })();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  console.log(`${definition.title} listening on ${service.url}${service.metricsUrl ? ` (metrics on ${service.metricsUrl}/metrics)` : ''}`);
  return service;
}
