export * from './http';
export * from './runtime';
export * from './access';
