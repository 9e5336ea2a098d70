import { LoggedEvent } from './event-row.mapper';

/**
 * Decoder of the global log read as `COPY (SELECT <readAllCopy columns> ...) TO STDOUT (FORMAT binary)`
 * (see event-store.queries.ts). Fed the bytes as they arrive, in chunks that may cut a row anywhere; turns
 * each complete row into a LoggedEvent at once, so decoding overlaps the server sending the rest.
 *
 * Why by hand: node-postgres turns every column of every row into a string (11 per event, ~600 bytes of
 * UTF-8 for the payloads alone) before we look at it. Here integers are read from the bytes, the payloads
 * stay bytes until something reads them (LoggedEvent), and only the short text columns become strings.
 *
 * Binary COPY format (PostgreSQL docs, "COPY", "Binary Format"): an 11-byte signature, int32 flags, int32
 * header extension length and the extension; then per row an int16 field count and per field an int32
 * length (-1 for NULL) and the bytes in the type's binary send format; an int16 of -1 ends the data.
 */

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Signature, flags and extension length. */
const HEADER_BYTES = SIGNATURE.length + 8;
const COLUMNS = 11;
/** Milliseconds between 1970-01-01 and 2000-01-01, PostgreSQL's timestamp epoch. */
const PG_EPOCH_MS = 946_684_800_000;
const TWO_POW_32 = 4_294_967_296;

export class CopyLogDecoder {
  readonly events: LoggedEvent[] = [];
  /** The start of a row that has not fully arrived yet. */
  private pending: Buffer | undefined;
  private headerRead = false;
  private ended = false;

  push(chunk: Buffer): void {
    const bytes = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = undefined;
    let at = 0;
    if (!this.headerRead) {
      if (bytes.length < HEADER_BYTES) return this.keep(bytes, 0);
      if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('COPY data is not in the binary format');
      const extension = bytes.readUInt32BE(SIGNATURE.length + 4);
      if (bytes.length < HEADER_BYTES + extension) return this.keep(bytes, 0);
      at = HEADER_BYTES + extension;
      this.headerRead = true;
    }
    while (at < bytes.length) {
      if (this.ended) throw new Error('COPY data goes on after its end marker');
      const end = rowEnd(bytes, at);
      if (end < 0) return this.keep(bytes, at);
      if (end === at + 2) this.ended = true;
      else this.events.push(decodeRow(bytes, at + 2));
      at = end;
    }
  }

  /** The events of a COPY that has finished: throws if its data stopped short. */
  finish(): LoggedEvent[] {
    if (this.pending || (this.headerRead && !this.ended)) throw new Error('COPY data ended in the middle of a row');
    return this.events;
  }

  private keep(bytes: Buffer, from: number): void {
    // A copy, not a view: the rest of the chunk may be large, and the next push concatenates anyway.
    this.pending = Buffer.from(bytes.subarray(from));
  }
}

/**
 * Where the row starting at `at` ends (the end marker counts as a row of 2 bytes), or -1 when it has not
 * fully arrived. Only reads lengths, so a row cut by a chunk is never half decoded.
 */
function rowEnd(bytes: Buffer, at: number): number {
  if (at + 2 > bytes.length) return -1;
  const fields = bytes.readInt16BE(at);
  if (fields === -1) return at + 2;
  if (fields !== COLUMNS) throw new Error(`COPY row has ${fields} columns, expected ${COLUMNS}`);
  let p = at + 2;
  for (let i = 0; i < COLUMNS; i++) {
    if (p + 4 > bytes.length) return -1;
    const length = bytes.readInt32BE(p);
    p += 4 + (length > 0 ? length : 0);
  }
  return p > bytes.length ? -1 : p;
}

/** An int8 (or xid8) as a number: exact below 2^53, which log positions and transaction ids stay under. */
function int64(bytes: Buffer, at: number): number {
  return bytes.readInt32BE(at) * TWO_POW_32 + bytes.readUInt32BE(at + 4);
}

/**
 * One row of the readAllCopy columns, whose first field's length is at `p`: event_id::text, stream_id,
 * stream_version, type, schema_version, data, metadata, transaction_id, position, recorded_at, hash.
 * Every column is NOT NULL in the events table; a NULL or a length that does not fit its type means the
 * query and this decoder disagree, which must not pass silently.
 */
function decodeRow(bytes: Buffer, p: number): LoggedEvent {
  let length = field(bytes, p, -1);
  // event_id as text and hash are ASCII (uuid_out, hex): latin1 is the cheapest exact decoding.
  const id = bytes.toString('latin1', p + 4, p + 4 + length);
  p += 4 + length;
  length = field(bytes, p, -1);
  const streamId = bytes.toString('utf8', p + 4, p + 4 + length);
  p += 4 + length;
  field(bytes, p, 4);
  const streamVersion = bytes.readInt32BE(p + 4);
  p += 8;
  length = field(bytes, p, -1);
  const type = bytes.toString('utf8', p + 4, p + 4 + length);
  p += 4 + length;
  field(bytes, p, 4);
  const schemaVersion = bytes.readInt32BE(p + 4);
  p += 8;
  // json's binary form is its text.
  const dataStart = p + 4;
  const dataEnd = dataStart + field(bytes, p, -1);
  p = dataEnd;
  const metadataStart = p + 4;
  const metadataEnd = metadataStart + field(bytes, p, -1);
  p = metadataEnd;
  field(bytes, p, 8);
  const tx = int64(bytes, p + 4);
  p += 12;
  field(bytes, p, 8);
  const pos = int64(bytes, p + 4);
  p += 12;
  field(bytes, p, 8);
  // Microseconds since 2000-01-01 UTC, truncated to milliseconds like toIsoTimestamp.
  const recordedAt = new Date(Math.floor(int64(bytes, p + 4) / 1000) + PG_EPOCH_MS).toISOString();
  p += 12;
  length = field(bytes, p, -1);
  const hash = bytes.toString('latin1', p + 4, p + 4 + length);
  return LoggedEvent.fromBytes(
    id,
    streamId,
    streamVersion,
    type,
    schemaVersion,
    { tx, pos },
    recordedAt,
    hash,
    bytes,
    dataStart,
    dataEnd,
    metadataStart,
    metadataEnd,
  );
}

/** The length of the field at `p`; throws on NULL, or on another length than `expected` (unless -1). */
function field(bytes: Buffer, p: number, expected: number): number {
  const length = bytes.readInt32BE(p);
  if (length < 0) throw new Error('unexpected NULL in a COPY row of the log');
  if (expected >= 0 && length !== expected) throw new Error(`COPY field of ${length} bytes, expected ${expected}`);
  return length;
}
