import { BaseRpcContext } from '@nestjs/microservices';
import { systemActor, type Actor, type EventMetadata, type LogPosition, type RecordedEvent } from '@cem/contracts';

/**
 * What a handler appends in reaction to an event: recorded by the consuming service's system actor, caused by
 * the incoming event (same correlation), with ids derived from the incoming id and the handler's name so a
 * redelivery appends nothing. Structurally a `CommandContext` of @cem/decider: pass it to `handleCommand`.
 */
export interface ReactionContext {
  actor: Actor;
  source: string;
  causationId: string;
  correlationId: string;
  idempotencySeed: string;
}

/**
 * The envelope of an incoming event, what `@Ctx()` gives an `@EventPattern` handler: id, stream, position,
 * metadata (`@Payload()` is the validated data). Args are [event, consuming context] for Nest's RPC host.
 */
export class EventEnvelope extends BaseRpcContext<[RecordedEvent, string]> {
  constructor(event: RecordedEvent, consumer: string) {
    super([event, consumer]);
  }

  get event(): RecordedEvent {
    return this.args[0];
  }
  /** The consuming service's context name (e.g. "councils"). */
  get consumer(): string {
    return this.args[1];
  }
  get id(): string {
    return this.event.id;
  }
  get type(): string {
    return this.event.type;
  }
  get schemaVersion(): number {
    return this.event.schemaVersion;
  }
  get streamId(): string {
    return this.event.streamId;
  }
  get streamVersion(): number {
    return this.event.streamVersion;
  }
  get position(): LogPosition {
    return this.event.position;
  }
  get metadata(): EventMetadata {
    return this.event.metadata;
  }

  /** The command context for what `handlerName` appends in reaction to this event (see ReactionContext). */
  reaction(handlerName: string): ReactionContext {
    return {
      actor: systemActor(this.consumer),
      source: this.consumer,
      causationId: this.id,
      correlationId: this.metadata.correlationId,
      idempotencySeed: `${this.id}:${handlerName}`,
    };
  }
}
