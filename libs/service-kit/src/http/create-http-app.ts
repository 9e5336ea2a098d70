import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger, LoggerModule } from 'nestjs-pino';
import type { ActorVerifier } from './auth.guard';
import type { ReadinessCheck } from './health.controller';
import { HttpKitModule } from './http-kit.module';
import { HttpMetrics } from './http-metrics';
import type { ActorRequest } from './http-request';

export interface CreateHttpAppOptions {
  title: string;
  version: string;
  /** Only used to name the server in the OpenAPI document; the caller still calls app.listen(port). */
  port?: number;
  tokenVerifier: ActorVerifier;
  /** Dependencies `/health/ready` checks (PostgreSQL, Kafka, the document store). */
  readiness?: ReadinessCheck[];
  /** Pino level; defaults to CEM_LOG_LEVEL, else 'silent' under NODE_ENV=test, else 'info'. */
  logger?: { level?: string };
}

const QUIET_PATHS = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

export function logLevel(options: CreateHttpAppOptions): string {
  return options.logger?.level ?? process.env.CEM_LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info');
}

/** Readable lines in a terminal (pino-pretty), JSON lines otherwise (files, pipes, log shippers). */
export function prettyLogs(level: string): boolean {
  if (level === 'silent' || process.env.CEM_LOG_FORMAT === 'json') return false;
  return process.env.CEM_LOG_FORMAT === 'pretty' || Boolean(process.stdout.isTTY);
}

function loggerModule(options: CreateHttpAppOptions): DynamicModule {
  const level = logLevel(options);
  return LoggerModule.forRoot({
    pinoHttp: {
      name: options.title,
      level,
      ...(prettyLogs(level)
        ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
        : {}),
      // One short line per request: who asked is in the events themselves, and serialising every header of
      // every request cost more CPU than the command it logged.
      serializers: {
        req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      // Probes every few seconds would drown the requests people make.
      autoLogging: { ignore: (req) => QUIET_PATHS.has((req as ActorRequest).url?.split('?')[0] ?? '') },
    },
  });
}

/**
 * Builds a service's Nest app with what every service shares, wrapped around `rootModule` (services do not
 * import anything themselves): pino logging, the global validation pipe, error filter and auth guard,
 * `GET /health` and `GET /metrics` (HttpKitModule), and OpenAPI at `/docs` (JSON at `/docs-json`).
 * Returns the app not yet listening.
 */
export async function createHttpApp(
  rootModule: Type<unknown> | DynamicModule,
  options: CreateHttpAppOptions,
): Promise<INestApplication> {
  const metrics = new HttpMetrics(options.title);
  const appModule: DynamicModule = {
    module: class HttpAppModule {},
    imports: [
      loggerModule(options),
      HttpKitModule.forRoot({ title: options.title, version: options.version, tokenVerifier: options.tokenVerifier, metrics, readiness: options.readiness }),
      rootModule,
    ],
  };
  const app = await NestFactory.create(appModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  // Nest only flushes the buffer on listen(); apps driven by supertest never listen, so flush now.
  app.flushLogs();
  app.use(metrics.middleware());
  // No app.enableShutdownHooks(): Nest's handler closes the app and then re-raises the signal, killing the
  // process (exit 143) before the service's own shutdown (consumer leaving its group, checkpoints) has run.
  // Whoever runs the app handles signals and calls app.close() (runServiceFromEnv, the embedded launcher).

  const document = new DocumentBuilder()
    .setTitle(options.title)
    .setVersion(options.version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer');
  if (options.port) document.addServer(`http://127.0.0.1:${options.port}`);
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, document.build()), {
    jsonDocumentUrl: 'docs-json',
  });
  return app;
}
