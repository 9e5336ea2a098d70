/** One Kafka topic per bounded context; key = stream id keeps per-aggregate order. */
export const CONTEXTS = ['submissions', 'councils', 'recognition', 'reporting'] as const;
export type ContextName = (typeof CONTEXTS)[number];

export function eventsTopic(context: string, prefix = process.env.CEM_TOPIC_PREFIX ?? ''): string {
  return `${prefix}cem.${context}.events`;
}

export function deadLetterTopic(consumerGroup: string, prefix = process.env.CEM_TOPIC_PREFIX ?? ''): string {
  return `${prefix}cem.dlq.${consumerGroup}`;
}
