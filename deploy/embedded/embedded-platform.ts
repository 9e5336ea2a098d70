import { join } from 'path';
import { CONTEXTS } from '@cem/contracts';
import { DEMO_USERS, LocalIssuer } from '@cem/identity';
import { InProcessEventBus } from '@cem/messaging';
import {
  createEmbeddedPorts,
  EmbeddedPortsOptions,
  InfraPorts,
  JwksModule,
  RunningService,
  ServiceDefinition,
  startService,
} from '@cem/service-kit';

export interface EmbeddedPlatformOptions {
  /** Where PGlite keeps each service's event store and the local issuer its key; undefined = in memory. */
  dataDir?: string;
  /** metricsPort: the scraper's own /metrics listener on 127.0.0.1 (none when absent). */
  services: Array<{ definition: ServiceDefinition; port: number; metricsPort?: number }>;
  host?: string;
  /** Each service's stores: read models kept on disk, PGlite's cache (defaults: see createEmbeddedPorts). */
  ports?: EmbeddedPortsOptions;
}

export interface EmbeddedPlatform {
  issuer: LocalIssuer;
  services: RunningService[];
  stop(): Promise<void>;
}

/**
 * The whole platform in one process with no external server: each service gets its own PGlite database
 * (persisted under dataDir/<context>/pg, its read models in dataDir/<context>/read-models.snapshot), they share
 * an in-process bus, and the local issuer signs tokens.
 */
export async function startEmbeddedPlatform(options: EmbeddedPlatformOptions): Promise<EmbeddedPlatform> {
  const issuer = options.dataDir ? await LocalIssuer.loadOrCreate(join(options.dataDir, 'identity')) : await LocalIssuer.inMemory();
  const bus = new InProcessEventBus();
  const started: Array<{ service: RunningService; ports: InfraPorts }> = [];
  for (const { definition, port, metricsPort } of options.services) {
    const ports = await createEmbeddedPorts(definition.context, options.dataDir, bus, options.ports);
    const service = await startService(definition, ports, {
      port,
      host: options.host,
      metricsPort,
      tokenVerifier: issuer.verifier(),
      extraModules: [JwksModule.serve(issuer.jwks())],
    });
    started.push({ service, ports });
  }
  return {
    issuer,
    services: started.map((s) => s.service),
    stop: async () => {
      for (const { service, ports } of started.reverse()) {
        await service.stop();
        await ports.store.close();
        await ports.documents.close();
      }
      await bus.close();
    },
  };
}

export { CONTEXTS, DEMO_USERS };
