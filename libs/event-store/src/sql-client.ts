/**
 * The little the event store needs from a PostgreSQL connection. Two adapters implement it (node-postgres
 * and PGlite) so that exactly the same SQL runs on a server and in-process.
 */
export type SqlRow = Record<string, unknown>;

export interface SqlClient {
  /** One statement with `$n` parameters; resolves to the result rows. */
  query<R extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements without parameters, run as one implicit transaction (schema setup). */
  exec(sql: string): Promise<void>;
  /** Calls `onNotify` on every NOTIFY on `channel`; resolves to the function that stops listening. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** The fields both drivers put on a server error. */
export interface SqlErrorFields {
  code?: string;
  detail?: string;
  constraint?: string;
}

export function sqlErrorFields(error: unknown): SqlErrorFields {
  return typeof error === 'object' && error !== null ? (error as SqlErrorFields) : {};
}
