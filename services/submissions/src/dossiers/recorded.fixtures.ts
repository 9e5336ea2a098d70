import type { RecordedEvent } from '@cem/contracts';
import { systemActor } from '@cem/contracts';
import type { DossierEvent } from './dossier.state';

/** Wraps a dossier's events as the store would record them, in order, on one stream. */
export function recorded(events: DossierEvent[], streamId = 'dossier-test'): RecordedEvent[] {
  return events.map((e, i) => ({
    ...e,
    id: `${streamId}#${i + 1}`,
    streamId,
    streamVersion: i + 1,
    schemaVersion: 1,
    metadata: { actor: systemActor('test'), occurredAt: '2024-01-01T00:00:00Z', correlationId: 'c', source: 'submissions' },
    position: { tx: 1, pos: i + 1 },
    recordedAt: '2024-01-01T00:00:00Z',
    hash: '0'.repeat(64),
  }));
}
