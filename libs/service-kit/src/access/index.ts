export * from './policy';
export * from './mandates';
export * from './access.guard';
export * from './routes';
export * from './mandate-replication.handler';
