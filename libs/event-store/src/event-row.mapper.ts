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

/**
 * An event read from the global log whose `data` and `metadata` stay the stored JSON text until something
 * reads them: a catch-up read hands out thousands of events a second, and parsing both payloads was most of
 * its client-side cost (and of the garbage it makes), while many readers never look at them (a projection
 * skips the types it does not handle, a relay or an auditor forwards the text). Both are own, enumerable
 * properties (accessors), so spreading, `JSON.stringify`, `Object.keys` and deep equality see a plain event;
 * the parsed value is kept, so every reader of the same event shares one object, as before. Assigning
 * replaces the value (and forgets the text).
 *
 * The text is either a string (a row of `SqlClient.queryArrays`) or, from the binary COPY reader
 * (copy-log-decoder.ts), a range of the received bytes, decoded only when read: on a catch-up read most
 * payloads are never read, and turning ~600 bytes of UTF-8 per event into strings was the biggest share of
 * what the reader allocated.
 */
export class LoggedEvent implements RecordedEvent {
  // `declare`: assigned in the constructor, in this order (the key order of a plain event), no field definitions.
  declare readonly id: string;
  declare readonly streamId: string;
  declare readonly streamVersion: number;
  declare readonly type: string;
  declare readonly schemaVersion: number;
  declare data: unknown;
  declare metadata: EventMetadata;
  declare readonly position: LogPosition;
  declare readonly recordedAt: string;
  declare readonly hash: string;
  #dataText: string | undefined;
  #data: unknown;
  #metadataText: string | undefined;
  #metadata: EventMetadata | undefined;
  /** The bytes holding both payloads' UTF-8 text (binary COPY); a start of -1: that payload is not there. */
  #bytes: Buffer | undefined;
  #dataStart = -1;
  #dataEnd = 0;
  #metadataStart = -1;
  #metadataEnd = 0;

  private constructor(
    id: string,
    streamId: string,
    streamVersion: number,
    type: string,
    schemaVersion: number,
    position: LogPosition,
    recordedAt: string,
    hash: string,
  ) {
    this.id = id;
    this.streamId = streamId;
    this.streamVersion = streamVersion;
    this.type = type;
    this.schemaVersion = schemaVersion;
    // Shared accessor objects: every event gets the same hidden class (no per-event closures).
    Object.defineProperty(this, 'data', LoggedEvent.dataAccessor);
    Object.defineProperty(this, 'metadata', LoggedEvent.metadataAccessor);
    this.position = position;
    this.recordedAt = recordedAt;
    this.hash = hash;
  }

  /** `row`: the readAll columns in order, `data` and `metadata` as JSON text (SqlClient.queryArrays). */
  static fromRow(row: readonly unknown[]): LoggedEvent {
    const event = new LoggedEvent(
      row[0] as string,
      row[1] as string,
      row[2] as number,
      row[3] as string,
      row[4] as number,
      toPosition(row[7], row[8]),
      toIsoTimestamp(row[9]),
      row[10] as string,
    );
    event.#dataText = row[5] as string;
    event.#metadataText = row[6] as string;
    return event;
  }

  /** An event whose payloads are the UTF-8 JSON text at `[dataStart, dataEnd)` and `[metadataStart, metadataEnd)` of `bytes`. */
  static fromBytes(
    id: string,
    streamId: string,
    streamVersion: number,
    type: string,
    schemaVersion: number,
    position: LogPosition,
    recordedAt: string,
    hash: string,
    bytes: Buffer,
    dataStart: number,
    dataEnd: number,
    metadataStart: number,
    metadataEnd: number,
  ): LoggedEvent {
    const event = new LoggedEvent(id, streamId, streamVersion, type, schemaVersion, position, recordedAt, hash);
    event.#bytes = bytes;
    event.#dataStart = dataStart;
    event.#dataEnd = dataEnd;
    event.#metadataStart = metadataStart;
    event.#metadataEnd = metadataEnd;
    return event;
  }

  /** The stored JSON text of `data` while it has not been replaced (a relay forwards it as is). */
  static dataText(event: RecordedEvent): string | undefined {
    if (!(event instanceof LoggedEvent)) return undefined;
    return event.#dataText ?? event.#text(event.#dataStart, event.#dataEnd);
  }

  /** The stored JSON text of `metadata` while it has not been replaced. */
  static metadataText(event: RecordedEvent): string | undefined {
    if (!(event instanceof LoggedEvent)) return undefined;
    return event.#metadataText ?? event.#text(event.#metadataStart, event.#metadataEnd);
  }

  #text(start: number, end: number): string | undefined {
    return start < 0 || !this.#bytes ? undefined : this.#bytes.toString('utf8', start, end);
  }

  private static readonly dataAccessor: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: LoggedEvent): unknown {
      if (this.#data === undefined) {
        const text = this.#dataText ?? this.#text(this.#dataStart, this.#dataEnd);
        if (text !== undefined) this.#data = JSON.parse(text);
      }
      return this.#data;
    },
    set(this: LoggedEvent, value: unknown) {
      this.#data = value;
      this.#dataText = undefined;
      this.#dataStart = -1;
    },
  };

  private static readonly metadataAccessor: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: LoggedEvent): EventMetadata {
      if (this.#metadata === undefined) {
        const text = this.#metadataText ?? this.#text(this.#metadataStart, this.#metadataEnd);
        if (text !== undefined) this.#metadata = JSON.parse(text) as EventMetadata;
      }
      return this.#metadata as EventMetadata;
    },
    set(this: LoggedEvent, value: EventMetadata) {
      this.#metadata = value;
      this.#metadataText = undefined;
      this.#metadataStart = -1;
    },
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
