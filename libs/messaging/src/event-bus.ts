/**
 * The transport port. Kafka (kafkajs) in deployments, an in-process bus in the embedded default.
 * Everything above this interface is the same code in both modes.
 */
export interface BusMessage {
  topic: string;
  /** Partition key: the stream id, so one aggregate's events stay in order. */
  key: string;
  value: string;
  /** CloudEvents binary-mode attributes (ce_*) and our extensions. */
  headers: Record<string, string>;
  partition?: number;
  offset?: string;
}

export interface BusSubscriptionOptions {
  groupId: string;
  topics: string[];
  /** Start from the earliest retained message when the group has no committed offset. Default true. */
  fromBeginning?: boolean;
  /**
   * Handles one message. Resolving acknowledges it (the offset is committed); throwing means "retry later"
   * (the transport redelivers). Poison messages are the caller's job: send them to a dead-letter topic.
   */
  handler: (message: BusMessage) => Promise<void>;
  /**
   * Handles the messages of one partition fetched together, in order; resolving acknowledges all of them and
   * throwing means "retry the batch" (so handling must be idempotent, as for redeliveries). A bus that delivers
   * message by message (the in-process bus) calls `handler` instead.
   */
  batchHandler?: (messages: BusMessage[]) => Promise<void>;
}

export interface BusSubscription {
  stop(): Promise<void>;
}

export interface EventBus {
  /** Resolves once the transport acknowledged every message (Kafka: acks=all). */
  publish(messages: BusMessage[]): Promise<void>;
  subscribe(options: BusSubscriptionOptions): Promise<BusSubscription>;
  /**
   * A publisher whose batches commit atomically with a progress marker, fencing any older publisher with the
   * same id (Kafka transactions). Buses without it are at-least-once; consumers de-duplicate by event id.
   */
  transactionalPublisher?(id: string, markerTopic: string): TransactionalPublisher;
  /** Creates the topics that do not exist yet (Kafka); an in-process bus needs none. */
  ensureTopics?(topics: string[]): Promise<void>;
  /** Messages not yet consumed by a group, per topic (metrics). */
  consumerLag?(groupId: string, topics: string[]): Promise<Record<string, number>>;
  /** Every message a read-committed reader gets from a topic, from its beginning to its end now (audits). */
  readTopic?(topic: string): Promise<BusMessage[]>;
  /** Messages a topic holds, e.g. a dead-letter topic (metrics). */
  topicMessageCount?(topic: string): Promise<number>;
  /** Resolves when the transport answers (readiness). */
  ping?(): Promise<void>;
  close(): Promise<void>;
}

export interface TransactionalPublisher {
  /** The marker committed with the last batch that went through, if any. */
  lastMarker(): Promise<string | undefined>;
  /** Publishes the messages and records the marker, all or nothing (read-committed consumers see either both or neither). */
  publish(messages: BusMessage[], marker: string): Promise<void>;
  close(): Promise<void>;
}

/** Another publisher with the same transactional id took over: this one must stop, not retry. */
export class PublisherFencedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PublisherFencedError';
  }
}
