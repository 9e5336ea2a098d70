/**
 * The little the event store needs from a PostgreSQL connection. Two adapters implement it (node-postgres
 * and PGlite) so that exactly the same SQL runs on a server and in-process.
 */
export type SqlRow = Record<string, unknown>;

export interface SqlClient {
  /**
   * Read the global log as one JSON document per batch instead of one row per event. Right for PGlite,
   * whose per-row decoding in JavaScript costs more than PostgreSQL building the JSON in the same thread
   * (2.5x faster catch-up); wrong for a server, where it moves that work onto the one backend serving the read.
   */
  readonly readsLogAsJson?: boolean;
  /** One statement with `$n` parameters; resolves to the result rows. */
  query<R extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /**
   * One statement whose rows come back as arrays of column values, `json` columns as their text (not parsed)
   * and timestamps as PostgreSQL's text. The lean path of the global log read (see LoggedEvent): no object
   * per row, no JSON parsed before a reader asks. Optional: without it the log is read with `query`.
   */
  queryArrays?(sql: string, params?: readonly unknown[]): Promise<unknown[][]>;
  /**
   * Runs a `COPY ... TO STDOUT` and hands its data to `onData` as it arrives, in chunks that may cut a row
   * anywhere (copy-log-decoder.ts reads the global log this way on a server). Resolves once all data was
   * handed over; an error thrown by `onData` aborts the COPY and rejects. Optional.
   */
  copyOut?(sql: string, onData: (chunk: Buffer) => void): Promise<void>;
  /** Several statements without parameters, run as one implicit transaction (schema setup). */
  exec(sql: string): Promise<void>;
  /** Calls `onNotify` on every NOTIFY on `channel`; resolves to the function that stops listening. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  /**
   * Tries once to take an exclusive lock held for as long as the returned lease lives (PostgreSQL: a
   * session advisory lock on a dedicated connection, released by the server when that connection dies).
   * Undefined when another session holds it. A single-session database (PGlite) always grants it.
   */
  tryLock?(name: string): Promise<Lease | undefined>;
  close(): Promise<void>;
}

/** An exclusive lock held: `lost` resolves when it is gone (released, or its connection died). */
export interface Lease {
  readonly lost: Promise<void>;
  release(): Promise<void>;
}

/** The fields both drivers put on a server error. */
export interface SqlErrorFields {
  code?: string;
  detail?: string;
  constraint?: string;
}

export function sqlErrorFields(error: unknown): SqlErrorFields {
  return typeof error === 'object' && error !== null ? error : {};
}
