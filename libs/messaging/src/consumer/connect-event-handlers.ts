import type { INestApplication, INestMicroservice } from '@nestjs/common';
import { EventBusTransport, type EventBusTransportOptions } from './event-bus.transport';
import { EventExceptionFilter } from './event-exception.filter';
import { EventLoggingInterceptor } from './event-logging.interceptor';

export interface ConnectedEventHandlers {
  transport: EventBusTransport;
  microservice: INestMicroservice;
}

/**
 * Attaches the event transport to a Nest app (hybrid: the HTTP app's module graph, so handlers are ordinary
 * controllers with DI) with the event handlers' own global enhancers: the logging interceptor and the
 * exception filter. The HTTP app's guards, pipes and filters do not apply to events. Call before app.init();
 * `app.startAllMicroservices()` then subscribes, and `app.close()` unsubscribes.
 */
export function connectEventHandlers(app: INestApplication, options: EventBusTransportOptions | EventBusTransport): ConnectedEventHandlers {
  const transport = options instanceof EventBusTransport ? options : new EventBusTransport(options);
  // Deferred, so the enhancers below are in place when the listeners are registered at start.
  const microservice = app.connectMicroservice<{ strategy: EventBusTransport }>({ strategy: transport }, { deferInitialization: true });
  microservice.useGlobalInterceptors(new EventLoggingInterceptor());
  microservice.useGlobalFilters(new EventExceptionFilter());
  // The app runs the lifecycle hooks of the shared modules once; the microservice must not run them again.
  (microservice as INestMicroservice & { setIsInitHookCalled(called: boolean): void }).setIsInitHookCalled(true);
  return { transport, microservice };
}
