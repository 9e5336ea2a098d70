import { join } from 'path';
import { KafkaEventBus, kafkaBrokersFromEnv } from '@cem/messaging';
import { LocalIssuer, TokenVerifier, LOCAL_ISSUER, PLATFORM_AUDIENCE } from '@cem/identity';
import type { ServiceDefinition } from './service-definition';
import { createDistributedPorts } from './infra.distributed';
import { RunningService, startService } from './service-runtime';

/**
 * The distributed bootstrap every services/<name>/src/main.ts calls. Configuration comes from the
 * environment: CEM_PG_URL, CEM_MONGO_URL, CEM_KAFKA_BROKERS, PORT, CEM_METRICS_PORT (+ CEM_METRICS_HOST) for the
 * scraper's own /metrics listener, and either CEM_JWKS_URL (+ CEM_JWT_ISSUER,
 * CEM_JWT_AUDIENCE) for a real identity provider or CEM_ISSUER_DIR for the local issuer's key. CEM_NAME_PREFIX
 * (optional, e.g. `staging_`) prefixes the schema, database, topic and consumer-group names, so that several
 * deployments (or a benchmark) can share one set of servers.
 */
export async function runServiceFromEnv(definition: ServiceDefinition, env: NodeJS.ProcessEnv = process.env): Promise<RunningService> {
  const prefix = env.CEM_NAME_PREFIX || undefined;
  if (prefix && !/^[a-z][a-z0-9_]{0,20}$/.test(prefix)) throw new Error(`CEM_NAME_PREFIX must be lower-case letters, digits and _, got "${prefix}"`);
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
  const tokenVerifier = env.CEM_JWKS_URL
    ? new TokenVerifier({
        jwksUrl: env.CEM_JWKS_URL,
        issuer: env.CEM_JWT_ISSUER ?? LOCAL_ISSUER,
        audience: env.CEM_JWT_AUDIENCE ?? PLATFORM_AUDIENCE,
      })
    : (await LocalIssuer.loadOrCreate(env.CEM_ISSUER_DIR ?? join(process.cwd(), 'data', 'identity'))).verifier();
  const service = await startService(definition, ports, {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    tokenVerifier,
    topicPrefix: prefix,
    // The scraper's listener: off unless asked for, on 127.0.0.1 unless CEM_METRICS_HOST says otherwise.
    metricsPort: env.CEM_METRICS_PORT ? Number(env.CEM_METRICS_PORT) : undefined,
    metricsHost: env.CEM_METRICS_HOST ?? '127.0.0.1',
  });
  const shutdown = async () => {
    await service.stop();
    await bus.close();
    await ports.store.close();
    await ports.documents.close();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  console.log(`${definition.title} listening on ${service.url}${service.metricsUrl ? ` (metrics on ${service.metricsUrl}/metrics)` : ''}`);
  return service;
}
