/** One Kafka topic per bounded context; key = stream id keeps per-aggregate order. */
export const CONTEXTS = ['submissions', 'councils', 'recognition', 'reporting'] as const;
export type ContextName = (typeof CONTEXTS)[number];

export function eventsTopic(context: string, prefix = process.env.CEM_TOPIC_PREFIX ?? ''): string {
  return `${prefix}cem.${context}.events`;
}

export function deadLetterTopic(consumerGroup: string, prefix = process.env.CEM_TOPIC_PREFIX ?? ''): string {
  return `${prefix}cem.dlq.${consumerGroup}`;
}

/** The Kafka consumer group of a context's service (all its replicas share it). */
export function consumerGroupId(context: string, prefix = ''): string {
  return `${prefix}cem.${context}`;
}
