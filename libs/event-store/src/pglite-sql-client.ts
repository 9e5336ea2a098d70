import { mkdirSync } from 'fs';
import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlRow } from './sql-client';
import type { Lease } from './sql-client';

/** 16MB: 4 services' stores at start take about 300 MB of RSS instead of 800 MB (128MB each, PostgreSQL's default). */
export const PGLITE_SHARED_BUFFERS = '16MB';

/**
 * PGlite adapter: PostgreSQL in WASM, in-process, one session. Persisted to `dataDir` when given,
 * in memory otherwise. PGlite queues calls itself, so concurrent callers are simply serialised.
 */
export class PgliteSqlClient implements SqlClient {
  readonly readsLogAsJson = true;

  private constructor(private readonly db: PGlite) {}

  /**
   * `sharedBuffers`: PostgreSQL's buffer cache inside the WebAssembly memory (default PGLITE_SHARED_BUFFERS). PGlite
   * touches all of it at start, so it is resident whether used or not: at PostgreSQL's 128MB, four services' stores
   * cost 4 x 190 MB of RSS before any work (docs/benchmarks.md, section 5). The pages behind it are the OS page cache's
   * anyway (the data dir is ordinary files), so a small cache costs a system call on a miss, not a disk read.
   */
  static async open(dataDir?: string, options: { sharedBuffers?: string } = {}): Promise<PgliteSqlClient> {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    // Start parameters, not postgresqlconf: that option rewrites the data dir's postgresql.conf (initdb's settings).
    const startParams = [...PGlite.defaultStartParams, '-c', `shared_buffers=${options.sharedBuffers ?? PGLITE_SHARED_BUFFERS}`];
    const db = new PGlite({ dataDir, startParams });
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
