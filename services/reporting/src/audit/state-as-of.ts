import type { DomainEvent, RecordedEvent } from '@cem/contracts';
import type { Decider } from '@cem/decider';
import { evolveAll } from '@cem/decider';

/** The events that had happened by `at` (domain time), in their recorded order. */
export function stateAsOf<E extends RecordedEvent>(events: readonly E[], at: Date): E[] {
  const limit = at.getTime();
  return events.filter((e) => new Date(e.metadata.occurredAt).getTime() <= limit);
}

/** Recomputes an aggregate as it stood at `at` with its decider's evolve (dossier, ranking, composition...). */
export function replayAsOf<S, E extends DomainEvent>(
  decider: Pick<Decider<S, unknown, E>, 'initialState' | 'evolve'>,
  events: readonly RecordedEvent[],
  at: Date,
): S {
  return evolveAll(decider, stateAsOf(events, at) as unknown as E[]);
}
