import { randomBytes } from 'crypto';
import { PgSqlClient } from './pg-sql-client';
import type { SqlClient, SqlRow } from './sql-client';
import { createSqlEventStore, type SqlEventStore } from './sql-event-store';

export const DEFAULT_TEST_PG_URL = 'postgres://cem:cem@127.0.0.1:5432/cem';

export function testPgUrl(): string {
  return process.env.CEM_PG_URL || DEFAULT_TEST_PG_URL;
}

/** A schema name no other test run uses, so test files can share one database in parallel. */
export function uniqueTestSchema(prefix = 'es_test'): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/**
 * The client without its binary COPY path: the store then reads the global log with `queryArrays` (the reader
 * before the COPY decoder), for tests and benchmarks comparing both on the same server.
 */
export function withoutLogCopy(client: SqlClient): SqlClient {
  return {
    query: (sql, params) => client.query(sql, params),
    queryArrays: client.queryArrays && ((sql, params) => client.queryArrays!(sql, params)),
    exec: (sql) => client.exec(sql),
    listen: (channel, onNotify) => client.listen(channel, onNotify),
    tryLock: client.tryLock && ((name) => client.tryLock!(name)),
    close: () => client.close(),
  };
}

export interface TestPostgresStore {
  store: SqlEventStore;
  schema: string;
  /** Runs raw SQL with search_path set to the store's schema (e.g. to tamper with `events` in a test). */
  sql<R extends SqlRow = SqlRow>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Closes the store and drops its schema. Safe to call twice. */
  drop(): Promise<void>;
  /** Same as drop(). */
  dispose(): Promise<void>;
}

/**
 * A PostgreSQL event store in a fresh schema of the CEM_PG_URL database. Rejects when the server is
 * unreachable, so integration tests fail rather than skip.
 */
export async function createTestPostgresStore(
  options: {
    schemaPrefix?: string;
    poolSize?: number;
    /** 'arrays': without the binary COPY reader (withoutLogCopy). */ logReader?: 'copy' | 'arrays';
  } = {},
): Promise<TestPostgresStore> {
  const schema = uniqueTestSchema(options.schemaPrefix);
  const client = new PgSqlClient({ connectionString: testPgUrl(), poolSize: options.poolSize ?? 10, searchPath: schema });
  const storeClient = options.logReader === 'arrays' ? withoutLogCopy(client) : client;
  const store = await createSqlEventStore(storeClient, { schema, closeClient: false }).catch(async (error: unknown) => {
    await client.close();
    throw error;
  });
  let dropped: Promise<void> | undefined;
  const drop = () =>
    (dropped ??= (async () => {
      await store.close();
      try {
        await client.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.close();
      }
    })());
  return {
    store,
    schema,
    sql: <R extends SqlRow = SqlRow>(text: string, params?: readonly unknown[]) => client.query<R>(text, params),
    drop,
    dispose: drop,
  };
}
