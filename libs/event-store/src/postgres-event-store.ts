import { PgSqlClient } from './pg-sql-client';
import { assertSchemaName } from './event-store.schema';
import { createSqlEventStore, type SqlEventStore } from './sql-event-store';

export interface PostgresEventStoreOptions {
  connectionString: string;
  /** PostgreSQL schema for this store's tables; default 'cem'. */
  schema?: string;
  /** Connection pool size; default 10. */
  poolSize?: number;
}

export async function createPostgresEventStore(options: PostgresEventStoreOptions): Promise<SqlEventStore> {
  assertSchemaName(options.schema ?? 'cem'); // before starting anything
  return createSqlEventStore(new PgSqlClient({ connectionString: options.connectionString, poolSize: options.poolSize }), {
    schema: options.schema,
  });
}
