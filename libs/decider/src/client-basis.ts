import { AsyncLocalStorage } from 'async_hooks';

/**
 * The version of the record a client based its command on, when it said so (HTTP `If-Match`). handleCommand
 * then takes it as the expected version: a command decided on a record that has moved since the client read it
 * lost the race and is refused with the stream's current version (409), even when the server itself read the
 * stream after the other command had landed (where, without it, the decider would answer on the new state).
 * Carried per request (async context), so that handlers need not pass it along.
 */
const clientBasis = new AsyncLocalStorage<{ expectedVersion: number; taken: boolean }>();

export function withClientBasis<T>(expectedVersion: number | undefined, run: () => T): T {
  return expectedVersion === undefined ? run() : clientBasis.run({ expectedVersion, taken: false }, run);
}

/**
 * The version the current request's client based its command on, if it gave one; handed out once, to the
 * request's first command: work that continues in the request's async context afterwards (a relay woken by the
 * append, a second stream the same request writes) is not the record the client read.
 */
export function takeClientExpectedVersion(): number | undefined {
  const basis = clientBasis.getStore();
  if (!basis || basis.taken) return undefined;
  basis.taken = true;
  return basis.expectedVersion;
}
