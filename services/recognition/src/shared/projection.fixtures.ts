import type { RecordedEvent } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';
import { authority } from '../proposals/proposal.fixtures';

let seq = 0;

/** A recorded event with just enough envelope for projections. */
export const recordedEvent = (event: { type: string; data: unknown }, reason?: string): RecordedEvent => ({
  id: `e-${++seq}`,
  streamId: 's',
  streamVersion: seq,
  schemaVersion: 1,
  type: event.type,
  data: event.data,
  metadata: {
    actor: authority,
    occurredAt: '2019-11-20T00:00:00Z',
    correlationId: 'c',
    source: 'recognition',
    ...(reason ? { reason } : {}),
  },
  position: { tx: seq, pos: seq },
  recordedAt: '2019-11-20T00:00:00Z',
  hash: '',
});

/** Runs events through a projection the way the runner does: per document id, in order. */
export function project<D extends ReadModelDocument>(projection: Projection<D>, events: RecordedEvent[]): Map<string, D> {
  const docs = new Map<string, D>();
  for (const event of events) {
    for (const id of projection.documentIds(event)) {
      const next = projection.apply(docs.get(id) ?? null, event, id);
      if (next) docs.set(id, next);
      else docs.delete(id);
    }
  }
  return docs;
}
