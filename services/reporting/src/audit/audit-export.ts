import type { RecordedEvent } from '@cem/contracts';
import type { EventStore } from '@cem/event-store';
import { exportChainRows } from './chain-export';
import { decisionHistory, HistoryRow, HistorySubject } from './decision-history';
import type { ExportedChainRow } from './exported-chain.verifier';

/** What an auditor takes away: the history, and the complete hash chains it rests on for offline re-verification. */
export interface AuditExport {
  subject: HistorySubject | 'all';
  exportedAt: string;
  history: (HistoryRow & {
    streamId: string;
    streamVersion: number;
    hash: string;
    prevHash: string;
    dataText: string;
    metadataText: string;
  })[];
  /** Every event of every stream the history touches, from version 1, so each chain verifies on its own. */
  chain: ExportedChainRow[];
}

export async function auditExport(store: EventStore, events: RecordedEvent[], subject?: HistorySubject): Promise<AuditExport> {
  const history: HistoryRow[] = subject ? decisionHistory(events, subject) : [];
  const byId = new Map(events.map((e) => [e.id, e]));
  const streams = subject ? [...new Set(history.map((h) => byId.get(h.eventId)!.streamId))] : undefined;
  const chain = await exportChainRows(store, streams);
  const rows = new Map(chain.map((r) => [r.eventId, r]));
  return {
    subject: subject ?? 'all',
    exportedAt: new Date().toISOString(),
    history: history.map((h) => {
      const { streamId, streamVersion, hash, prevHash, dataText, metadataText } = rows.get(h.eventId)!;
      return { ...h, streamId, streamVersion, hash, prevHash, dataText, metadataText };
    }),
    chain,
  };
}
