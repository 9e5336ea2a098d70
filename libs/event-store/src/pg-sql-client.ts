import { Client, Pool, types, type PoolConfig } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { ServiceUnavailableError } from '@cem/contracts';
import type { Lease, SqlClient, SqlRow } from './sql-client';

export interface PgSqlClientOptions {
  connectionString: string;
  /** Pool size; default 10. Concurrent appends need one connection each to overlap for real. */
  poolSize?: number;
  /** Sets search_path on every connection (used by test helpers running unqualified SQL). */
  searchPath?: string;
}

const TIMESTAMPTZ_OID = 1184;
const JSON_OID = 114;
const JSONB_OID = 3802;
/** A command waits at most this long for a connection while the server is unreachable, then gets a 503. */
const CONNECT_TIMEOUT_MS = 5000;
/** Delay between attempts to re-establish the LISTEN connection, doubled up to the maximum. */
const RELISTEN_FIRST_MS = 100;
const RELISTEN_MAX_MS = 5000;

/** A lease holder checks its connection this often, so a server restart is noticed without a query. */
const LEASE_KEEPALIVE_MS = 2000;

/** Socket-level failures and the SQLSTATEs of a server shutting down, restarting or refusing connections. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3])/; // connection exceptions; admin/crash shutdown, cannot connect now

/** True when the error says "the server could not be reached", not "the statement was refused". */
export function isConnectionFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery)|Client has encountered a connection error/i.test(
      message,
    )
  );
}

function unavailable(error: unknown): unknown {
  return isConnectionFailure(error)
    ? new ServiceUnavailableError('postgres', `PostgreSQL is unreachable: ${(error as Error).message}`, 5, { cause: error })
    : error;
}
const keepText = (value: string) => value;

/**
 * Timestamps stay text: in a UTC session they convert to ISO-8601 by slicing (see event-row.mapper),
 * several times cheaper than node-postgres' Date parsing, which dominated catch-up reads.
 */
const rawTimestamps = ((oid: number, format?: 'text' | 'binary'): ((value: string) => unknown) =>
  oid === TIMESTAMPTZ_OID ? keepText : (types.getTypeParser(oid, format) as (value: string) => unknown)) as typeof types.getTypeParser;

