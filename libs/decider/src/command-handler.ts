import { randomUUID } from 'crypto';
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { type Actor, ConcurrencyError, type DomainEvent, type EventMetadata } from '@cem/contracts';
import type { AppendResult, EventStore } from '@cem/event-store';
import { endRequestReads, readStreamInRequest, takeClientExpectedVersion } from './client-basis';
import { Decider, evolveAll } from './decider';

/** Namespace for deterministic event ids of reactions (uuid v5). */
const REACTION_NAMESPACE = '6f1c3a52-9a0e-4c55-9f43-3d6f0e7f8a10';

export interface CommandContext {
  actor: Actor;
  /** Bounded context recording the events. */
  source: string;
  occurredAt?: string;
  correlationId?: string;
  causationId?: string;
  reason?: string;
  /**
   * When the command reacts to an incoming event, a seed such as `${incomingEventId}:${handler}`.
   * Event ids are then derived from it, and a stream that already holds the first of them has had this
   * command: handling the same message twice appends nothing and refuses nothing.
   */
  idempotencySeed?: string;
}

export interface CommandResult<TState, TEvent extends DomainEvent> {
  streamId: string;
  state: TState;
  events: TEvent[];
  append: AppendResult | undefined;
}

export function buildMetadata(ctx: CommandContext): EventMetadata {
  return {
    actor: ctx.actor,
    occurredAt: ctx.occurredAt ?? new Date().toISOString(),
    correlationId: ctx.correlationId ?? ctx.causationId ?? randomUUID(),
    ...(ctx.causationId ? { causationId: ctx.causationId } : {}),
    ...(ctx.reason ? { reason: ctx.reason } : {}),
    source: ctx.source,
  };
}

export function eventIds(count: number, seed?: string): string[] {
  return Array.from({ length: count }, (_, i) => (seed ? uuidv5(`${seed}#${i}`, REACTION_NAMESPACE) : uuidv7()));
}

export interface HandleCommandOptions {
  /**
   * The stream id was just made up by the server (a random UUID), so the stream cannot exist yet: it is not read
   * (one round trip less), the command is decided on the initial state and appended expecting an empty stream. Were
   * the id taken after all, the append refuses it as a conflict (409): nothing is ever overwritten.
   */
  newStream?: boolean;
}

/**
 * Load → decide → append with the version read as the expected version, so a concurrent command on the
 * same stream loses with a ConcurrencyError instead of overwriting. When the client said which version it
 * based the command on (withClientBasis), that version is expected instead, checked before deciding. In an HTTP
 * request the stream is the one the request already read (its access rule's facts), if it did: the append's
 * expected version is what makes that safe. A reaction (idempotencySeed) always reads the store itself.
 */
export async function handleCommand<TState, TCommand, TEvent extends DomainEvent>(
  store: EventStore,
  decider: Decider<TState, TCommand, TEvent>,
  streamId: string,
  command: TCommand,
  ctx: CommandContext,
  options: HandleCommandOptions = {},
): Promise<CommandResult<TState, TEvent>> {
  const history = options.newStream
    ? []
    : ctx.idempotencySeed
      ? await store.readStream(streamId)
      : await readStreamInRequest(store, streamId);
  const basis = ctx.idempotencySeed ? undefined : takeClientExpectedVersion();
  if (basis !== undefined && basis !== history.length) throw new ConcurrencyError(streamId, basis, history.length);
  const state = evolveAll(decider, history as unknown as TEvent[]);
  // A redelivered incoming event: its effect is already on this stream (the first id derived from the seed),
  // so it is done, not decided again against the state it produced (which would refuse it).
  if (ctx.idempotencySeed) {
    const [first] = eventIds(1, ctx.idempotencySeed);
    if (history.some((e) => e.id === first)) return { streamId, state, events: [], append: undefined };
  }
  const events = decider.decide(command, state);
  if (events.length === 0) return { streamId, state, events, append: undefined };
  const metadata = buildMetadata(ctx);
  const ids = eventIds(events.length, ctx.idempotencySeed);
  endRequestReads();
  const append = await store.append(
    streamId,
    events.map((e, i) => ({ id: ids[i], type: e.type, data: e.data, metadata })),
    { expectedVersion: history.length },
  );
  return { streamId, state: events.reduce(decider.evolve, state), events, append };
}

/** Rebuilds a stream's state, optionally as it stood at a date (the current one: as the HTTP request first read it). */
export async function loadState<TState, TEvent extends DomainEvent>(
  store: EventStore,
  decider: Pick<Decider<TState, unknown, TEvent>, 'initialState' | 'evolve'>,
  streamId: string,
  asOf?: Date,
): Promise<{ state: TState; version: number }> {
  const history = asOf ? await store.readStream(streamId, { occurredUntil: asOf }) : await readStreamInRequest(store, streamId);
  return { state: evolveAll(decider, history as unknown as TEvent[]), version: history.length };
}

/** One command opening a new stream, in a batch decided and recorded all or none. */
export interface NewStreamCommand<TCommand> {
  streamId: string;
  command: TCommand;
}

export type NewStreamOutcome<TEvent> = { streamId: string; events: TEvent[] } | { streamId: string; error: Error };

/**
 * Decides each command on a new stream (the decider's initial state), then records every stream's events in
 * one transaction, or nothing when any command is refused (the outcomes say which and why). Event ids derive
 * from `ctx.idempotencySeed` and the stream, so repeating the same batch records nothing twice (`appended: false`).
 * One event per stream (what the store's batch append takes).
 */
export async function handleNewStreamCommands<TState, TCommand, TEvent extends DomainEvent>(
  store: EventStore,
  decider: Decider<TState, TCommand, TEvent>,
  items: NewStreamCommand<TCommand>[],
  ctx: CommandContext & { idempotencySeed: string },
): Promise<{ outcomes: NewStreamOutcome<TEvent>[]; appended: boolean }> {
  if (!store.appendNewStreams) throw new Error('this event store cannot record several new streams at once');
  const outcomes: NewStreamOutcome<TEvent>[] = items.map(({ streamId, command }) => {
    try {
      const events = decider.decide(command, decider.initialState());
      if (events.length !== 1) throw new Error(`${streamId}: a new stream in a batch opens with exactly one event`);
      return { streamId, events };
    } catch (error) {
      return { streamId, error: error as Error };
    }
  });
  if (outcomes.some((o) => 'error' in o)) return { outcomes, appended: false };
  const metadata = buildMetadata(ctx);
  endRequestReads();
  const result = await store.appendNewStreams(
    outcomes.map((o) => {
      const [event] = (o as { events: TEvent[] }).events;
      return {
        id: eventIds(1, `${ctx.idempotencySeed}:${o.streamId}`)[0],
        streamId: o.streamId,
        type: event.type,
        data: event.data,
        metadata,
      };
    }),
  );
  return { outcomes, appended: result.appended };
}
