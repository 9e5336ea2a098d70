import type { EventMetadata, LogPosition, RecordedEvent } from '@cem/contracts';
import type { SqlRow } from './sql-client';

/** bigint and xid8 arrive as strings from node-postgres and as numbers or strings from PGlite. */
export function toPosition(tx: unknown, pos: unknown): LogPosition {
  return { tx: Number(tx), pos: Number(pos) };
}

/** Matches PostgreSQL's text output of a timestamptz in a UTC session: `2026-01-31 10:17:32.061461+00`. */
const PG_UTC_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;

/** PGlite hands over Dates, node-postgres (see pg-sql-client) the text of a UTC timestamp. */
export function toIsoTimestamp(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  const utc = PG_UTC_TIMESTAMP.exec(text);
  if (!utc) return new Date(text).toISOString();
  return `${utc[1]}T${utc[2]}.${((utc[3] ?? '') + '000').slice(0, 3)}Z`;
}

export function toRecordedEvent(row: SqlRow): RecordedEvent {
  return {
    id: row.event_id as string,
    streamId: row.stream_id as string,
    streamVersion: row.stream_version as number,
    type: row.type as string,
    schemaVersion: row.schema_version as number,
    data: row.data,
    metadata: row.metadata as EventMetadata,
    position: toPosition(row.transaction_id, row.position),
    recordedAt: toIsoTimestamp(row.recorded_at),
    hash: row.hash as string,
  };
}

/** One element of the readAllJson array (see event-store.queries.ts). */
type JsonEventRow = [string, string, number, string, number, unknown, EventMetadata, number, number, string, string];

export function toRecordedEvents(batchJson: string): RecordedEvent[] {
  return (JSON.parse(batchJson) as JsonEventRow[]).map((r) => ({
    id: r[0],
    streamId: r[1],
    streamVersion: r[2],
    type: r[3],
    schemaVersion: r[4],
    data: r[5],
    metadata: r[6],
    position: { tx: r[7], pos: r[8] },
    recordedAt: r[9],
    hash: r[10],
  }));
}
