import { mkdirSync } from 'fs';
import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlRow } from './sql-client';
import type { Lease } from './sql-client';

/**
 * PGlite adapter: PostgreSQL in WASM, in-process, one session. Persisted to `dataDir` when given,
 * in memory otherwise. PGlite queues calls itself, so concurrent callers are simply serialised.
 */
export class PgliteSqlClient implements SqlClient {
  readonly readsLogAsJson = true;

  private constructor(private readonly db: PGlite) {}

  static async open(dataDir?: string): Promise<PgliteSqlClient> {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const db = dataDir ? new PGlite(dataDir) : new PGlite();
    await db.waitReady;
    return new PgliteSqlClient(db);
  }

  async query<R extends SqlRow = SqlRow>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    return (await this.db.query<R>(sql, params as unknown[])).rows;
  }

  async exec(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const unlisten = await this.db.listen(channel, () => onNotify());
    return async () => {
      if (!this.db.closed) await unlisten();
    };
  }

  /** One process owns a PGlite database: the lock is always ours (held until released). */
  tryLock(): Promise<Lease> {
    let release!: () => void;
    const lost = new Promise<void>((resolve) => (release = resolve));
    return Promise.resolve({ lost, release: () => Promise.resolve(release()) });
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}
