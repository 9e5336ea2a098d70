import { resolve } from 'path';
import type { EmbeddedPortsOptions } from '@cem/service-kit';
import { EmbeddedPlatform, startEmbeddedPlatform } from './embedded-platform';
import { DemoScenarioResult, seedDemoScenario } from './demo-scenario';
import { PortalGateway, startPortalGateway } from './portal-gateway';
import { PLATFORM_SERVICES } from './services';

export const PORTAL_DIST = resolve(__dirname, '..', '..', 'portal', 'dist');

export interface EmbeddedWithPortalOptions {
  dataDir?: string;
  /** The portal's port; the services take the next four (3000 -> 3001..3004). 0: every port free. */
  port: number;
  host?: string;
  /** Set up the Hà Nam demo campaign, council and award on a fresh data dir (default true). */
  demoScenario?: boolean;
  distDir?: string;
  /** Each service's stores (read models kept on disk, PGlite's cache); defaults in createEmbeddedPorts. */
  ports?: EmbeddedPortsOptions;
}

export interface EmbeddedWithPortal {
  platform: EmbeddedPlatform;
  gateway: PortalGateway;
  demo?: DemoScenarioResult;
  stop(): Promise<void>;
}

/** `npm start` and the browser tests: the four services, the portal on one origin in front of them. */
export async function startEmbeddedWithPortal(options: EmbeddedWithPortalOptions): Promise<EmbeddedWithPortal> {
  // Each service's /metrics listener (127.0.0.1, for the scraper) sits 100 ports above it: 3101..3104.
  const services = PLATFORM_SERVICES.map((s, i) => ({
    ...s,
    port: options.port === 0 ? 0 : options.port + i + 1,
    metricsPort: options.port === 0 ? 0 : options.port + 100 + i + 1,
  }));
  const platform = await startEmbeddedPlatform({
    dataDir: options.dataDir,
    services,
    host: options.host,
    ports: options.ports,
  });
  const routes = Object.fromEntries(platform.services.map((s) => [s.definition.context, s.url]));
  try {
    const demo = options.demoScenario === false ? undefined : await seedDemoScenario(platform.issuer, routes);
    const gateway = await startPortalGateway({
      port: options.port,
      host: options.host,
      distDir: options.distDir ?? PORTAL_DIST,
      services: routes,
      demoIssuer: platform.issuer,
    });
    return {
      platform,
      gateway,
      demo,
      stop: async () => {
        await gateway.close();
        await platform.stop();
      },
    };
  } catch (error) {
    await platform.stop();
    throw error;
  }
}
