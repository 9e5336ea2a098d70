import { comparePositions, eventsTopic, type LogPosition, type RecordedEvent } from '@cem/contracts';
import type { EventStore, StoreLease, Subscription } from '@cem/event-store';
import { encodeEvent } from '../cloud-events.codec';
import { PublisherFencedError, type BusMessage, type EventBus, type TransactionalPublisher } from '../event-bus';
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
  /**
   * After a notification, wait this long before reading the log, so that concurrent commands' events share one
   * Kafka transaction (see SubscriptionOptions.lingerMs). Default 0.
   */
  lingerMs?: number;
  pollIntervalMs?: number;
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
 * How often the PostgreSQL checkpoint moves when it is not what makes the relay exact: after a batch with nothing
 * to publish (only other contexts' archived events: re-reading it after a crash costs nothing but the read), and
 * on a transactional bus, where every batch commits its position in Kafka with the batch itself and the relay
 * starts from the later of the two. A position held back is written when this interval ends (a timer), when the
 * relay steps down: the PostgreSQL copy (and the relay lag metric read from it) trails by at most this interval.
 */
const CHECKPOINT_INTERVAL_MS = 1000;

const ignore = () => undefined;

/**
 * On a transactional bus, full batches (the log has more right behind them) are gathered into one Kafka transaction
 * of up to this many events: a transaction costs four round trips besides the sends (add partitions, add offsets,
 * commit the offsets, end), which per 500-event batch kept the relay near 0.6-0.8x a bare producer.
 */
const MAX_EVENTS_PER_TRANSACTION = 5000;
/** A gathered transaction waits at most this long for the next batch (a full batch that was the log's last). */
const LINGER_MS = 10;

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
  /** Position of the last event handed to the bus (or skipped by the filter). */
  private relayedUpTo?: LogPosition;
  /**
   * The publish (and checkpoint) of the batch handed over last, and anything queued after it: batches go out one
   * at a time, in order, while the subscription already reads the next batch from the store.
   */
  private inflight: Promise<void> = Promise.resolve();
  private checkpointTimer?: NodeJS.Timeout;
  /** Batches read but not yet handed to the bus: gathered for one transaction (see MAX_EVENTS_PER_TRANSACTION). */
  private gathered: { messages: BusMessage[]; events: number; last?: LogPosition } = { messages: [], events: 0 };
  private lingerTimer?: NodeJS.Timeout;

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
   * Resolves once everything committed before the call has been published, its position committed with it (Kafka
   * transaction) or checkpointed in PostgreSQL (other buses). On a replica
   * that is not the relay there is nothing to wait for: it resolves at once.
   */
  async caughtUp(): Promise<void> {
    if (!this.loop) throw new Error('EventRelay is not started');
    await this.subscription?.caughtUp();
    this.handOver();
    await this.inflight.catch(ignore); // the last batch handed over may still be on its way
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
    if (this.fenced) this.gathered = { messages: [], events: 0 };
    this.handOver(); // batches read and gathered go out before the producer goes (a fenced relay drops them)
    await this.inflight.catch(ignore); // a batch on its way is published (or refused) before the producer goes
    this.inflight = Promise.resolve();
    clearTimeout(this.checkpointTimer);
    this.checkpointTimer = undefined;
    const unsaved = this.unsaved;
    this.unsaved = undefined;
    if (unsaved && !this.fenced) await this.options.store.save(this.checkpoint, unsaved).catch((e) => this.options.onError?.(e));
    const publisher = this.publisher;
    this.publisher = undefined;
    await publisher?.close().catch(() => undefined);
    if (this.leading) this.options.onLeadership?.(false);
    this.leading = false;
  }

  /**
   * The subscription's handler. It waits for the previous batch's publish (whose failure, a fenced publisher or a
   * stop, surfaces here and keeps this batch unaccepted), hands this batch over and returns, so the store is read
   * while the bus works. Only a fenced or stopping relay ever sees a publish fail (anything else is retried in
   * place), and either way it steps down and the next relay starts from the committed position.
   */
  private async relay(events: RecordedEvent[]): Promise<void> {
    if (!events.length) return;
    if (this.fenced) throw new PublisherFencedError(`${this.checkpoint}: no longer the relay`);
    const { context } = this.options;
    const selected = this.options.filter ? events.filter(this.options.filter) : events;
    for (const event of selected) this.gathered.messages.push(encodeEvent(context, event, this.topic));
    this.gathered.events += events.length;
    this.gathered.last = events[events.length - 1].position;
    // A full batch means more is probably waiting in the log: gather it into the same transaction. Batches read
    // and gathered are only in memory; neither position moves before their transaction commits, so a crash or a
    // fenced relay simply leaves them to be read again by the next relay.
    const full = events.length >= (this.options.batchSize ?? 500);
    if (this.publisher && full && this.gathered.events < MAX_EVENTS_PER_TRANSACTION) {
      this.lingerTimer ??= setTimeout(() => {
        this.lingerTimer = undefined;
        this.handOver();
      }, LINGER_MS).unref();
      return;
    }
    await this.inflight;
    this.handOver();
  }

  /** Queues what was gathered as one publish (one Kafka transaction), behind whatever is on its way. */
  private handOver(): void {
    clearTimeout(this.lingerTimer);
    this.lingerTimer = undefined;
    const { messages, last } = this.gathered;
    this.gathered = { messages: [], events: 0 };
    if (last) void this.enqueue(() => this.publish(messages, last));
  }

  private async publish(messages: BusMessage[], last: LogPosition): Promise<void> {
    const { bus, store } = this.options;
    const publisher = this.publisher;
    if (messages.length) await this.untilDone(() => (publisher ? publisher.publish(messages, markerOf(last)) : bus.publish(messages)));
    this.published += messages.length;
    this.relayedUpTo = last;
    // Without transactions the PostgreSQL checkpoint is what stops a re-send: it moves after every published batch.
    if ((messages.length && !publisher) || Date.now() - this.savedAt >= CHECKPOINT_INTERVAL_MS) {
      await this.untilDone(() => store.save(this.checkpoint, last));
      this.unsaved = undefined;
      this.savedAt = Date.now();
      return;
    }
    this.unsaved = last;
    this.checkpointTimer ??= setTimeout(() => {
      this.checkpointTimer = undefined;
      void this.enqueue(() => this.flushCheckpoint());
    }, CHECKPOINT_INTERVAL_MS).unref();
  }

  private async flushCheckpoint(): Promise<void> {
    const unsaved = this.unsaved;
    if (!unsaved || this.fenced) return;
    await this.untilDone(() => this.options.store.save(this.checkpoint, unsaved));
    if (this.unsaved === unsaved) this.unsaved = undefined;
    this.savedAt = Date.now();
  }

  /** Runs `step` after everything handed over before it; a failure stays in the chain for relay() to surface. */
  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.inflight.then(step);
    this.inflight = next;
    next.catch(ignore);
    return next;
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
