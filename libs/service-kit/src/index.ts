export * from './http';
export * from './runtime';
