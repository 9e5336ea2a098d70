export * from './reporting.values';
export * from './reporting.events';
export * from './reporting.contracts';
