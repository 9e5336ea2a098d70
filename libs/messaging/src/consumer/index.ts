export * from './event-consumer';
export * from './event-envelope';
export * from './event-bus.transport';
export * from './event-exception.filter';
export * from './event-logging.interceptor';
export * from './connect-event-handlers';
