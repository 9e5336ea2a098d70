import type { RecordedEvent } from '@cem/contracts';
import type { EventStore } from '@cem/event-store';

const BATCH = 1000;

/**
 * The whole archive in global order. Histories are selected from it rather than by stream because one
 * dossier's decisions are spread over streams of four contexts (dossier, cases, rankings, proposals).
 */
export async function readWholeLog(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (;;) {
    const batch = await store.readAll({ after: events.at(-1)?.position, limit: BATCH });
    events.push(...batch);
    if (batch.length < BATCH) return events;
  }
}
