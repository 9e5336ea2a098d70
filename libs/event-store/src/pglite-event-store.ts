import { PgliteSqlClient } from './pglite-sql-client';
import { assertSchemaName } from './event-store.schema';
import { createSqlEventStore, type SqlEventStore } from './sql-event-store';

export interface PgliteEventStoreOptions {
  /** Directory the database persists to; in memory when absent. */
  dataDir?: string;
  /** PostgreSQL schema for this store's tables; default 'cem'. */
  schema?: string;
  /** PostgreSQL's shared_buffers inside PGlite (default PGLITE_SHARED_BUFFERS: see PgliteSqlClient.open). */
  sharedBuffers?: string;
}

export async function createPgliteEventStore(options: PgliteEventStoreOptions = {}): Promise<SqlEventStore> {
  assertSchemaName(options.schema ?? 'cem'); // before starting anything
  return createSqlEventStore(await PgliteSqlClient.open(options.dataDir, { sharedBuffers: options.sharedBuffers }), {
    schema: options.schema,
  });
}
