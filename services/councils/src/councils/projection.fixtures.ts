import type { DomainEvent, RecordedEvent } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';
import { secretary } from './council.fixtures';

/** Wraps domain events as they come back from the store (positions in order). */
export function recorded(events: DomainEvent[]): RecordedEvent[] {
  return events.map((e, i) => ({
    ...e,
    id: `evt-${i + 1}`,
    streamId: 'test',
    streamVersion: i + 1,
    schemaVersion: 1,
    metadata: { actor: secretary, occurredAt: '2019-05-01T00:00:00Z', correlationId: 'c', source: 'councils' },
    position: { tx: i + 1, pos: i + 1 },
    recordedAt: '2019-05-01T00:00:00Z',
    hash: '',
  }));
}

/** Folds events through a projection the way the runner does, returning the documents by id. */
export function project<T extends ReadModelDocument>(projection: Projection<T>, events: DomainEvent[]): Map<string, T> {
  const docs = new Map<string, T>();
  for (const event of recorded(events)) {
    if (!projection.eventTypes.includes(event.type)) continue;
    for (const id of projection.documentIds(event)) {
      const next = projection.apply(docs.get(id) ?? null, event, id);
      if (next) docs.set(id, next);
      else docs.delete(id);
    }
  }
  return docs;
}