/** queryArrays: json and jsonb stay text as well (parsed lazily by their reader). */
const rawJsonAndTimestamps = ((oid: number, format?: 'text' | 'binary'): ((value: string) => unknown) =>
  oid === JSON_OID || oid === JSONB_OID
    ? keepText
    : (rawTimestamps(oid, format) as (value: string) => unknown)) as typeof types.getTypeParser;

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
  private closed = false;
  private relistenTimer?: NodeJS.Timeout;
  private relistenDelayMs = RELISTEN_FIRST_MS;

  constructor(private readonly options: PgSqlClientOptions) {
    const settings = ['-c TimeZone=UTC', ...(options.searchPath ? [`-c search_path=${options.searchPath}`] : [])];
    const config: PoolConfig = {
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      options: settings.join(' '),
      types: { getTypeParser: rawTimestamps },
    };
    this.pool = new Pool(config);
    // An idle client losing its connection must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  async query<R extends SqlRow = SqlRow>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    try {
      const result = await this.pool.query<R>({ name: this.statementName(sql), text: sql, values: params as unknown[] });
      return result.rows;
    } catch (error) {
      throw unavailable(error);
    }
  }

  async queryArrays(sql: string, params: readonly unknown[] = []): Promise<unknown[][]> {
    try {
      const result = await this.pool.query<unknown[]>({
        name: this.statementName(sql),
        text: sql,
        values: params as unknown[],
        rowMode: 'array',
        types: { getTypeParser: rawJsonAndTimestamps },
      });
      return result.rows;
    } catch (error) {
      throw unavailable(error);
    }
  }

  async copyOut(sql: string, onData: (chunk: Buffer) => void): Promise<void> {
    const client = await this.pool.connect().catch((error: unknown) => {
      throw unavailable(error);
    });
    let failure: Error | undefined;
    try {
      for await (const chunk of client.query(copyTo(sql))) onData(chunk as Buffer);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      throw unavailable(error);
    } finally {
      // A COPY cut short leaves the connection mid-protocol: releasing with the error closes it.
      client.release(failure);
    }
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql).catch((error: unknown) => {
      throw unavailable(error);
    });
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    let callbacks = this.listeners.get(channel);
    const first = !callbacks;
    if (!callbacks) {
      callbacks = new Set();
      this.listeners.set(channel, callbacks);
    }
    callbacks.add(onNotify);
    if (first) {
      try {
        const client = await this.connectListener();
        await client.query(`LISTEN "${channel}"`);
      } catch {
        // The server is unreachable right now: subscribers poll meanwhile, and LISTEN comes back with it.
        this.scheduleRelisten();
      }
    }
    const registered = callbacks;
    return async () => {
      registered.delete(onNotify);
      if (registered.size === 0 && this.listeners.get(channel) === registered) {
        this.listeners.delete(channel);
        await this.listenClient?.then((c) => c.query(`UNLISTEN "${channel}"`)).catch(() => undefined);
      }
    };
  }

  async tryLock(name: string): Promise<Lease | undefined> {
    const client = new Client({ connectionString: this.options.connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(hashtext('cem'), hashtext($1)) AS locked`, [
        name,
      ]);
      if (!rows[0]?.locked) {
        await client.end().catch(() => undefined);
        return undefined;
      }
    } catch (error) {
      await client.end().catch(() => undefined);
      throw unavailable(error);
    }
    let markLost!: () => void;
    const lost = new Promise<void>((resolve) => (markLost = resolve));
    let released = false;
    const end = () => {
      clearInterval(keepalive);
      markLost();
    };
    client.on('error', end);
    client.on('end', end);
    // The server drops the lock with the connection; a query now and then notices a dead one early.
    const keepalive = setInterval(() => void client.query('SELECT 1').catch(() => end()), LEASE_KEEPALIVE_MS);
    keepalive.unref();
    return {
      lost,
      release: async () => {
        if (released) return;
        released = true;
        end();
        await client.end().catch(() => undefined); // closing the session releases the lock
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.relistenTimer);
    const listener = this.listenClient;
    this.listenClient = undefined;
    this.listeners.clear();
    if (listener) await listener.then((c) => c.end()).catch(() => undefined);
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
      const client = new Client({ connectionString: this.options.connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
      let lost = false;
      const onLost = () => {
        if (lost) return;
        lost = true;
        this.listenerLost(client);
      };
      // Losing the listener must not crash the process: it is re-established (see listenerLost).
      client.on('error', onLost);
      client.on('end', onLost);
      client.on('notification', (message) => this.listeners.get(message.channel)?.forEach((notify) => notify()));
      try {
        await client.connect();
      } catch (error) {
        lost = true;
        this.listenClient = undefined;
        throw unavailable(error);
      }
      return client;
    })();
    return this.listenClient;
  }

  /**
   * The LISTEN connection died (server restart, terminated backend, network): connect again with backoff and
   * LISTEN on every channel that still has listeners, then wake them all once, since notifications sent in
   * between are lost. Without this every reader fell back to polling until the process restarted.
   */
  private listenerLost(client: Client): void {
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.listenClient = undefined;
    this.scheduleRelisten();
  }

  private scheduleRelisten(): void {
    if (this.closed || this.listeners.size === 0) return;
    clearTimeout(this.relistenTimer);
    this.relistenTimer = setTimeout(() => void this.relisten(), this.relistenDelayMs);
    this.relistenTimer.unref();
  }

  private async relisten(): Promise<void> {
    if (this.closed || this.listenClient) return;
    try {
      const client = await this.connectListener();
      for (const channel of this.listeners.keys()) await client.query(`LISTEN "${channel}"`);
      this.relistenDelayMs = RELISTEN_FIRST_MS;
      for (const callbacks of this.listeners.values()) callbacks.forEach((notify) => notify());
    } catch {
      this.relistenDelayMs = Math.min(this.relistenDelayMs * 2, RELISTEN_MAX_MS);
      const current = this.listenClient as Promise<Client> | undefined;
      this.listenClient = undefined;
      void current?.then((c) => c.end()).catch(() => undefined);
      this.scheduleRelisten();
    }
  }
}
