import { randomUUID } from 'node:crypto';
import {
  Kafka,
  logLevel as KafkaLogLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type IHeaders,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import {
  PublisherFencedError,
  type BusMessage,
  type BusSubscription,
  type BusSubscriptionOptions,
  type EventBus,
  type TransactionalPublisher,
} from '../event-bus';
import { backoffDelay, sleep } from '../retry';

// The one file that knows kafkajs (in maintenance mode): swapping the client means replacing this adapter.

export type KafkaLogLevelName = 'NOTHING' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';

export interface KafkaConsumerTuning {
  sessionTimeout?: number;
  heartbeatInterval?: number;
  maxWaitTimeInMs?: number;
  /** kafkajs client retries (connection, rejoin), not handler retries. */
  retries?: number;
  /** Partitions handled concurrently per consumer; order within a partition is always kept. Default 3. */
  partitionsConsumedConcurrently?: number;
}

export interface KafkaEventBusOptions {
  brokers: string[];
  clientId?: string;
  /** Default WARN: kafkajs is chatty at INFO. */
  logLevel?: KafkaLogLevelName;
  consumer?: KafkaConsumerTuning;
  /** First delay before re-running a failed handler, doubled per attempt up to 30 s. Default 200 ms. */
  handlerRetryBackoffMs?: number;
  onHandlerError?: (error: unknown, message: BusMessage) => void;
}

/** Brokers from CEM_KAFKA_BROKERS (comma separated), defaulting to the local server. */
export function kafkaBrokersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.CEM_KAFKA_BROKERS ?? '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

/**
 * Creates the missing topics up front: auto-creation on first produce/fetch races with consumers joining.
 * Right after a broker starts (or a topic is created) its metadata can still answer "does not host this
 * topic-partition" / "leader not available" for a moment: those are retried, anything else is not.
 */
export async function ensureTopics(admin: Admin, topics: string[], partitions = 3, attempts = 10): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await createMissingTopics(admin, topics, partitions);
    } catch (error) {
      const retriable = (error as { retriable?: boolean }).retriable === true || /does not host|leader/i.test(String(error));
      if (!retriable || attempt >= attempts) throw error;
      await sleep(backoffDelay(attempt, 200, 3000));
    }
  }
}

async function createMissingTopics(admin: Admin, topics: string[], partitions: number): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = [...new Set(topics)].filter((t) => !existing.has(t));
  if (!missing.length) return;
  try {
    await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions: partitions })) });
  } catch (error) {
    // Another process created one of them between listTopics and createTopics: that is the outcome we wanted.
    if ((error as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw error;
  }
}

function groupByTopic(messages: BusMessage[]) {
  const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string>; partition?: number }[]>();
  for (const m of messages) {
    let list = byTopic.get(m.topic);
    if (!list) byTopic.set(m.topic, (list = []));
    list.push({ key: m.key, value: m.value, headers: m.headers, partition: m.partition });
  }
  return [...byTopic].map(([topic, list]) => ({ topic, messages: list }));
}

const FENCED = /INVALID_PRODUCER_EPOCH|PRODUCER_FENCED|fenced|INVALID_TXN_STATE|TRANSACTIONAL_ID_AUTHORIZATION/i;

/**
 * Exactly-once publishing for the relay: each batch is one Kafka transaction that also commits the relay's
 * position (as the offset metadata of a consumer group named after the transactional id, which nobody
 * consumes with). Read-committed consumers (kafkajs' default) see a batch and the position together or not
 * at all; a new producer with the same transactional id aborts whatever an older one left open and fences it.
 */
class KafkaTransactionalPublisher implements TransactionalPublisher {
  private producer?: Promise<Producer>;

  constructor(
    private readonly kafka: Kafka,
    private readonly id: string,
    private readonly markerTopic: string,
  ) {}

