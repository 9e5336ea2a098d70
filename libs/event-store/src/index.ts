export * from './event-store';
export * from './sql-client';
export { PgSqlClient, type PgSqlClientOptions } from './pg-sql-client';
export { PgliteSqlClient } from './pglite-sql-client';
export { SqlEventStore, createSqlEventStore, type SqlEventStoreOptions } from './sql-event-store';
export { createPostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { createPgliteEventStore, type PgliteEventStoreOptions } from './pglite-event-store';
export { assertSchemaName, notifyChannel, CONCURRENCY_SQLSTATE } from './event-store.schema';
export * from './chain-anchor';
