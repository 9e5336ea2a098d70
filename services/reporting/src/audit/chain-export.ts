import { assertSchemaName, EventStore, SqlClient, SqlEventStore } from '@cem/event-store';
import type { ExportedChainRow } from './exported-chain.verifier';

/**
 * Rows exactly as PostgreSQL hashed them: data and metadata as the jsonb text (key order and spacing of
 * jsonb's output), which a JSON.stringify of the parsed values would not reproduce.
 */
export async function exportChainRows(client: SqlClient, schema: string, streamIds?: string[]): Promise<ExportedChainRow[]> {
  const s = assertSchemaName(schema);
  const rows = await client.query(
    `SELECT event_id::text AS event_id, stream_id, stream_version, type, schema_version,
            data::text AS data_text, metadata::text AS metadata_text, coalesce(prev_hash, '') AS prev_hash, hash
       FROM ${s}.events
      WHERE $1::text[] IS NULL OR stream_id = ANY($1::text[])
      ORDER BY transaction_id, position`,
    [streamIds ?? null],
  );
  return rows.map((r) => ({
    eventId: r.event_id as string,
    streamId: r.stream_id as string,
    streamVersion: Number(r.stream_version),
    type: r.type as string,
    schemaVersion: Number(r.schema_version),
    dataText: r.data_text as string,
    metadataText: r.metadata_text as string,
    prevHash: r.prev_hash as string,
    hash: r.hash as string,
  }));
}

/**
 * The SQL connection under a service's store. The EventStore port has no raw-text read, and the export must
 * carry the stored jsonb text, so the audit reaches the SqlEventStore's client (PostgreSQL or PGlite alike).
 */
export function sqlAccessOf(store: EventStore): { client: SqlClient; schema: string } {
  if (!(store instanceof SqlEventStore)) throw new Error('the audit export needs an SQL event store');
  return { client: store['client'], schema: store.schema };
}
