import type { EventStore } from '@cem/event-store';
import type { ExportedChainRow } from './exported-chain.verifier';

/**
 * Rows exactly as they were hashed: data and metadata as the JSON text the store keeps, byte for byte (an
 * auditor re-hashes the text, not a re-serialisation of the parsed values).
 */
export function exportChainRows(store: EventStore, streamIds?: string[]): Promise<ExportedChainRow[]> {
  return store.exportChain(streamIds);
}
