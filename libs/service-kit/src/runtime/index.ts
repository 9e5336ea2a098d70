export * from './service-definition';
export * from './service-infra';
export * from './service-runtime';
export * from './infra.embedded';
export * from './infra.distributed';
export * from './run-from-env';
export * from './service-metrics';
export * from './anchor-publisher';
