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

/** SQLSTATE raised by append_events when the expected version does not hold; DETAIL carries the actual version. */
export const CONCURRENCY_SQLSTATE = 'CE409';
/** SQLSTATE raised when only some of the given event ids are already stored, or in another stream. */
export const IDEMPOTENCY_SQLSTATE = 'CE422';

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
  data           jsonb       NOT NULL,
  metadata       jsonb       NOT NULL,
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  prev_hash      text,
  hash           text        NOT NULL,
  UNIQUE (stream_id, stream_version)
);
CREATE INDEX IF NOT EXISTS events_global_order ON ${s}.events (transaction_id, position);

CREATE TABLE IF NOT EXISTS ${s}.streams (
  stream_id text PRIMARY KEY,
  version   int  NOT NULL,
  last_hash text
);

CREATE TABLE IF NOT EXISTS ${s}.checkpoints (
  name       text PRIMARY KEY,
  tx         bigint      NOT NULL,
  pos        bigint      NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The one definition of an event's hash, used by append and by the verifier.
-- STABLE rather than IMMUTABLE because convert_to is stable; that keeps it inlinable.
CREATE OR REPLACE FUNCTION ${s}.event_hash(
  p_prev text, p_id uuid, p_stream text, p_version int, p_type text, p_schema_version int, p_data jsonb, p_metadata jsonb
) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
  SELECT encode(sha256(convert_to(
    coalesce(p_prev, '') || '|' || p_id::text || '|' || p_stream || '|' || p_version::text || '|' || p_type
      || '|' || p_schema_version::text || '|' || p_data::text || '|' || p_metadata::text,
    'UTF8')), 'hex')
$fn$;

-- Append in one round trip: lock the stream, replay check, expected version, chained inserts, notify.
CREATE OR REPLACE FUNCTION ${s}.append_events(
  p_stream_id text, p_expected text, p_ids uuid[], p_types text[], p_schema_versions int[],
  p_datas jsonb[], p_metadatas jsonb[]
) RETURNS TABLE (out_version int, out_tx text, out_pos bigint, out_appended boolean)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_count   constant int := cardinality(p_ids);
  v_version int;
  v_hash    text;
  v_found   int;
  v_here    int;
  v_prevs   text[] := '{}';
  v_hashes  text[] := '{}';
  v_pos     bigint;
  v_conflict boolean;
BEGIN
  -- Lock the stream row first: appends to one stream queue here, and every statement below takes a
  -- fresh snapshot, so a loser sees the winner's committed events and version.
  SELECT st.version, st.last_hash INTO v_version, v_hash
    FROM ${s}.streams st WHERE st.stream_id = p_stream_id FOR UPDATE;
  IF NOT FOUND THEN
    -- DO NOTHING waits for a concurrent creator instead of failing with a unique violation.
    INSERT INTO ${s}.streams (stream_id, version) VALUES (p_stream_id, 0) ON CONFLICT (stream_id) DO NOTHING;
    IF FOUND THEN
      v_version := 0;
    ELSE
      SELECT st.version, st.last_hash INTO v_version, v_hash
        FROM ${s}.streams st WHERE st.stream_id = p_stream_id FOR UPDATE;
    END IF;
  END IF;

  SELECT count(*)::int, (count(*) FILTER (WHERE e.stream_id = p_stream_id))::int INTO v_found, v_here
    FROM ${s}.events e WHERE e.event_id = ANY (p_ids);
  IF v_found > 0 THEN
    IF v_here = v_count THEN
      RETURN QUERY SELECT e.stream_version, e.transaction_id::text, e.position, false
        FROM ${s}.events e WHERE e.event_id = ANY (p_ids) ORDER BY e.stream_version DESC LIMIT 1;
      RETURN;
    END IF;
    RAISE EXCEPTION USING ERRCODE = '${IDEMPOTENCY_SQLSTATE}',
      MESSAGE = format('stream %s: %s of %s event ids are already stored (%s of them in this stream); '
        'a retry must repeat exactly the same events', p_stream_id, v_found, v_count, v_here);
  END IF;

  -- CASE (not OR) so that p_expected::int is only evaluated for numeric expectations.
  v_conflict := CASE p_expected
    WHEN 'any' THEN false
    WHEN 'no-stream' THEN v_version <> 0
    WHEN 'exists' THEN v_version = 0
    ELSE v_version <> p_expected::int
  END;
  IF v_conflict THEN
    RAISE EXCEPTION USING ERRCODE = '${CONCURRENCY_SQLSTATE}',
      MESSAGE = format('stream %s is at version %s, expected %s', p_stream_id, v_version, p_expected),
      DETAIL = v_version::text;
  END IF;

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
  SELECT max(position) INTO v_pos FROM inserted;

  UPDATE ${s}.streams st SET version = v_version + v_count, last_hash = v_hash WHERE st.stream_id = p_stream_id;
  RETURN QUERY SELECT v_version + v_count, pg_current_xact_id()::text, v_pos, true;
END
$fn$;
`;
}
