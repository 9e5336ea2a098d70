import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Registry } from 'prom-client';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger, LoggerModule } from 'nestjs-pino';
import type { ActorVerifier } from './auth.guard';
import type { ReadinessCheck } from './health.controller';
import { HttpKitModule } from './http-kit.module';
import { HttpMetrics } from './http-metrics';
import type { ActorRequest } from './http-request';
import { ifMatchBasis } from './if-match';
import { withoutInternalFields } from './internal-fields';
import { applyValidatorSchemas, completeOpenApi, ErrorResponseDto, OPENAPI_DESCRIPTION } from './openapi';
import { bodyShapeGuard, MAX_BODY_BYTES, urlGuard } from './request-limits';

export interface CreateHttpAppOptions {
  title: string;
  version: string;
  /** Only used to name the server in the OpenAPI document; the caller still calls app.listen(port). */
  port?: number;
  tokenVerifier: ActorVerifier;
  /** Registry `/metrics` serves, when the caller registered its own metrics in it (else a new one). */
  metricsRegistry?: Registry;
  /** Dependencies `/health/ready` checks (PostgreSQL, Kafka, the document store). */
  readiness?: ReadinessCheck[];
  /** Builds the service's AsyncAPI document, served at `GET /asyncapi.json`. */
  asyncApi?: () => object;
  /** Pino level; defaults to CEM_LOG_LEVEL, else 'silent' under NODE_ENV=test, else 'info'. */
  logger?: { level?: string };
}

const QUIET_PATHS = new Set(['/health', '/health/live', '/health/ready']);

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
      // The serializers get the raw request and response: pino-http's wrapping would first build its full picture of
      // them (every header, the peer address: a system call) only for these to keep three fields.
      wrapSerializers: false,
      serializers: {
        req: (req: { id?: unknown; method?: string; originalUrl?: string; url?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.originalUrl ?? req.url,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      // Probes every few seconds would drown the requests people make.
      autoLogging: { ignore: (req) => QUIET_PATHS.has((req as ActorRequest).url?.split('?')[0] ?? '') },
    },
  });
}

/**
 * Builds a service's Nest app with what every service shares, wrapped around `rootModule` (services do not
 * import anything themselves): helmet's headers, request limits (body size, nesting, control characters),
 * pino logging, the global validation pipe, error filter and auth guard, `GET /health` (HttpKitModule), and
 * OpenAPI at `/docs` (JSON at `/docs-json`). Request metrics are counted here but served only on the
 * scraper's own listener (startMetricsListener with `app.get(HttpMetrics)`), never on this public app.
 * Returns the app not yet listening.
 */
export async function createHttpApp(rootModule: Type<unknown> | DynamicModule, options: CreateHttpAppOptions): Promise<INestApplication> {
  const metrics = new HttpMetrics(options.title, options.metricsRegistry);
  // Body parsers are registered below, in order with the guards around them.
  const app = await NestFactory.create<NestExpressApplication>(httpAppModule(rootModule, options, metrics), {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // Nest only flushes the buffer on listen(); apps driven by supertest never listen, so flush now.
  app.flushLogs();
  app.disable('x-powered-by');
  app.set('json replacer', withoutInternalFields);
  app.use(helmet());
  app.use(metrics.middleware());
  app.use(urlGuard());
  app.useBodyParser('json', { limit: MAX_BODY_BYTES });
  app.useBodyParser('urlencoded', { extended: true, limit: MAX_BODY_BYTES });
  app.use(bodyShapeGuard());
  app.use(ifMatchBasis());
  // No app.enableShutdownHooks(): Nest's handler closes the app and then re-raises the signal, killing the
  // process (exit 143) before the service's own shutdown (consumer leaving its group, checkpoints) has run.
  // Whoever runs the app handles signals and calls app.close() (runServiceFromEnv, the embedded launcher).

  SwaggerModule.setup('docs', app, () => openApiDocument(app, options), { jsonDocumentUrl: 'docs-json' });
  if (options.asyncApi) {
    const build = options.asyncApi;
    let asyncApi: object | undefined;
    // Like /docs-json, served by the HTTP adapter itself: public, outside the guards and the OpenAPI document;
    // built on the first request, not at start.
    app.getHttpAdapter().get('/asyncapi.json', (_req: unknown, res: { json(body: unknown): void }) => res.json((asyncApi ??= build())));
  }
  return app;
}

/** The Nest module createHttpApp runs: logging and the HTTP kit around the service's root module. */
export function httpAppModule(
  rootModule: Type<unknown> | DynamicModule,
  options: CreateHttpAppOptions,
  metrics = new HttpMetrics(options.title),
): DynamicModule {
  return {
    module: class HttpAppModule {},
    imports: [
      loggerModule(options),
      HttpKitModule.forRoot({
        title: options.title,
        version: options.version,
        tokenVerifier: options.tokenVerifier,
        metrics,
        readiness: options.readiness,
      }),
      rootModule,
    ],
  };
}

/** The app's OpenAPI document as served at /docs-json: routes and DTOs, completed by completeOpenApi. */
export function openApiDocument(app: INestApplication, options: Pick<CreateHttpAppOptions, 'title' | 'version' | 'port'>): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setVersion(options.version)
    .setDescription(OPENAPI_DESCRIPTION)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer');
  if (options.port) config.addServer(`http://127.0.0.1:${options.port}`);
  applyValidatorSchemas();
  return completeOpenApi(SwaggerModule.createDocument(app, config.build(), { extraModels: [ErrorResponseDto] }));
}

/**
 * A service's OpenAPI document without starting it: Nest's preview mode resolves the module graph (routes,
 * DTOs) without instantiating any provider, so no server and no infrastructure is needed.
 */
export async function openApiDocumentOf(rootModule: Type<unknown> | DynamicModule, options: CreateHttpAppOptions): Promise<OpenAPIObject> {
  const app = await NestFactory.create(httpAppModule(rootModule, { ...options, logger: { level: 'silent' } }), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return openApiDocument(app, options);
  } finally {
    await app.close();
  }
}
