export * from './test-platform';
export * from './prefixed-deployment';
export * from './scenario';
