import { randomUUID } from 'crypto';
import type { NewEvent } from '@cem/contracts';
import type { EventStore } from '@cem/event-store';
import type { ReadModelDocument } from '../document-store';
import type { Projection } from '../projection';

export interface StreamTally extends ReadModelDocument {
  count: number;
  lastType: string;
}

/**
 * Counts events per stream, plus a grand total in document `all`. Counting is not idempotent, so any event
 * applied twice (or lost) shows up in the numbers.
 */
export function countingProjection(options: { version?: number; weight?: number; name?: string } = {}): Projection<StreamTally> {
  const weight = options.weight ?? 1;
  return {
    name: options.name ?? 'stream-tally',
    collection: options.name ?? 'stream_tally',
    version: options.version ?? 1,
    eventTypes: ['Counted', 'Closed'],
    documentIds: (event) => (event.type === 'Closed' ? [event.streamId] : [event.streamId, 'all']),
    apply: (doc, event, id) => {
      if (event.type === 'Closed') return null;
      return { _id: id, count: (doc?.count ?? 0) + weight, lastType: event.type };
    },
  };
}

export function testEvent(type: string, data: Record<string, unknown> = {}): NewEvent {
  return {
    type,
    data,
    metadata: {
      actor: { id: 'tester', role: 'admin', unitId: 'central', level: 'central', unitPath: ['central'] },
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      source: 'read-models-test',
    },
  };
}

/** Appends `count` Counted events to each stream (plus one ignored event type, to prove filtering). */
export async function appendCounted(store: EventStore, streams: string[], count: number): Promise<void> {
  for (const streamId of streams) {
    const events = Array.from({ length: count }, (_, i) => testEvent('Counted', { i }));
    await store.append(streamId, [...events, testEvent('Ignored')]);
  }
}
