import type { DomainEvent } from '@cem/contracts';

/**
 * Emmett-style decider: pure functions, no I/O, no clock (time arrives inside commands).
 * `decide` throws DomainRuleViolation / ForbiddenError / NotFoundError to refuse a command.
 */
export interface Decider<TState, TCommand, TEvent extends DomainEvent> {
  initialState: () => TState;
  evolve: (state: TState, event: TEvent) => TState;
  decide: (command: TCommand, state: TState) => TEvent[];
}

export function evolveAll<TState, TEvent extends DomainEvent>(
  decider: Pick<Decider<TState, unknown, TEvent>, 'initialState' | 'evolve'>,
  events: readonly TEvent[],
): TState {
  return events.reduce(decider.evolve, decider.initialState());
}
