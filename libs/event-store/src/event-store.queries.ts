import { assertSchemaName } from './event-store.schema';

const EVENT_COLUMNS =
  'event_id, stream_id, stream_version, type, schema_version, data, metadata, transaction_id, position, recorded_at, hash';

/** Rows committed by transactions every reader agrees are finished: nothing can appear below this later. */
const VISIBLE = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

/** A number spliced into SQL text (COPY takes no parameters): only ever one we checked is a non-negative integer. */
function sqlInteger(value: number, what: string): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer, got ${value}`);
  return String(value);
}

/** The statements of one store, built once per schema so that drivers can cache their plans. */
export function eventStoreQueries(schema: string) {
  const s = assertSchemaName(schema);
  return {
    append: `SELECT out_version, out_tx, out_pos FROM ${s}.append_to_stream($1, $2, $3, $4, $5, $6, $7)`,
    // One event at a numeric expected version (what a command appends): the same row and hash as append_to_stream,
    // as one plain statement with scalar parameters (no PL/pgSQL call, no arrays to encode and parse). The event
    // to chain from is read in the same statement; when it is missing nothing is inserted and no row comes back
    // (the caller reports the conflict); a newer event makes the insert collide on (stream_id, stream_version).
    appendOne: `INSERT INTO ${s}.events (event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash)
      SELECT $3::uuid, $1::text, $2::int + 1, $4::text, $5::int, $6::json, $7::json, prev.hash,
             ${s}.event_hash(prev.hash, $3::uuid, $1::text, $2::int + 1, $4::text, $5::int, $6::json, $7::json)
        FROM (SELECT e.hash FROM ${s}.events e WHERE e.stream_id = $1::text AND e.stream_version = $2::int
              UNION ALL SELECT NULL::text WHERE $2::int = 0) prev
      RETURNING stream_version AS out_version, transaction_id::text AS out_tx, position AS out_pos`,
    appendNewStreams: `SELECT out_count FROM ${s}.append_new_streams($1, $2, $3, $4, $5, $6)`,
    appendArchived: `SELECT out_count FROM ${s}.append_archived($1, $2, $3, $4, $5, $6)`,
    streamVersion: `SELECT coalesce(max(stream_version), 0) AS version FROM ${s}.events WHERE stream_id = $1`,
    storedEvents: `SELECT stream_id, stream_version, transaction_id, position FROM ${s}.events WHERE event_id = ANY($1::uuid[])`,
    readStream: `SELECT ${EVENT_COLUMNS} FROM ${s}.events
      WHERE stream_id = $1 AND stream_version >= $2
        AND ($3::timestamptz IS NULL OR (metadata->>'occurredAt')::timestamptz <= $3::timestamptz)
      ORDER BY stream_version LIMIT $4`,
    // Several whole streams in one round trip: one scan of the (stream_id, stream_version) index per id, sorted.
    readStreams: `SELECT ${EVENT_COLUMNS} FROM ${s}.events WHERE stream_id = ANY($1::text[]) ORDER BY transaction_id, position`,
    // A plain range scan of the (transaction_id, position) index.
    readAll: `SELECT ${EVENT_COLUMNS} FROM ${s}.events
      WHERE (transaction_id, position) > ($1::text::xid8, $2::bigint) AND ${VISIBLE}
      ORDER BY transaction_id, position LIMIT $3`,
    // The same range and order (and the same visibility rule) for the binary COPY reader (copy-log-decoder.ts),
    // which cannot take parameters: tx, pos and limit are checked integers. event_id as text: uuid_out on the
    // server is cheaper than formatting 16 bytes in JavaScript.
    readAllCopy: (afterTx: number, afterPos: number, limit: number) =>
      `COPY (SELECT event_id::text, stream_id, stream_version, type, schema_version, data, metadata, transaction_id, position,
          recorded_at, hash FROM ${s}.events
        WHERE (transaction_id, position) > ('${sqlInteger(afterTx, 'tx')}'::xid8, ${sqlInteger(afterPos, 'pos')}::bigint) AND ${VISIBLE}
        ORDER BY transaction_id, position LIMIT ${sqlInteger(limit, 'limit')}) TO STDOUT (FORMAT binary)`,
    // The same range as one JSON array of [id, stream, version, type, schema version, data, metadata, tx, pos,
    // recorded at, hash] rows (see SqlClient.readsLogAsJson); recorded_at as ISO-8601 UTC with milliseconds.
    readAllJson: `SELECT coalesce(json_agg(json_build_array(event_id, stream_id, stream_version, type, schema_version, data,
        metadata, transaction_id::text::bigint, position,
        to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), hash) ORDER BY transaction_id, position),
        '[]')::text AS batch
      FROM (SELECT * FROM ${s}.events
        WHERE (transaction_id, position) > ($1::text::xid8, $2::bigint) AND ${VISIBLE}
        ORDER BY transaction_id, position LIMIT $3) e`,
    head: `SELECT transaction_id, position FROM ${s}.events WHERE ${VISIBLE}
      ORDER BY transaction_id DESC, position DESC LIMIT 1`,
    // Everything committed, ignoring the visibility horizon: what a "caught up" reader must have passed.
    committedHead: `SELECT transaction_id, position FROM ${s}.events
      ORDER BY transaction_id DESC, position DESC LIMIT 1`,
    exportChain: `SELECT event_id::text AS event_id, stream_id, stream_version, type, schema_version,
        data::text AS data_text, metadata::text AS metadata_text, coalesce(prev_hash, '') AS prev_hash, hash
      FROM ${s}.events WHERE $1::text[] IS NULL OR stream_id = ANY($1::text[])
      ORDER BY transaction_id, position`,
    exportChainAfter: `SELECT event_id::text AS event_id, stream_id, stream_version, type, schema_version,
        data::text AS data_text, metadata::text AS metadata_text, coalesce(prev_hash, '') AS prev_hash, hash,
        transaction_id, position
      FROM ${s}.events WHERE (transaction_id, position) > ($1::text::xid8, $2::bigint) AND ${VISIBLE}
      ORDER BY transaction_id, position LIMIT $3`,
    // The last event of every stream (its version and hash): what a signed anchor records.
    chainHeads: `SELECT DISTINCT ON (stream_id) stream_id, stream_version, hash FROM ${s}.events
      ORDER BY stream_id, stream_version DESC`,
    // Every stream's versions and hashes, for checking a store against an anchor and carried hashes.
    chainRows: `SELECT event_id::text AS event_id, stream_id, stream_version, hash FROM ${s}.events ORDER BY stream_id, stream_version`,
    countAfter: `SELECT count(*) AS n FROM ${s}.events WHERE (transaction_id, position) > ($1::text::xid8, $2::bigint)`,
    loadCheckpoint: `SELECT tx, pos FROM ${s}.checkpoints WHERE name = $1`,
    saveCheckpoint: `INSERT INTO ${s}.checkpoints (name, tx, pos) VALUES ($1, $2, $3)
      ON CONFLICT (name) DO UPDATE SET tx = excluded.tx, pos = excluded.pos, updated_at = now()`,
    // Recomputes each hash from the previous event's STORED hash, so an edited event breaks its own link
    // and a re-hashed edit breaks the next one.
    verifyChain: `WITH chain AS (
        SELECT event_id, stream_id, stream_version, transaction_id, position, hash,
               ${s}.event_hash(lag(hash) OVER (PARTITION BY stream_id ORDER BY stream_version), event_id, stream_id,
                               stream_version, type, schema_version, data, metadata) AS expected_hash
          FROM ${s}.events
      ), first_break AS (
        SELECT * FROM chain WHERE expected_hash IS DISTINCT FROM hash ORDER BY transaction_id, position LIMIT 1
      )
      SELECT (SELECT count(*) FROM chain) AS checked, b.event_id, b.stream_id, b.stream_version,
             b.transaction_id, b.position, b.hash, b.expected_hash
        FROM (SELECT 1) AS one LEFT JOIN first_break b ON true`,
  };
}

export type EventStoreQueries = ReturnType<typeof eventStoreQueries>;
