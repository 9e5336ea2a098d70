import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ActorVerifier, AuthGuard, TOKEN_VERIFIER } from './auth.guard';
import { AccessGuard } from '../access/access.guard';
import { HealthController, HTTP_APP_INFO, HttpAppInfo, READINESS_CHECKS, ReadinessCheck } from './health.controller';
import { HttpMetrics } from './http-metrics';
import { PlatformExceptionFilter } from './platform-exception.filter';
import { createValidationPipe } from './validation';

export interface HttpKitOptions extends HttpAppInfo {
  tokenVerifier: ActorVerifier;
  metrics: HttpMetrics;
  readiness?: ReadinessCheck[];
}

/** Everything createHttpApp adds around a service's own module; global so TOKEN_VERIFIER and HttpMetrics are injectable anywhere. */
@Module({})
export class HttpKitModule {
  static forRoot(options: HttpKitOptions): DynamicModule {
    return {
      module: HttpKitModule,
      global: true,
      controllers: [HealthController],
      providers: [
        { provide: TOKEN_VERIFIER, useValue: options.tokenVerifier },
        { provide: HttpMetrics, useValue: options.metrics },
        { provide: HTTP_APP_INFO, useValue: { title: options.title, version: options.version } },
        { provide: READINESS_CHECKS, useValue: options.readiness ?? [] },
        { provide: APP_GUARD, useClass: AuthGuard },
        // After authentication: the service's access policy (roles, relation to the record, mandates).
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: PlatformExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [TOKEN_VERIFIER, HttpMetrics],
    };
  }
}
