import {
  ConcurrencyError,
  deadLetterTopic,
  PlatformError,
  type EventContractRegistry,
  type RecordedEvent,
} from '@cem/contracts';
import { tryDecodeEvent } from '../cloud-events.codec';
import type { BusMessage, EventBus } from '../event-bus';

/** Matches every type the registry has no contract for (consumers of a topic that only care about a few types). */
export const ANY_UNREGISTERED_TYPE = '*';

export interface EventConsumerOptions {
  bus: EventBus;
  groupId: string;
  topics: string[];
  contracts: EventContractRegistry;
  handle: (event: RecordedEvent) => Promise<void>;
  /**
   * Types acknowledged without validation or handling (other slices' events on a shared topic).
   * ANY_UNREGISTERED_TYPE ignores every type the registry does not know.
   */
  ignoreUnhandledTypes?: string[];
  fromBeginning?: boolean;
  /** Default deadLetterTopic(groupId). */
  deadLetterTopic?: string;
}

export interface EventConsumerStats {
  processed: number;
  deadLettered: number;
  ignored: number;
}

export interface EventConsumer {
  readonly stats: Readonly<EventConsumerStats>;
  stop(): Promise<void>;
}

/** A handler failure that retrying cannot fix: the command was refused, not interrupted. */
function isPermanent(error: unknown): error is PlatformError {
  return error instanceof PlatformError && !(error instanceof ConcurrencyError);
}

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
 * Decode, validate against the registered contract, handle. Poison messages and permanent refusals go to
 * the group's dead-letter topic and the consumer moves on; anything else is rethrown so the bus redelivers.
 */
export async function startEventConsumer(options: EventConsumerOptions): Promise<EventConsumer> {
  const { bus, groupId, contracts, handle } = options;
  const dlqTopic = options.deadLetterTopic ?? deadLetterTopic(groupId);
  const ignored = new Set(options.ignoreUnhandledTypes ?? []);
  const stats: EventConsumerStats = { processed: 0, deadLettered: 0, ignored: 0 };

  const isIgnored = (type: string) =>
    ignored.has(type) || (ignored.has(ANY_UNREGISTERED_TYPE) && !contracts.knowsType(type));

  const reject = async (message: BusMessage, reason: string) => {
    await bus.publish([deadLetter(message, dlqTopic, groupId, reason)]);
    stats.deadLettered++;
  };

  const handler = async (message: BusMessage): Promise<void> => {
    const decoded = tryDecodeEvent(message);
    if (!decoded.ok) return reject(message, decoded.reason);
    const { event } = decoded;
    if (isIgnored(event.type)) {
      stats.ignored++;
      return;
    }
    const check = contracts.check(event.type, event.schemaVersion, event.data);
    if (!check.ok) return reject(message, check.reason);
    try {
      await handle(event);
    } catch (error) {
      if (!isPermanent(error)) throw error;
      return reject(message, `${error.code}: ${error.message}`);
    }
    stats.processed++;
  };

  const subscription = await bus.subscribe({
    groupId,
    topics: options.topics,
    fromBeginning: options.fromBeginning,
    handler,
  });
  return { stats, stop: () => subscription.stop() };
}
