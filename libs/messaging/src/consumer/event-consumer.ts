import { ConcurrencyError, deadLetterTopic, PlatformError, type EventContractRegistry, type RecordedEvent } from '@cem/contracts';
import { tryDecodeEvent } from '../cloud-events.codec';
import type { BusMessage, EventBus } from '../event-bus';

/**
 * Thrown by a handler (in the Nest transport: by the event exception filter) for an event that can never be
 * handled, such as a command the domain refused. The consumer dead-letters the message with `reason` and moves
 * on; any other error means "not now" and the bus delivers the message again.
 */
export class EventRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'EventRefused';
  }
}

/**
 * The dead-letter reason for an error that retrying cannot fix (a refused command: rule, permission, missing
 * record), or undefined for one worth retrying (a lost race, an outage).
 */
export function refusalReason(error: unknown): string | undefined {
  if (error instanceof EventRefused) return error.reason;
  if (error instanceof PlatformError && !(error instanceof ConcurrencyError)) return `${error.code}: ${error.message}`;
  return undefined;
}

export interface EventConsumerOptions {
  bus: EventBus;
  groupId: string;
  topics: string[];
  contracts: EventContractRegistry;
  /**
   * The event types this consumer handles (default: every type of the registry). Other types on the same
   * topics are passed over without validation: a producer adding a type breaks no older consumer.
   */
  types?: readonly string[];
  handle: (event: RecordedEvent) => Promise<void>;
  /**
   * Keeps a copy of every event of the topics before handling (reporting's archive). Types the registry knows
   * are validated first; a type this release does not know yet is kept as it came, since the archive is the
   * producer's record, not an interpretation of it.
   */
  archive?: (event: RecordedEvent) => Promise<void>;
  /**
   * The archive for a whole fetched batch at once (one store transaction instead of one per event); used in
   * place of `archive` when the bus delivers batches. Must pass over events it already keeps (redeliveries).
   */
  archiveBatch?: (events: RecordedEvent[]) => Promise<void>;
  fromBeginning?: boolean;
  /** Default deadLetterTopic(groupId). */
  deadLetterTopic?: string;
}

export interface EventConsumerStats {
  /** Handled (or archived) and acknowledged. */
  processed: number;
  deadLettered: number;
  /** Passed over: a type this consumer does not subscribe to. */
  ignored: number;
}

export interface EventConsumer {
  readonly stats: Readonly<EventConsumerStats>;
  stop(): Promise<void>;
}

/** Events archived per store call when a whole batch is archived at once. */
const ARCHIVE_CHUNK = 500;

export function deadLetter(message: BusMessage, topic: string, groupId: string, reason: string): BusMessage {
  return {
    topic,
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      dlq_reason: reason,
      dlq_group: groupId,
      dlq_source_topic: message.topic,
      dlq_partition: String(message.partition ?? ''),
      dlq_offset: message.offset ?? '',
      dlq_failed_at: new Date().toISOString(),
    },
  };
}

/**
 * Decode, pass over what this consumer does not subscribe to, validate against the registered contract,
 * archive if asked, handle. The bus commits a message only once this resolves, and delivers one partition
 * (one stream's events) at a time. Poison messages and refusals (EventRefused) go to the dead-letter topic
 * with their reason and the consumer moves on; anything else is rethrown so the bus redelivers.
 */
export async function startEventConsumer(options: EventConsumerOptions): Promise<EventConsumer> {
  const { bus, groupId, contracts, handle } = options;
  const archiveBatch = options.archiveBatch;
  // A bus that delivers message by message archives each with the batch archive when only that was given.
  const archive = options.archive ?? (archiveBatch ? (event: RecordedEvent) => archiveBatch([event]) : undefined);
  const dlqTopic = options.deadLetterTopic ?? deadLetterTopic(groupId);
  const handled = new Set(options.types ?? contracts.all().map((c) => c.type));
  const stats: EventConsumerStats = { processed: 0, deadLettered: 0, ignored: 0 };

  const reject = async (message: BusMessage, reason: string) => {
    await bus.publish([deadLetter(message, dlqTopic, groupId, reason)]);
    stats.deadLettered++;
  };

  const handler = async (message: BusMessage): Promise<void> => {
    const decoded = tryDecodeEvent(message);
    if (!decoded.ok) return reject(message, decoded.reason);
    const { event } = decoded;
    const subscribed = handled.has(event.type);
    if (!subscribed && !archive) {
      stats.ignored++;
      return;
    }
    // What is handled must match its contract; so must an archived type this release knows (its projections
    // read it), while a type it does not know yet is archived as it came.
    if (subscribed || contracts.knowsType(event.type)) {
      const check = contracts.check(event.type, event.schemaVersion, event.data);
      if (!check.ok) return reject(message, check.reason);
    }
    if (archive) await archive(event);
    if (subscribed) {
      try {
        await handle(event);
      } catch (error) {
        if (!(error instanceof EventRefused)) throw error;
        return reject(message, error.reason);
      }
    }
    stats.processed++;
  };

  // A batch: every message checked as above, the accepted ones archived in one call, then handled in order;
  // dead letters go out together at the end. A failure retries the whole batch: archiving passes over what it
  // keeps already and handlers are idempotent (derived event ids), as for any redelivery.
  const batchHandler = archiveBatch
    ? async (messages: BusMessage[]): Promise<void> => {
        const rejected: BusMessage[] = [];
        const accepted: { message: BusMessage; event: RecordedEvent; subscribed: boolean }[] = [];
        for (const message of messages) {
          const decoded = tryDecodeEvent(message);
          if (!decoded.ok) {
            rejected.push(deadLetter(message, dlqTopic, groupId, decoded.reason));
            continue;
          }
          const { event } = decoded;
          const subscribed = handled.has(event.type);
          if (subscribed || contracts.knowsType(event.type)) {
            const check = contracts.check(event.type, event.schemaVersion, event.data);
            if (!check.ok) {
              rejected.push(deadLetter(message, dlqTopic, groupId, check.reason));
              continue;
            }
          }
          accepted.push({ message, event, subscribed });
        }
        for (let i = 0; i < accepted.length; i += ARCHIVE_CHUNK) {
          await archiveBatch(accepted.slice(i, i + ARCHIVE_CHUNK).map((a) => a.event));
        }
        let processed = 0;
        for (const { message, event, subscribed } of accepted) {
          if (subscribed) {
            try {
              await handle(event);
            } catch (error) {
              if (!(error instanceof EventRefused)) throw error;
              rejected.push(deadLetter(message, dlqTopic, groupId, error.reason));
              continue;
            }
          }
          processed++;
        }
        if (rejected.length) await bus.publish(rejected);
        stats.processed += processed;
        stats.deadLettered += rejected.length;
      }
    : undefined;

  const subscription = await bus.subscribe({
    groupId,
    topics: options.topics,
    fromBeginning: options.fromBeginning,
    handler,
    batchHandler,
  });
  return { stats, stop: () => subscription.stop() };
}
