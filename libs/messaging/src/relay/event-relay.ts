import { comparePositions, eventsTopic, type LogPosition, type RecordedEvent } from '@cem/contracts';
import type { EventStore, StoreLease, Subscription } from '@cem/event-store';
import { encodeEvent } from '../cloud-events.codec';
import { PublisherFencedError, type EventBus, type TransactionalPublisher } from '../event-bus';
import { backoffDelay, sleep } from '../retry';

export interface EventRelayOptions {
  store: EventStore;
  bus: EventBus;
  /** Bounded context whose log this is: names the topic and the CloudEvents source. */
  context: string;
  /** Default eventsTopic(context). */
  topic?: string;
  /** Events per read and per publish. Default 500. */
  batchSize?: number;
  pollIntervalMs?: number;
  /**
   * After a notification, wait this long before reading the log, so that concurrent commands' events share one
   * Kafka transaction (see SubscriptionOptions.lingerMs). Default 0.
   */
  lingerMs?: number;
  /** First delay after a failed publish, doubled per attempt up to 5 s. Default 100 ms. */
  retryBackoffMs?: number;
  onError?: (error: unknown) => void;
  /**
   * Which events of the log to publish; default all. A store that archives other contexts' events keeps
   * them home this way. The checkpoint still moves past the skipped ones.
   */
  filter?: (event: RecordedEvent) => boolean;
  /** How often a replica that is not the relay asks again for the store's relay lease. Default 1000 ms. */
  leaseRetryMs?: number;
  /** Called when this instance becomes (true) or stops being (false) the store's relay. */
  onLeadership?: (leading: boolean) => void;
}

/**
 * A batch with nothing to publish (only other contexts' archived events) moves the checkpoint at most this
 * often: re-reading such a batch after a crash costs nothing but the read. The same holds for the PostgreSQL
 * checkpoint of batches published in a Kafka transaction: the transaction commits the position with the batch
 * (the marker the relay resumes from), so the store's copy is only a floor and is written at most this often.
 */
const FILTERED_CHECKPOINT_INTERVAL_MS = 1000;

export function relayCheckpointName(topic: string): string {
  return `relay:${topic}`;
}

function markerOf(position: LogPosition): string {
  return `${position.tx}:${position.pos}`;
}

function parseMarker(marker: string | undefined): LogPosition | undefined {
  const match = marker ? /^(\d+):(\d+)$/.exec(marker) : null;
  return match ? { tx: Number(match[1]), pos: Number(match[2]) } : undefined;
}

const later = (a: LogPosition | undefined, b: LogPosition | undefined) => (!a ? b : !b ? a : comparePositions(a, b) >= 0 ? a : b);

/**
 * Store -> bus. One relay per store at a time: replicas compete for the store's relay lease (a PostgreSQL
 * advisory lock held on its own connection) and the others wait, taking over when the holder dies.
 *
 * On a bus with transactions (Kafka) every batch is published exactly once: the batch and the relay's
 * position commit in one Kafka transaction, the relay starts from the later of that position and its
 * PostgreSQL checkpoint, and a new relay's producer fences (and aborts the open transaction of) any older one
 * with the same transactional id. Without transactions (in-process bus) it is at least once: the checkpoint
 * moves after the bus acknowledged the batch, so a crash re-sends at most the batch in flight; consumers
 * de-duplicate by event id (ce_id).
 */
export class EventRelay {
  readonly topic: string;
  private readonly checkpoint: string;
  private subscription?: Subscription;
  private publisher?: TransactionalPublisher;
  private stopping = false;
  private fenced = false;
  private leading = false;
  private published = 0;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** Handled but not checkpointed (filtered-only batches), and when the checkpoint was last written. */
  private unsaved?: LogPosition;
  private savedAt = 0;
  /** Writes the unsaved checkpoint once the interval has passed with no batch to carry it. */
  private flushTimer?: NodeJS.Timeout;
  /** Checkpoint writes run one after the other, so an older position never overwrites a newer one. */
  private saving: Promise<void> = Promise.resolve();
  /** Position of the last event handed to the bus (or skipped by the filter). */
  private relayedUpTo?: LogPosition;

  constructor(private readonly options: EventRelayOptions) {
    this.topic = options.topic ?? eventsTopic(options.context);
    this.checkpoint = relayCheckpointName(this.topic);
  }

  get publishedCount(): number {
    return this.published;
  }

  /** True while this instance is the store's relay. */
  get isLeading(): boolean {
    return this.leading;
  }

  /** The last position relayed (published or deliberately skipped), for lag metrics. */
  get position(): LogPosition | undefined {
    return this.relayedUpTo;
  }

  /** Resolves after the first attempt to become the store's relay (leading or waiting in the background). */
  async start(): Promise<void> {
    if (this.loop) return;
    this.stopping = false;
    let firstAttempt!: () => void;
    const attempted = new Promise<void>((resolve) => (firstAttempt = resolve));
    this.loop = this.lead(firstAttempt);
    await attempted;
  }

  /**
   * Resolves once everything committed before the call has been published and checkpointed. On a replica
   * that is not the relay there is nothing to wait for: it resolves at once.
   */
  async caughtUp(): Promise<void> {
    if (!this.loop) throw new Error('EventRelay is not started');
    await this.subscription?.caughtUp();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    const loop = this.loop;
    this.loop = undefined;
    await loop;
  }

