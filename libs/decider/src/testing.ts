import type { DomainEvent } from '@cem/contracts';
import { Decider, evolveAll } from './decider';

/**
 * Given/when/then for deciders:
 *   spec(decider).given([...events]).when(command).then([...expected])
 *   spec(decider).given([...]).when(command).thenThrows(DomainRuleViolation, /deadline/)
 */
export function deciderSpec<TState, TCommand, TEvent extends DomainEvent>(decider: Decider<TState, TCommand, TEvent>) {
  return {
    given(events: TEvent[]) {
      return {
        when(command: TCommand) {
          const run = () => decider.decide(command, evolveAll(decider, events));
          return {
            then(expected: TEvent[]) {
              expect(run()).toEqual(expected);
            },
            thenMatches(check: (emitted: TEvent[]) => void) {
              check(run());
            },
            thenThrows(errorClass: new (...args: never[]) => Error, message?: RegExp | string) {
              let thrown: unknown;
              try {
                run();
              } catch (e) {
                thrown = e;
              }
              expect(thrown).toBeInstanceOf(errorClass);
              if (message) expect((thrown as Error).message).toMatch(message);
            },
          };
        },
      };
    },
  };
}
