/**
 * The store's tables and functions, created inside one PostgreSQL schema so that several services or
 * test runs share a database without seeing each other. Every statement is idempotent.
 */

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,49}$/;

/** Lower-case identifiers only: they are spliced into SQL and into the NOTIFY channel name unquoted. */
export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid event store schema name "${schema}": use lower-case letters, digits and _ (max 50)`);
  }
  return schema;
}

export function notifyChannel(schema: string): string {
  return `${schema}_events`;
}

/** SQLSTATE raised by append_to_stream when the expected version does not hold; DETAIL carries the actual version. */
export const CONCURRENCY_SQLSTATE = 'CE409';

export function eventStoreSchemaSql(schema: string): string {
  const s = assertSchemaName(schema);
  return `
-- Serialises concurrent set-ups of the same schema (CREATE OR REPLACE FUNCTION races otherwise).
SELECT pg_advisory_xact_lock(hashtext('cem-event-store:${s}'));
CREATE SCHEMA IF NOT EXISTS ${s};

-- No primary key on position: the sequence already makes it unique and readers never look it up
-- alone, so one index fewer per append.
CREATE TABLE IF NOT EXISTS ${s}.events (
  position       bigserial   NOT NULL,
  transaction_id xid8        NOT NULL DEFAULT pg_current_xact_id(),
  event_id       uuid        NOT NULL UNIQUE,
  stream_id      text        NOT NULL,
  stream_version int         NOT NULL,
  type           text        NOT NULL,
  schema_version int         NOT NULL DEFAULT 1,
  data           json        NOT NULL,
  metadata       json        NOT NULL,
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  prev_hash      text,
  hash           text        NOT NULL,
  UNIQUE (stream_id, stream_version)
);
CREATE INDEX IF NOT EXISTS events_global_order ON ${s}.events (transaction_id, position);

-- data and metadata are kept as the JSON text the store was given (json, not jsonb): the hash covers exactly
-- that text, which is also what an auditor's export shows, and neither an append nor a read pays for jsonb's
-- binary form (hashing jsonb meant printing it back to text for every event: a third of a batched append).
-- Stores created as jsonb convert in place; the text they get is the one their hashes were computed over.
DO $mig$
BEGIN
  IF (SELECT data_type FROM information_schema.columns
       WHERE table_schema = '${s}' AND table_name = 'events' AND column_name = 'data') = 'jsonb' THEN
    ALTER TABLE ${s}.events ALTER COLUMN data TYPE json USING data::json,
                              ALTER COLUMN metadata TYPE json USING metadata::json;
  END IF;
END
$mig$;
DROP FUNCTION IF EXISTS ${s}.append_to_stream(text, text, uuid[], text[], int[], jsonb[], jsonb[]);
DROP FUNCTION IF EXISTS ${s}.event_hash(text, uuid, text, int, text, int, jsonb, jsonb);

-- Stream versions come from the events themselves: UNIQUE (stream_id, stream_version) is what refuses the
-- loser of a race, so an append writes one row per event and nothing else. (Earlier versions kept a
-- streams row per stream, locked and updated on every append: three more tuples per append.)
DROP FUNCTION IF EXISTS ${s}.append_events(text, text, uuid[], text[], int[], jsonb[], jsonb[]);
DROP TABLE IF EXISTS ${s}.streams;

