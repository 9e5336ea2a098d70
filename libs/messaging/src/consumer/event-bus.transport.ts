import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { EventContractRegistry, RecordedEvent } from '@cem/contracts';
import type { EventBus } from '../event-bus';
import { EventEnvelope } from './event-envelope';
import { startEventConsumer, type EventConsumer, type EventConsumerStats } from './event-consumer';

export interface EventBusTransportOptions {
  bus: EventBus;
  /** The consuming service's context: the source and system actor of what its handlers append. */
  context: string;
  groupId: string;
  topics: string[];
  contracts: EventContractRegistry;
  deadLetterTopic?: string;
  /** Keep a copy of every event of the topics (reporting's archive), before any handler runs. */
  archive?: (event: RecordedEvent) => Promise<void>;
  /** The archive of a whole fetched batch in one call (see EventConsumerOptions.archiveBatch). */
  archiveBatch?: (events: RecordedEvent[]) => Promise<void>;
  fromBeginning?: boolean;
}

/**
 * A Nest microservices transport over the platform's event bus (Kafka, or the in-process bus of the embedded
 * default). A service's reactions are `@EventPattern('<context>.<EventType>')` handlers; `@Payload()` is the
 * event's data, validated against its contract, and `@Ctx()` its EventEnvelope.
 *
 * Underneath, the validating consumer keeps its guarantees: a subscription per group, one stream's events in
 * order (one partition at a time), contract checks with dead letters carrying the reason, types no handler
 * subscribes to passed over, the archive, and an offset committed only after every handler of the event
 * succeeded. What a handler's error means is decided by the exception filters (EventExceptionFilter: a refusal
 * becomes a dead letter, anything else is retried).
 */
export class EventBusTransport extends Server implements CustomTransportStrategy {
  private consumer?: EventConsumer;
  private readonly log = new Logger('EventBusTransport');

  constructor(private readonly options: EventBusTransportOptions) {
    super();
  }

  /** Event types with an @EventPattern handler. */
  subscribedTypes(): string[] {
    return [...this.getHandlers().keys()];
  }

  get stats(): Readonly<EventConsumerStats> | undefined {
    return this.consumer?.stats;
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const types = this.subscribedTypes();
      const { contracts } = this.options;
      const unknown = types.filter((type) => !contracts.knowsType(type));
      if (unknown.length) throw new Error(`@EventPattern without an event contract: ${unknown.join(', ')}`);
      this.consumer = await startEventConsumer({
        bus: this.options.bus,
        groupId: this.options.groupId,
        topics: this.options.topics,
        contracts,
        deadLetterTopic: this.options.deadLetterTopic,
        fromBeginning: this.options.fromBeginning,
        archive: this.options.archive,
        archiveBatch: this.options.archiveBatch,
        types,
        handle: (event) => this.dispatch(event),
      });
      this.log.log(`group ${this.options.groupId} on ${this.options.topics.join(', ')}: ${types.join(', ') || 'archive only'}`);
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.stop();
  }

  on(): never {
    throw new Error('EventBusTransport has no transport events to listen to');
  }

  unwrap<T>(): T {
    return this.options.bus as T;
  }

  /**
   * Runs the event's handlers (Nest chains several handlers of one pattern) through their interceptors and
   * filters, and resolves only once all of them completed; a rejection goes back to the consumer.
   */
  private async dispatch(event: RecordedEvent): Promise<void> {
    const handler = this.getHandlerByPattern(event.type);
    if (!handler) return;
    const result: unknown = await handler(event.data, new EventEnvelope(event, this.options.context));
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }
}
