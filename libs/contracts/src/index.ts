export * from './administrative';
export * from './event-envelope';
export * from './errors';
export * from './event-contract';
export * from './topics';