CREATE TABLE IF NOT EXISTS ${s}.checkpoints (
  name       text PRIMARY KEY,
  tx         bigint      NOT NULL,
  pos        bigint      NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The one definition of an event's hash, used by append and by the verifier.
-- STABLE rather than IMMUTABLE because convert_to is stable; that keeps it inlinable.
CREATE OR REPLACE FUNCTION ${s}.event_hash(
  p_prev text, p_id uuid, p_stream text, p_version int, p_type text, p_schema_version int, p_data json, p_metadata json
) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
  SELECT encode(sha256(convert_to(
    coalesce(p_prev, '') || '|' || p_id::text || '|' || p_stream || '|' || p_version::text || '|' || p_type
      || '|' || p_schema_version::text || '|' || p_data::text || '|' || p_metadata::text,
    'UTF8')), 'hex')
$fn$;

-- Append in one round trip: find the version and hash to chain from, insert the events.
-- Duplicate event ids and lost races both surface as unique violations; the caller tells them apart
-- afterwards (see sql-event-store.ts), so the common path pays for no idempotency lookup.
CREATE OR REPLACE FUNCTION ${s}.append_to_stream(
  p_stream_id text, p_expected text, p_ids uuid[], p_types text[], p_schema_versions int[],
  p_datas json[], p_metadatas json[],
  OUT out_version int, OUT out_tx text, OUT out_pos bigint
) LANGUAGE plpgsql AS $fn$
DECLARE
  v_count   constant int := cardinality(p_ids);
  v_version int;
  v_hash    text;
  v_prevs   text[] := '{}';
  v_hashes  text[] := '{}';
BEGIN
  IF p_expected = 'any' OR p_expected = 'exists' THEN
    SELECT e.stream_version, e.hash INTO v_version, v_hash
      FROM ${s}.events e WHERE e.stream_id = p_stream_id ORDER BY e.stream_version DESC LIMIT 1;
    v_version := coalesce(v_version, 0);
    IF p_expected = 'exists' AND v_version = 0 THEN
      RAISE EXCEPTION USING ERRCODE = '${CONCURRENCY_SQLSTATE}',
        MESSAGE = format('stream %s does not exist, expected exists', p_stream_id), DETAIL = '0';
    END IF;
  ELSE
    v_version := CASE p_expected WHEN 'no-stream' THEN 0 ELSE p_expected::int END;
    IF v_version > 0 THEN
      -- Only the expected version's own event is read; a newer one makes the insert below collide.
      SELECT e.hash INTO v_hash FROM ${s}.events e WHERE e.stream_id = p_stream_id AND e.stream_version = v_version;
      IF NOT FOUND THEN
        SELECT coalesce(max(e.stream_version), 0) INTO v_version FROM ${s}.events e WHERE e.stream_id = p_stream_id;
        RAISE EXCEPTION USING ERRCODE = '${CONCURRENCY_SQLSTATE}',
          MESSAGE = format('stream %s is at version %s, expected %s', p_stream_id, v_version, p_expected),
          DETAIL = v_version::text;
      END IF;
    END IF;
  END IF;

  IF v_count = 1 THEN
    INSERT INTO ${s}.events (event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash)
    VALUES (p_ids[1], p_stream_id, v_version + 1, p_types[1], p_schema_versions[1], p_datas[1], p_metadatas[1], v_hash,
            ${s}.event_hash(v_hash, p_ids[1], p_stream_id, v_version + 1, p_types[1], p_schema_versions[1],
                            p_datas[1], p_metadatas[1]))
    RETURNING position INTO out_pos;
  ELSE
    FOR i IN 1 .. v_count LOOP
      v_prevs[i] := v_hash;
      v_hash := ${s}.event_hash(v_hash, p_ids[i], p_stream_id, v_version + i, p_types[i], p_schema_versions[i],
                                p_datas[i], p_metadatas[i]);
      v_hashes[i] := v_hash;
    END LOOP;
    -- ORDER BY i: positions come from the sequence in the order rows leave the sort, i.e. stream order.
    WITH inserted AS (
      INSERT INTO ${s}.events (event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash)
      SELECT p_ids[i], p_stream_id, v_version + i, p_types[i], p_schema_versions[i], p_datas[i], p_metadatas[i],
             v_prevs[i], v_hashes[i]
        FROM generate_subscripts(p_ids, 1) AS i ORDER BY i
      RETURNING position
    )
    SELECT max(position) INTO out_pos FROM inserted;
  END IF;

  out_version := v_version + v_count;
  out_tx := pg_current_xact_id()::text;
END
$fn$;

-- Copies of other stores' events (reporting's archive), a consumer's whole fetched batch in one statement and
-- one transaction: each event id not stored yet is appended to its stream at its end ('any'), one already
-- stored (a redelivery) is passed over. Events of one stream keep their order in the arrays.
CREATE OR REPLACE FUNCTION ${s}.append_archived(
  p_streams text[], p_ids uuid[], p_types text[], p_schema_versions int[], p_datas json[], p_metadatas json[],
  OUT out_count int, OUT out_tx text
) LANGUAGE plpgsql AS $fn$
BEGIN
  out_count := 0;
  FOR i IN 1 .. cardinality(p_ids) LOOP
    CONTINUE WHEN EXISTS (SELECT 1 FROM ${s}.events e WHERE e.event_id = p_ids[i]);
    PERFORM ${s}.append_to_stream(p_streams[i], 'any', ARRAY[p_ids[i]], ARRAY[p_types[i]],
                                  ARRAY[p_schema_versions[i]], ARRAY[p_datas[i]], ARRAY[p_metadatas[i]]);
    out_count := out_count + 1;
  END LOOP;
  out_tx := pg_current_xact_id()::text;
END
$fn$;

-- Several new streams of one event each, all or none (one statement, one transaction): a batch such as an
-- imported list of dossiers. Any stream that already exists, or an event id already stored, refuses them all.
CREATE OR REPLACE FUNCTION ${s}.append_new_streams(
  p_streams text[], p_ids uuid[], p_types text[], p_schema_versions int[], p_datas json[], p_metadatas json[],
  OUT out_count int, OUT out_tx text
) LANGUAGE plpgsql AS $fn$
BEGIN
  out_count := 0;
  FOR i IN 1 .. cardinality(p_ids) LOOP
    PERFORM ${s}.append_to_stream(p_streams[i], 'no-stream', ARRAY[p_ids[i]], ARRAY[p_types[i]],
                                  ARRAY[p_schema_versions[i]], ARRAY[p_datas[i]], ARRAY[p_metadatas[i]]);
    out_count := out_count + 1;
  END LOOP;
  out_tx := pg_current_xact_id()::text;
END
$fn$;
`;
}
