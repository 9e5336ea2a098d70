import type { LogPosition, NewEvent, RecordedEvent } from '@cem/contracts';

/**
 * 'any': no check. 'no-stream': the stream must not exist. 'exists': it must have at least one event.
 * number: the stream must be exactly at that version (0 = no stream yet).
 */
export type ExpectedVersion = 'any' | 'no-stream' | 'exists' | number;

export interface AppendResult {
  streamId: string;
  /** Stream version after the append: pass it as expectedVersion for the next one. */
  nextExpectedVersion: number;
  /** Position of the last appended event (of the existing ones when the append was an idempotent replay). */
  lastPosition: LogPosition;
  /** False when every event id was already stored: nothing was written. */
  appended: boolean;
}

export interface ReadStreamOptions {
  /** First version to return (inclusive). Default 1. */
  fromVersion?: number;
  maxCount?: number;
  /** Only events that occurred (metadata.occurredAt) at or before this instant: state "as of" a date. */
  occurredUntil?: Date;
}

export interface ReadAllOptions {
  /** Exclusive lower bound; default LOG_START. */
  after?: LogPosition;
  /** Batch size; default 1000. */
  limit?: number;
}

export interface SubscriptionOptions {
  after?: LogPosition;
  batchSize?: number;
  /** Upper bound for the wait between polls when no notification arrives. */
  pollIntervalMs?: number;
  /**
   * After a notification, wait this long before reading, so that the appends of concurrent commands arrive
   * in one batch (one Kafka transaction, one document write per touched document) instead of one batch each.
   * Never applied while someone waits in `caughtUp()` (read-your-writes stays immediate). Default 0.
   */
  lingerMs?: number;
  /** Called with each batch in global order; the subscription waits for it before reading on. */
  handler: (events: RecordedEvent[]) => Promise<void>;
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Resolves when the subscription has read everything committed up to now. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

export interface ChainBreak {
  streamId: string;
  streamVersion: number;
  eventId: string;
  position: LogPosition;
  expectedHash: string;
  storedHash: string;
}

/** An event exactly as it was hashed: data and metadata as the stored JSON text, for offline re-verification. */
export interface HashedEventRow {
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  dataText: string;
  metadataText: string;
  /** '' for a stream's first event. */
  prevHash: string;
  hash: string;
}

export interface ChainVerification {
  eventsChecked: number;
  /** The first broken link in global order, if any. */
  firstBreak?: ChainBreak;
}

/** Durable named checkpoints kept in the same database as the events (used by the relay and runners). */
export interface CheckpointStore {
  load(name: string): Promise<LogPosition | undefined>;
  save(name: string, position: LogPosition): Promise<void>;
}

/** One event opening one new stream, for `appendNewStreams`. */
export type NewStreamEvent = NewEvent & { streamId: string; id: string };

export interface EventStore extends CheckpointStore {
  append(streamId: string, events: NewEvent[], options?: { expectedVersion?: ExpectedVersion }): Promise<AppendResult>;
  /**
   * Opens several new streams with one event each, all or none (one transaction). A stream that already exists
   * refuses the whole batch (ConcurrencyError); repeating exactly the same batch (same event ids) is a retry and
   * returns `appended: false`.
   */
  appendNewStreams?(events: NewStreamEvent[]): Promise<{ appended: boolean; count: number }>;
  /**
   * Keeps copies of other stores' events (an archive), in one transaction: each event goes to the end of its
   * stream unless its id is already stored (a redelivery, passed over). Returns how many were new. A lost race
   * with another writer of the same stream rejects the whole call; repeating it is safe.
   */
  appendArchived?(events: NewStreamEvent[]): Promise<{ count: number }>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Every event of the given streams, in global order, in one query (an audit history reads about five). */
  readStreams?(streamIds: string[]): Promise<RecordedEvent[]>;
  /** Every stream's last version and hash (tamper evidence: what a signed anchor records). */
  chainHeads?(): Promise<ChainHead[]>;
  /** Every event's stream, version and hash, by stream and version (checking against anchors). */
  chainRows?(): Promise<ChainRow[]>;
  /** Committed events after a position, in global order, never skipping a slow transaction. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up subscription: reads history then follows live, without gaps or duplicates. */
  subscribe(options: SubscriptionOptions): Subscription;
  /** The position of the last event visible to readers (LOG_START when empty). */
  headPosition(): Promise<LogPosition>;
  /** Walks every stream's hash chain and reports the first broken link in global order. */
  verifyChain(): Promise<ChainVerification>;
  /** The hashed rows of the given streams (all when omitted) in global order, for an auditor's export. */
  exportChain(streamIds?: string[]): Promise<HashedEventRow[]>;
  /**
   * The whole store's hashed rows a page at a time in global order (rows after `after`, up to `limit`), each with
   * its position for the next page: an export streamed without holding the store in memory.
   */
  exportChainPage?(after: LogPosition | undefined, limit: number): Promise<(HashedEventRow & { position: LogPosition })[]>;
  /**
   * Tries once to become the only holder of `name` for this store (one relay per store across replicas);
   * undefined when another process holds it. The lease is lost when its holder's connection dies.
   */
  tryLease?(name: string): Promise<StoreLease | undefined>;
  /** Every stream's last version and hash (tamper evidence: what a signed anchor records). */
  chainHeads?(): Promise<ChainHead[]>;
  /** Every event's stream, version and hash, by stream and version (checking against anchors). */
  chainRows?(): Promise<ChainRow[]>;
  /** Committed events after a position (operations: how far a reader lags behind). */
  countAfter?(position: LogPosition): Promise<number>;
  close(): Promise<void>;
}

export interface StoreLease {
  readonly lost: Promise<void>;
  release(): Promise<void>;
}

export interface ChainHead {
  streamId: string;
  version: number;
  hash: string;
}

export interface ChainRow extends ChainHead {
  eventId: string;
}
