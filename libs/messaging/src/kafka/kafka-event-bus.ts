import { randomUUID } from 'node:crypto';
import {
  Kafka,
  logLevel as KafkaLogLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type EachBatchPayload,
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
  /**
   * How long handled offsets may wait before they are committed, in ms; default CEM_KAFKA_COMMIT_INTERVAL_MS, else
   * 1000. 0 commits after every fetched batch (kafkajs' autoCommit, the previous behaviour). See subscribe().
   */
  commitIntervalMs?: number;
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

const DEFAULT_COMMIT_INTERVAL_MS = 1000;

function commitIntervalFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CEM_KAFKA_COMMIT_INTERVAL_MS;
  const value = raw === undefined || raw === '' ? DEFAULT_COMMIT_INTERVAL_MS : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`CEM_KAFKA_COMMIT_INTERVAL_MS must be a number >= 0, not ${raw}`);
  return value;
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

/** Messages per produce request inside a transaction (a request's record batch per partition stays well under 1 MB). */
const MAX_MESSAGES_PER_SEND = 500;

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
      // A relay transaction may gather several store batches: sent in requests of at most 500 messages each.
      for (let i = 0; i < messages.length; i += MAX_MESSAGES_PER_SEND) {
        await transaction.sendBatch({ acks: -1, topicMessages: groupByTopic(messages.slice(i, i + MAX_MESSAGES_PER_SEND)) });
      }
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
        // A transaction begun right after the previous commit often finds the coordinator still writing that
        // commit's markers (CONCURRENT_TRANSACTIONS, retriable): kafkajs' default first retry waits ~300 ms, a
        // pause per few batches that cost the relay several percent. The Java client waits 20 ms for it. Retries stay
        // unlimited, kafkajs' own default for an idempotent producer.
        retry: { initialRetryTime: 20, retries: Number.MAX_SAFE_INTEGER },
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
  /** Running consumers and how each stops (committing what it handled). */
  private readonly consumers = new Map<Consumer, () => Promise<void>>();
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

  /**
   * At-least-once: a message's offset is resolved only once its handler resolved, and committed after that. With
   * kafkajs' autoCommit every fetched batch ends in an OffsetCommit request (kafkajs 2.2.4 commits after each batch
   * whatever autoCommitInterval says), i.e. one broker request and one __consumer_offsets write per event and group
   * at low rates. So offsets are committed at most once per commitIntervalMs instead (a timer, also when traffic
   * stops), and at once when the subscription stops (what was handled is not handed to the next member again).
   * A crash or a rebalance redelivers what was handled but not yet committed: handlers are idempotent by event id.
   */
  async subscribe(options: BusSubscriptionOptions): Promise<BusSubscription> {
    const tuning = this.options.consumer ?? {};
    const commitIntervalMs = tuning.commitIntervalMs ?? commitIntervalFromEnv();
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: tuning.sessionTimeout,
      heartbeatInterval: tuning.heartbeatInterval,
      maxWaitTimeInMs: tuning.maxWaitTimeInMs,
      retry: tuning.retries === undefined ? undefined : { retries: tuning.retries },
    });
    let stopping = false;
    // Commits every resolved offset not committed yet (none: no request). Taken from a batch's payload: it commits
    // through the consumer group's current offset manager, which kafkajs replaces on every rebalance, so offsets of a
    // partition handed to another member meanwhile are dropped, never committed over the new owner's.
    let commitResolved: (() => Promise<void>) | undefined;
    let commitTimer: NodeJS.Timeout | undefined;
    const commitNow = async () => {
      clearTimeout(commitTimer);
      commitTimer = undefined;
      // A commit refused during a rebalance leaves those offsets to be redelivered: at-least-once either way.
      await commitResolved?.().catch(() => undefined);
    };
    const handled = async (payload: EachBatchPayload, offset: string) => {
      payload.resolveOffset(offset);
      if (commitIntervalMs > 0) {
        // (With 0, kafkajs commits after the batch, and on a rebalance found by its heartbeat.)
        commitResolved ??= () => payload.commitOffsetsIfNecessary(payload.uncommittedOffsets());
        if (stopping || !payload.isRunning()) return commitNow();
        commitTimer ??= setTimeout(() => void commitNow(), commitIntervalMs).unref();
      }
      // kafkajs sends one only when heartbeatInterval has passed; a rebalance throws, and eachBatch commits what was
      // handled before the partitions move (as kafkajs' autoCommit does).
      await payload.heartbeat();
    };
    await consumer.connect();
    this.consumers.set(consumer, () => consumer.disconnect());
    try {
      await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? true });
      const batchHandler = options.batchHandler;
      await consumer.run({
        autoCommit: commitIntervalMs === 0,
        // Never resolve what was not handled: a batch left early (stop, rebalance) is fetched again from there.
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: tuning.partitionsConsumedConcurrently ?? 3,
        // One handler call per fetched partition batch with a batch handler (the archive: one transaction per batch);
        // otherwise one call per message, in order. An offset is resolved only once its handler resolved.
        eachBatch: async (payload) => {
          const { batch } = payload;
          if (!batch.messages.length) return;
          try {
            if (batchHandler) {
              const messages = batch.messages.map((m) => toBusMessage(batch.topic, batch.partition, m));
              await this.untilHandled(
                () => batchHandler(messages),
                messages[0],
                () => stopping || !payload.isRunning() || payload.isStale(),
                () => payload.heartbeat(),
              );
              return await handled(payload, batch.lastOffset());
            }
            for (const message of batch.messages) {
              if (stopping || !payload.isRunning() || payload.isStale()) break; // the rest is fetched again
              const busMessage = toBusMessage(batch.topic, batch.partition, message);
              await this.untilHandled(
                () => options.handler(busMessage),
                busMessage,
                () => stopping,
                () => payload.heartbeat(), // throws on rebalance, which hands the partition over
              );
              await handled(payload, message.offset);
            }
          } catch (error) {
            await commitNow(); // stopping or rebalancing: what was handled before stays handled
            throw error;
          }
        },
      });
    } catch (error) {
      this.consumers.delete(consumer);
      await consumer.disconnect();
      throw error;
    }
    const stop = async () => {
      stopping = true;
      await commitNow(); // a batch still being handled commits its own offsets when it is done
      this.consumers.delete(consumer);
      await consumer.disconnect();
      clearTimeout(commitTimer);
    };
    this.consumers.set(consumer, stop);
    return { stop };
  }

  /**
   * Retries a failing handler in place rather than throwing to kafkajs: a throw restarts the consumer (rejoin,
   * refetch), while looping here keeps the partition's order and only this partition waits. Gives up (throws, leaving
   * the offset unresolved for the next member of the group) once `giveUp` says so.
   */
  private async untilHandled(run: () => Promise<void>, message: BusMessage, giveUp: () => boolean, heartbeat: () => Promise<void>) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        if (giveUp()) throw error;
        this.options.onHandlerError?.(error, message);
        await sleep(backoffDelay(attempt, this.options.handlerRetryBackoffMs ?? 200, 30_000));
        if (giveUp()) throw error;
        await heartbeat();
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers.values()].map((stop) => stop()));
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
