import { eventsTopic, type LogPosition, type RecordedEvent } from '@cem/contracts';
import type { EventStore, Subscription } from '@cem/event-store';
import { encodeEvent } from '../cloud-events.codec';
import type { EventBus } from '../event-bus';
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
  /** First delay after a failed publish, doubled per attempt up to 5 s. Default 100 ms. */
  retryBackoffMs?: number;
  onError?: (error: unknown) => void;
  /**
   * Which events of the log to publish; default all. A store that archives other contexts' events keeps
   * them home this way. The checkpoint still moves past the skipped ones.
   */
  filter?: (event: RecordedEvent) => boolean;
}

/**
 * A batch with nothing to publish (only other contexts' archived events) moves the checkpoint at most this
 * often: re-reading such a batch after a crash costs nothing but the read.
 */
const FILTERED_CHECKPOINT_INTERVAL_MS = 1000;

export function relayCheckpointName(topic: string): string {
  return `relay:${topic}`;
}

/**
 * Store -> bus, at least once. Each store batch is one publish, and the checkpoint moves only after the bus
 * acknowledged it, so a crash re-sends at most the batch in flight. Consumers dedupe by event id.
 */
export class EventRelay {
  readonly topic: string;
  private readonly checkpoint: string;
  private subscription?: Subscription;
  private stopping = false;
  private published = 0;
  /** Handled but not checkpointed (filtered-only batches), and when the checkpoint was last written. */
  private unsaved?: LogPosition;
  private savedAt = 0;

  constructor(private readonly options: EventRelayOptions) {
    this.topic = options.topic ?? eventsTopic(options.context);
    this.checkpoint = relayCheckpointName(this.topic);
  }

  get publishedCount(): number {
    return this.published;
  }

  async start(): Promise<void> {
    if (this.subscription) return;
    this.stopping = false;
    const after = await this.options.store.load(this.checkpoint);
    this.subscription = this.options.store.subscribe({
      after,
      batchSize: this.options.batchSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs,
      handler: (events) => this.relay(events),
      onError: this.options.onError,
    });
  }

  /** Resolves once everything committed before the call has been published and checkpointed. */
  async caughtUp(): Promise<void> {
    if (!this.subscription) throw new Error('EventRelay is not started');
    await this.subscription.caughtUp();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    const unsaved = this.unsaved;
    this.unsaved = undefined;
    if (unsaved) await this.options.store.save(this.checkpoint, unsaved);
  }

  private async relay(events: RecordedEvent[]): Promise<void> {
    if (!events.length) return;
    const { context, bus, store } = this.options;
    const selected = this.options.filter ? events.filter(this.options.filter) : events;
    const messages = selected.map((event) => encodeEvent(context, event, this.topic));
    const last = events[events.length - 1].position;
    if (!messages.length && Date.now() - this.savedAt < FILTERED_CHECKPOINT_INTERVAL_MS) {
      this.unsaved = last;
      return;
    }
    if (messages.length) await this.untilDone(() => bus.publish(messages));
    await this.untilDone(() => store.save(this.checkpoint, last));
    this.unsaved = undefined;
    this.savedAt = Date.now();
    this.published += selected.length;
  }

  // Retrying here rather than failing the store subscription keeps the relay's order independent of how the
  // store reacts to handler errors: nothing after this batch is read until it is through.
  private async untilDone(step: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await step();
      } catch (error) {
        if (this.stopping) throw error;
        this.options.onError?.(error);
        await sleep(backoffDelay(attempt, this.options.retryBackoffMs ?? 100, 5000));
        if (this.stopping) throw error;
      }
    }
  }
}
