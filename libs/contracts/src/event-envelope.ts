import type { Actor } from './administrative';

/** Metadata every stored event carries. */
export interface EventMetadata {
  actor: Actor;
  /** When the decision was taken (ISO-8601). Domain time, not storage time. */
  occurredAt: string;
  correlationId: string;
  causationId?: string;
  /** Why, where a decision has a reason (return, recusal, revision, revocation...). */
  reason?: string;
  /** Bounded context that first recorded the event ("submissions", "councils", ...). */
  source: string;
}

/** What a decider emits: a type and its data. Metadata is added by the command handler. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  type: TType;
  data: TData;
}

export interface NewEvent<TType extends string = string, TData = unknown> extends DomainEvent<TType, TData> {
  /** Supplying the id makes the append idempotent across retries. Generated (UUIDv7) when absent. */
  id?: string;
  schemaVersion?: number;
  metadata: EventMetadata;
}

/** Position in a store's global log: ordered by (transaction id, sequence). Never compare `pos` alone. */
export interface LogPosition {
  tx: number;
  pos: number;
}

export const LOG_START: LogPosition = Object.freeze({ tx: 0, pos: 0 });

export function comparePositions(a: LogPosition, b: LogPosition): number {
  return a.tx !== b.tx ? a.tx - b.tx : a.pos - b.pos;
}

export interface RecordedEvent<TType extends string = string, TData = unknown> extends DomainEvent<TType, TData> {
  id: string;
  streamId: string;
  /** 1 for the first event of a stream. */
  streamVersion: number;
  schemaVersion: number;
  metadata: EventMetadata;
  position: LogPosition;
  recordedAt: string;
  /** Hash chained to the previous event of the same stream (hex SHA-256). */
  hash: string;
}
