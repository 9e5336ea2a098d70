import { Client, Pool, types, type PoolConfig } from 'pg';
import type { SqlClient, SqlRow } from './sql-client';

export interface PgSqlClientOptions {
  connectionString: string;
  /** Pool size; default 10. Concurrent appends need one connection each to overlap for real. */
  poolSize?: number;
  /** Sets search_path on every connection (used by test helpers running unqualified SQL). */
  searchPath?: string;
}

const TIMESTAMPTZ_OID = 1184;
const keepText = (value: string) => value;

/**
 * Timestamps stay text: in a UTC session they convert to ISO-8601 by slicing (see event-row.mapper),
 * several times cheaper than node-postgres' Date parsing, which dominated catch-up reads.
 */
const rawTimestamps = ((oid: number, format?: 'text' | 'binary') =>
  oid === TIMESTAMPTZ_OID ? keepText : types.getTypeParser(oid, format)) as typeof types.getTypeParser;

/**
 * node-postgres adapter: statements run on a pool; LISTEN runs on one dedicated connection because a
 * pooled connection goes back to the pool and would drop its notifications.
 */
export class PgSqlClient implements SqlClient {
  private readonly pool: Pool;
  /** Statement names, so that each pooled connection parses and plans a statement once. */
  private readonly statementNames = new Map<string, string>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private listenClient?: Promise<Client>;

  constructor(private readonly options: PgSqlClientOptions) {
    const settings = ['-c TimeZone=UTC', ...(options.searchPath ? [`-c search_path=${options.searchPath}`] : [])];
    const config: PoolConfig = {
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      options: settings.join(' '),
      types: { getTypeParser: rawTimestamps },
    };
    this.pool = new Pool(config);
    // An idle client losing its connection must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  async query<R extends SqlRow = SqlRow>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    const result = await this.pool.query<R>({ name: this.statementName(sql), text: sql, values: params as unknown[] });
    return result.rows;
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const client = await this.connectListener();
    let callbacks = this.listeners.get(channel);
    if (!callbacks) {
      callbacks = new Set();
      this.listeners.set(channel, callbacks);
      await client.query(`LISTEN "${channel}"`);
    }
    callbacks.add(onNotify);
    return async () => {
      callbacks.delete(onNotify);
      if (callbacks.size === 0 && this.listeners.get(channel) === callbacks) {
        this.listeners.delete(channel);
        await client.query(`UNLISTEN "${channel}"`).catch(() => undefined);
      }
    };
  }

  async close(): Promise<void> {
    const listener = this.listenClient;
    this.listenClient = undefined;
    this.listeners.clear();
    if (listener) await (await listener).end().catch(() => undefined);
    await this.pool.end();
  }

  private statementName(sql: string): string {
    let name = this.statementNames.get(sql);
    if (!name) {
      name = `cem_es_${this.statementNames.size}`;
      this.statementNames.set(sql, name);
    }
    return name;
  }

  private connectListener(): Promise<Client> {
    this.listenClient ??= (async () => {
      const client = new Client({ connectionString: this.options.connectionString });
      // Losing the listener only slows subscribers down to their poll interval; it must not crash.
      client.on('error', () => undefined);
      client.on('notification', (message) => this.listeners.get(message.channel)?.forEach((notify) => notify()));
      await client.connect();
      return client;
    })();
    return this.listenClient;
  }
}
