import type { LogPosition, PersonNames, RecordedEvent } from '@cem/contracts';
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

export async function auditExport(
  store: EventStore,
  events: RecordedEvent[],
  subject?: HistorySubject,
  names?: PersonNames,
): Promise<AuditExport> {
  const history: HistoryRow[] = subject ? decisionHistory(events, subject, names) : [];
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

const EXPORT_PAGE = 5000;
const FIRST_PAGE = 200;

/**
 * The whole archive's export (no subject) as JSON text chunks, in the same shape as `AuditExport` (an empty
 * history and every hashed row in global order): the head goes out before the store is read, then a page of
 * rows at a time, so the first byte does not wait for a million rows and memory holds one page.
 */
export async function* wholeExportChunks(store: EventStore): AsyncGenerator<string> {
  if (!store.exportChainPage) {
    const whole: AuditExport = { subject: 'all', exportedAt: new Date().toISOString(), history: [], chain: await store.exportChain() };
    yield JSON.stringify(whole);
    return;
  }
  yield `{"subject":"all","exportedAt":${JSON.stringify(new Date().toISOString())},"history":[],"chain":[`;
  let after: LogPosition | undefined;
  let first = true;
  for (;;) {
    // A short first page: the first rows follow the head quickly; then full pages.
    const limit = first ? FIRST_PAGE : EXPORT_PAGE;
    const page = await store.exportChainPage(after, limit);
    if (page.length) {
      yield (first ? '' : ',') + page.map(({ position: _position, ...row }) => JSON.stringify(row)).join(',');
      first = false;
      after = page[page.length - 1].position;
    }
    if (page.length < limit) break;
  }
  yield ']}';
}
