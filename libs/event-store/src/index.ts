export * from './event-store';
export * from './sql-client';
export { PgSqlClient, type PgSqlClientOptions } from './pg-sql-client';
export { PgliteSqlClient } from './pglite-sql-client';
export { SqlEventStore, createSqlEventStore, type SqlEventStoreOptions } from './sql-event-store';
export { createPostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { createPgliteEventStore, type PgliteEventStoreOptions } from './pglite-event-store';
export { assertSchemaName, notifyChannel, CONCURRENCY_SQLSTATE } from './event-store.schema';
/** The store's statements, for benchmarks that measure them apart from the store (bench/src/append-breakdown.ts). */
export { eventStoreQueries } from './event-store.queries';
export * from './chain-anchor';
export { LoggedEvent } from './event-row.mapper';