  private async lead(firstAttempt: () => void): Promise<void> {
    const { store } = this.options;
    const retryMs = this.options.leaseRetryMs ?? 1000;
    try {
      while (!this.stopping) {
        let lease: StoreLease | undefined;
        let attempted = false;
        try {
          lease = store.tryLease ? await store.tryLease(this.checkpoint) : undefined;
          attempted = true;
          if (lease || !store.tryLease) await this.becomeRelay();
        } catch (error) {
          this.options.onError?.(error);
          await lease?.release().catch(() => undefined);
          lease = undefined;
          await this.demote();
        }
        firstAttempt();
        if (attempted && (lease || !store.tryLease) && this.subscription) {
          // Relaying until stopped, fenced, or the lease's connection dies (then another replica takes over).
          await new Promise<void>((resolve) => {
            this.wake = resolve;
            void lease?.lost.then(resolve);
            if (this.stopping || this.fenced) resolve();
          });
          await this.demote();
          await lease?.release().catch(() => undefined);
        }
        if (!this.stopping)
          await new Promise<void>((resolve) => {
            this.wake = resolve;
            setTimeout(resolve, retryMs).unref();
          });
      }
    } finally {
      firstAttempt();
    }
  }

  private async becomeRelay(): Promise<void> {
    const { store, bus } = this.options;
    this.fenced = false;
    // The producer is initialised first: that fences an older relay and completes its open transaction, so
    // the position read next is final.
    const publisher = bus.transactionalPublisher?.(`${this.checkpoint}`, this.topic);
    const published = publisher ? parseMarker(await publisher.lastMarker()) : undefined;
    const after = later(await store.load(this.checkpoint), published);
    this.publisher = publisher;
    this.relayedUpTo = after;
    this.subscription = store.subscribe({
      after,
      batchSize: this.options.batchSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs,
      lingerMs: this.options.lingerMs,
      handler: (events) => this.relay(events),
      onError: this.options.onError,
    });
    this.leading = true;
    this.options.onLeadership?.(true);
  }

  private async demote(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const unsaved = this.unsaved;
    this.unsaved = undefined;
    if (unsaved && !this.fenced) await this.saveCheckpoint(unsaved).catch((e) => this.options.onError?.(e));
    const publisher = this.publisher;
    this.publisher = undefined;
    await publisher?.close().catch(() => undefined);
    if (this.leading) this.options.onLeadership?.(false);
    this.leading = false;
  }

  private async relay(events: RecordedEvent[]): Promise<void> {
    if (!events.length) return;
    if (this.fenced) throw new PublisherFencedError(`${this.checkpoint}: no longer the relay`);
    const { context, bus } = this.options;
    const selected = this.options.filter ? events.filter(this.options.filter) : events;
    const messages = selected.map((event) => encodeEvent(context, event, this.topic));
    const last = events[events.length - 1].position;
    if (!messages.length && Date.now() - this.savedAt < FILTERED_CHECKPOINT_INTERVAL_MS) {
      this.unsaved = last;
      this.relayedUpTo = last;
      this.scheduleFlush();
      return;
    }
    const publisher = this.publisher;
    if (messages.length) await this.untilDone(() => (publisher ? publisher.publish(messages, markerOf(last)) : bus.publish(messages)));
    this.published += selected.length;
    this.relayedUpTo = last;
    // Published with its marker in the same Kafka transaction: the PostgreSQL checkpoint can wait (demote and
    // the next batch after the interval write it). Without transactions it is the only record: written now.
    if (publisher && messages.length && Date.now() - this.savedAt < FILTERED_CHECKPOINT_INTERVAL_MS) {
      this.unsaved = last;
      this.scheduleFlush();
      return;
    }
    await this.untilDone(() => this.saveCheckpoint(last));
    if (this.unsaved && comparePositions(this.unsaved, last) <= 0) this.unsaved = undefined;
  }

  private saveCheckpoint(position: LogPosition): Promise<void> {
    this.savedAt = Date.now();
    const saved = this.saving.then(() => this.options.store.save(this.checkpoint, position));
    this.saving = saved.catch(() => undefined);
    return saved;
  }

  private scheduleFlush(): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      const unsaved = this.unsaved;
      if (!unsaved || this.fenced || !this.leading) return;
      this.saveCheckpoint(unsaved).then(
        () => {
          if (this.unsaved === unsaved) this.unsaved = undefined;
        },
        (error) => this.options.onError?.(error),
      );
    }, FILTERED_CHECKPOINT_INTERVAL_MS);
    this.flushTimer.unref();
  }

  // Retrying here rather than failing the store subscription keeps the relay's order independent of how the
  // store reacts to handler errors: nothing after this batch is read until it is through. A fenced publisher
  // is not retried: another relay took over, and this one steps down.
  private async untilDone(step: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await step();
      } catch (error) {
        if (error instanceof PublisherFencedError) {
          this.fenced = true;
          this.wake?.();
          throw error;
        }
        if (this.stopping) throw error;
        this.options.onError?.(error);
        await sleep(backoffDelay(attempt, this.options.retryBackoffMs ?? 100, 5000));
        if (this.stopping) throw error;
      }
    }
  }
}
