import { LOG_START, LogPosition } from '@cem/contracts';
import type { EventStore } from '@cem/event-store';
import type { DocumentCollection } from './document-store';
import type { Projection } from './projection';
import { ReplayBuffer } from './replay-buffer';

export type ProgressListener = (done: number, total: number) => void;

/** A projection and the collection it is replayed into (its own, or a shadow for verification). */
export interface ReplayTarget {
  projection: Projection;
  collection: DocumentCollection;
}

export interface ReplayOptions {
  batchSize?: number;
  /** Documents held in memory per projection before a flush (default 200 000). */
  maxCachedDocuments?: number;
  onProgress?: ProgressListener;
}

export interface ReplayResult {
  events: number;
  /** Position of the last event replayed (LOG_START for an empty log). */
  position: LogPosition;
}

export const DEFAULT_REPLAY_BATCH = 5000;

/**
 * Replays the whole log into the targets' (empty) collections in big batches, reading the next batch
 * while the current one is applied. Documents are folded in memory (ReplayBuffer) and written when the
 * buffer fills and at the end, so each is written about once however many events touched it.
 *
 * The event count is not known without a full scan; the head's `pos` (the store's global sequence) is a
 * close estimate, so progress reports `total` as the larger of that and what was done.
 */
export async function replayLog(store: EventStore, targets: ReplayTarget[], options: ReplayOptions = {}): Promise<ReplayResult> {
  const limit = options.batchSize ?? DEFAULT_REPLAY_BATCH;
  const estimate = (await store.headPosition()).pos;
  const read = (after: LogPosition) => {
    const pending = store.readAll({ after, limit });
    // Handled here so a write failure below does not also surface as an unhandled rejection; awaiting
    // `pending` later still throws.
    pending.catch(() => undefined);
    return pending;
  };
  const buffers = targets.map((t) => new ReplayBuffer(t.projection, t.collection, options.maxCachedDocuments ?? 200_000));
  let position = LOG_START;
  let done = 0;
  let next = read(position);
  for (;;) {
    const events = await next;
    if (!events.length) break;
    position = events[events.length - 1].position;
    next = read(position);
    await Promise.all(buffers.map((buffer) => buffer.apply(events)));
    done += events.length;
    options.onProgress?.(done, Math.max(done, estimate));
  }
  await Promise.all(buffers.map((buffer) => buffer.flush()));
  options.onProgress?.(done, done);
  return { events: done, position };
}
