import { eventsTopic, type RecordedEvent } from '@cem/contracts';
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
  }

  private async relay(events: RecordedEvent[]): Promise<void> {
    if (!events.length) return;
    const { context, bus, store } = this.options;
    const selected = this.options.filter ? events.filter(this.options.filter) : events;
    const messages = selected.map((event) => encodeEvent(context, event, this.topic));
    if (messages.length) await this.untilDone(() => bus.publish(messages));
    await this.untilDone(() => store.save(this.checkpoint, events[events.length - 1].position));
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