  /**
   * Initialises this publisher's producer first (fencing an older one and completing its open transaction),
   * so the marker read afterwards cannot move any more.
   */
  async lastMarker(): Promise<string | undefined> {
    await this.connected();
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const [topic] = await admin.fetchOffsets({ groupId: this.id, topics: [this.markerTopic] });
      const partition = topic?.partitions.find((p) => p.partition === 0);
      return partition?.metadata || undefined;
    } finally {
      await admin.disconnect();
    }
  }

  async publish(messages: BusMessage[], marker: string): Promise<void> {
    const producer = await this.connected();
    const transaction = await producer.transaction();
    try {
      if (messages.length) await transaction.sendBatch({ acks: -1, topicMessages: groupByTopic(messages) });
      await transaction.sendOffsets({
        consumerGroupId: this.id,
        topics: [
          {
            topic: this.markerTopic,
            partitions: [{ partition: 0, offset: '0', metadata: marker } as { partition: number; offset: string }],
          },
        ],
      });
      await transaction.commit();
    } catch (error) {
      await transaction.abort().catch(() => undefined);
      if (FENCED.test(String((error as { type?: string }).type ?? '')) || FENCED.test(String(error))) {
        await this.reset();
        throw new PublisherFencedError(`${this.id}: another publisher took over (${String(error)})`);
      }
      await this.reset(); // a fresh producer re-initialises the transaction state
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.reset();
  }

  private async reset(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await (await producer.catch(() => undefined))?.disconnect().catch(() => undefined);
  }

  private connected(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        transactionalId: this.id,
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      this.producer = producer.connect().then(() => producer);
      this.producer.catch(() => (this.producer = undefined));
    }
    return this.producer;
  }
}

function headerText(value: IHeaders[string]): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return headerText(value[value.length - 1]);
  return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
}

function toBusMessage(topic: string, partition: number, message: KafkaMessage): BusMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = headerText(value);
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? '',
    value: message.value?.toString('utf8') ?? '',
    headers,
  };
}

export class KafkaEventBus implements EventBus {
  private readonly kafka: Kafka;
  private producer?: Promise<Producer>;
  private pingAdmin?: Promise<Admin>;
  private readonly consumers = new Set<Consumer>();
  /** Per topic: its offsets when last counted, and the count then (topicMessageCount). */
  private readonly messageCounts = new Map<string, { signature: string; count: number }>();

