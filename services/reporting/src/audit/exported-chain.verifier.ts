import { createHash } from 'node:crypto';

/** One exported event row, with data and metadata exactly as the store keeps (and hashed) them. */
export interface ExportedChainRow {
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  dataText: string;
  metadataText: string;
  /** '' for a stream's first event. */
  prevHash: string;
  hash: string;
}

export type ChainBreakReason = 'hash-mismatch' | 'prev-hash-mismatch' | 'version-gap';

export type ChainVerdict =
  | { ok: true; checked: number; streams: number }
  | { ok: false; checked: number; eventId: string; streamId: string; streamVersion: number; reason: ChainBreakReason };

/** The store's event_hash, recomputed offline: sha256 over the same '|'-joined text, UTF-8, hex. */
export function chainHash(row: Omit<ExportedChainRow, 'hash'>): string {
  const text = [
    row.prevHash,
    row.eventId,
    row.streamId,
    row.streamVersion,
    row.type,
    row.schemaVersion,
    row.dataText,
    row.metadataText,
  ].join('|');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Walks an exported history in its order and reports the first break: a row whose hash does not match its
 * content, that does not chain to the previous row of its stream, or that skips a stream version.
 */
export function verifyExportedChain(rows: readonly ExportedChainRow[]): ChainVerdict {
  const last = new Map<string, { version: number; hash: string }>();
  let checked = 0;
  for (const row of rows) {
    const previous = last.get(row.streamId) ?? { version: 0, hash: '' };
    const breakAt = (reason: ChainBreakReason): ChainVerdict => ({
      ok: false,
      checked,
      eventId: row.eventId,
      streamId: row.streamId,
      streamVersion: row.streamVersion,
      reason,
    });
    if (row.streamVersion !== previous.version + 1) return breakAt('version-gap');
    if (row.prevHash !== previous.hash) return breakAt('prev-hash-mismatch');
    if (chainHash(row) !== row.hash) return breakAt('hash-mismatch');
    last.set(row.streamId, { version: row.streamVersion, hash: row.hash });
    checked += 1;
  }
  return { ok: true, checked, streams: last.size };
}
