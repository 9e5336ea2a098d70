import type { EventStore } from '@cem/event-store';
import type { ExportedChainRow } from './exported-chain.verifier';

/**
 * Rows exactly as PostgreSQL hashed them: data and metadata as the jsonb text (key order and spacing of
 * jsonb's output), which a JSON.stringify of the parsed values would not reproduce.
 */
export function exportChainRows(store: EventStore, streamIds?: string[]): Promise<ExportedChainRow[]> {
  return store.exportChain(streamIds);
}