  constructor(private readonly options: KafkaEventBusOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId ?? 'cem',
      brokers: options.brokers,
      logLevel: KafkaLogLevel[options.logLevel ?? 'WARN'],
    });
  }

  async ensureTopics(topics: string[], partitions = 3): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, topics, partitions);
    } finally {
      await admin.disconnect();
    }
  }

  /** One metadata round trip to the cluster on a long-lived admin client (readiness probes). */
  async ping(): Promise<void> {
    const admin = await this.pingAdminClient();
    try {
      await admin.describeCluster();
    } catch (error) {
      this.pingAdmin = undefined;
      await admin.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private pingAdminClient(): Promise<Admin> {
    if (!this.pingAdmin) {
      const admin = this.kafka.admin({ retry: { retries: 0 } });
      this.pingAdmin = admin.connect().then(() => admin);
      this.pingAdmin.catch(() => (this.pingAdmin = undefined));
    }
    return this.pingAdmin;
  }

  /** Deletes those of the topics that exist (test and benchmark runs clean up their prefixed topics). */
  async deleteTopics(topics: string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const doomed = topics.filter((t) => existing.has(t));
      if (doomed.length) await admin.deleteTopics({ topics: doomed });
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * Deletes those of the consumer groups that exist (a prefixed deployment's clean-up). A group with live
   * members cannot be deleted: stop the services first.
   */
  async deleteGroups(groupIds: string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
      const doomed = groupIds.filter((g) => existing.has(g));
      if (doomed.length) await admin.deleteGroups(doomed);
    } finally {
      await admin.disconnect();
    }
  }

  async listTopics(): Promise<string[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await admin.listTopics();
    } finally {
      await admin.disconnect();
    }
  }

  /** Messages not yet consumed by the group, per topic (operations: consumer lag). */
  async consumerLag(groupId: string, topics: string[]): Promise<Record<string, number>> {
    const admin = await this.pingAdminClient();
    const lag: Record<string, number> = {};
    const committed = await admin.fetchOffsets({ groupId, topics });
    for (const { topic, partitions } of committed) {
      const ends = await admin.fetchTopicOffsets(topic);
      lag[topic] = partitions.reduce((sum, p) => {
        const end = Number(ends.find((e) => e.partition === p.partition)?.high ?? 0);
        const at = Number(p.offset) < 0 ? Number(ends.find((e) => e.partition === p.partition)?.low ?? 0) : Number(p.offset);
        return sum + Math.max(0, end - at);
      }, 0);
    }
    return lag;
  }

  /**
   * Messages a read-committed reader finds in a topic, such as a dead-letter topic; 0 when it does not exist.
   * Offsets alone (high − low) over-count: a transaction's commit or abort marker takes an offset, and so does a
   * message of an aborted transaction, neither of which any consumer ever receives. So the topic is read (once
   * per change of its offsets: dead letters are rare and a scrape must stay cheap) and its messages counted.
   */
  async topicMessageCount(topic: string): Promise<number> {
    const admin = await this.pingAdminClient();
    if (!(await admin.listTopics()).includes(topic)) return 0;
    const offsets = await admin.fetchTopicOffsets(topic);
    const signature = offsets.map((o) => `${o.partition}:${o.low}-${o.high}`).join(',');
    const known = this.messageCounts.get(topic);
    if (known?.signature === signature) return known.count;
    const count = offsets.some((o) => Number(o.high) > Number(o.low)) ? (await this.readTopic(topic)).length : 0;
    this.messageCounts.set(topic, { signature, count });
    return count;
  }

  /**
   * Every message a read-committed consumer receives from the topic, from its beginning up to its end at the
   * time of the call, in partition and offset order (audits: the ce_hash each event carried; counts). Reads
   * with a group of its own, deleted afterwards, and commits nothing.
   */
  async readTopic(topic: string, options: { timeoutMs?: number } = {}): Promise<BusMessage[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    let ends: Map<number, number>;
    try {
      if (!(await admin.listTopics()).includes(topic)) return [];
      ends = new Map(
        (await admin.fetchTopicOffsets(topic)).filter((o) => Number(o.high) > Number(o.low)).map((o) => [o.partition, Number(o.high)]),
      );
    } finally {
      await admin.disconnect();
    }
    if (!ends.size) return [];
    const groupId = `${this.options.clientId ?? 'cem'}.reader-${randomUUID()}`;
    const consumer = this.kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    const messages: BusMessage[] = [];
    const pending = new Set(ends.keys());
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timeoutMs = options.timeoutMs ?? 120_000;
        const timer = setTimeout(() => reject(new Error(`${topic}: not read to its end within ${timeoutMs} ms`)), timeoutMs);
        // A batch's last offset counts the control records a read-committed consumer never receives: that is how
        // the end of a partition whose last record is a transaction marker is recognised.
        consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
          if (Number(payload.lastOffset) >= (ends.get(payload.partition) ?? 0) - 1) pending.delete(payload.partition);
          if (!pending.size) {
            clearTimeout(timer);
            resolve();
          }
        });
        consumer
          .run({
            autoCommit: false,
            eachMessage: ({ partition, message }) => {
              if (Number(message.offset) < (ends.get(partition) ?? 0)) messages.push(toBusMessage(topic, partition, message));
              return Promise.resolve();
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
      await this.deleteGroups([groupId]).catch(() => undefined);
    }
    return messages.sort((a, b) => a.partition! - b.partition! || Number(a.offset) - Number(b.offset));
  }

  /** The offsets a group committed on a topic, per partition (-1: nothing committed there yet). */
  async committedOffsets(groupId: string, topic: string): Promise<Map<number, number>> {
    const admin = await this.pingAdminClient();
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return new Map((committed?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
  }

  /** Members of a consumer group (operations, tests): empty once every member has left. */
  async groupMembers(groupId: string): Promise<string[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.describeGroups([groupId]);
      return groups.flatMap((g) => g.members.map((m) => m.memberId));
    } finally {
      await admin.disconnect();
    }
  }

  transactionalPublisher(id: string, markerTopic: string): TransactionalPublisher {
    return new KafkaTransactionalPublisher(this.kafka, id, markerTopic);
  }

  /** One sendBatch for the whole call: one request per broker, acknowledged by all in-sync replicas. */
  async publish(messages: BusMessage[]): Promise<void> {
    if (!messages.length) return;
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string>; partition?: number }[]>();
    for (const m of messages) {
      let list = byTopic.get(m.topic);
      if (!list) byTopic.set(m.topic, (list = []));
      list.push({ key: m.key, value: m.value, headers: m.headers, partition: m.partition });
    }
    const producer = await this.connectedProducer();
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list })),
    });
  }

  async subscribe(options: BusSubscriptionOptions): Promise<BusSubscription> {
    const tuning = this.options.consumer ?? {};
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: tuning.sessionTimeout,
      heartbeatInterval: tuning.heartbeatInterval,
      maxWaitTimeInMs: tuning.maxWaitTimeInMs,
      retry: tuning.retries === undefined ? undefined : { retries: tuning.retries },
    });
    let stopping = false;
    await consumer.connect();
    this.consumers.add(consumer);
    try {
      await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? true });
      const batchHandler = options.batchHandler;
      await consumer.run({
        autoCommit: true,
        partitionsConsumedConcurrently: tuning.partitionsConsumedConcurrently ?? 3,
        // One handler call per fetched partition batch (the archive: one transaction per batch); the batch's
        // offsets are resolved, and committed, only once it resolved.
        eachBatch: batchHandler
          ? async (payload) => {
              const { batch } = payload;
              if (!batch.messages.length) return;
              const messages = batch.messages.map((m) => toBusMessage(batch.topic, batch.partition, m));
              for (let attempt = 1; ; attempt++) {
                try {
                  return await batchHandler(messages);
                } catch (error) {
                  if (stopping || !payload.isRunning() || payload.isStale()) throw error; // unresolved: redelivered
                  this.options.onHandlerError?.(error, messages[0]);
                  await sleep(backoffDelay(attempt, this.options.handlerRetryBackoffMs ?? 200, 30_000));
                  if (stopping) throw error;
                  await payload.heartbeat();
                }
              }
            }
          : undefined,
        eachMessage: batchHandler
          ? undefined
          : async (payload) => {
              const busMessage = toBusMessage(payload.topic, payload.partition, payload.message);
              // Retry in place rather than throwing to kafkajs: a throw restarts the consumer (rejoin, refetch),
              // while looping here keeps the partition's order and only this partition waits.
              for (let attempt = 1; ; attempt++) {
                try {
                  return await options.handler(busMessage);
                } catch (error) {
                  if (stopping) throw error; // unresolved offset: the next member of the group redelivers it
                  this.options.onHandlerError?.(error, busMessage);
                  await sleep(backoffDelay(attempt, this.options.handlerRetryBackoffMs ?? 200, 30_000));
                  if (stopping) throw error;
                  await payload.heartbeat(); // throws on rebalance, which hands the partition over uncommitted
                }
              }
            },
      });
    } catch (error) {
      this.consumers.delete(consumer);
      await consumer.disconnect();
      throw error;
    }
    return {
      stop: async () => {
        stopping = true;
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  async close(): Promise<void> {
    const consumers = [...this.consumers];
    this.consumers.clear();
    await Promise.all(consumers.map((c) => c.disconnect()));
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await (await producer.catch(() => undefined))?.disconnect();
    const admin = this.pingAdmin;
    this.pingAdmin = undefined;
    if (admin) await (await admin.catch(() => undefined))?.disconnect();
  }

  private connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        // Idempotence in kafkajs is only safe with one request in flight; the relay awaits each batch anyway,
        // so this costs nothing and keeps per-key order even across retries.
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      this.producer = producer.connect().then(() => producer);
      this.producer.catch(() => (this.producer = undefined));
    }
    return this.producer;
  }
}
