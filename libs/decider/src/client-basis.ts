import { AsyncLocalStorage } from 'async_hooks';
import type { RecordedEvent } from '@cem/contracts';
import type { EventStore } from '@cem/event-store';

/**
 * What one HTTP request carries through its async context, so that handlers need not pass it along:
 *
 * - the version of the record the client based its command on, when it said so (HTTP `If-Match`). handleCommand
 *   then takes it as the expected version: a command decided on a record that has moved since the client read it
 *   lost the race and is refused with the stream's current version (409), even when the server itself read the
 *   stream after the other command had landed (where, without it, the decider would answer on the new state);
 * - the streams the request has read so far, so that the access rule's facts and the handler fold a stream once
 *   (a draft read its campaign twice, a dossier command its dossier three times: a PostgreSQL round trip each).
 *
 * One AsyncLocalStorage for both: every store a request's async resources carry costs on each of them.
 */
interface RequestScope {
  basis?: { expectedVersion: number; taken: boolean };
  /** Until the request's first append (or its end): afterwards every read goes to the store again. */
  reads?: Map<string, Promise<RecordedEvent[]>>;
}

const requestScope = new AsyncLocalStorage<RequestScope>();

/**
 * Runs `run` as one request: `expectedVersion` is the client's basis (If-Match), if any. Returns a function that
 * ends the request's reads (call it when the response is done: work the request started and that goes on in its
 * async context afterwards must not read what the request read).
 */
export function withRequestScope<T>(expectedVersion: number | undefined, run: () => T): { result: T; endReads: () => void } {
  const scope: RequestScope = {
    ...(expectedVersion === undefined ? {} : { basis: { expectedVersion, taken: false } }),
    reads: new Map(),
  };
  const result = requestScope.run(scope, run);
  return { result, endReads: () => delete scope.reads };
}

/** A request with the client's basis only (no remembered reads): for callers outside HTTP and the tests. */
export function withClientBasis<T>(expectedVersion: number | undefined, run: () => T): T {
  return expectedVersion === undefined ? run() : requestScope.run({ basis: { expectedVersion, taken: false } }, run);
}

/**
 * The version the current request's client based its command on, if it gave one; handed out once, to the
 * request's first command: work that continues in the request's async context afterwards (a relay woken by the
 * append, a second stream the same request writes) is not the record the client read.
 */
export function takeClientExpectedVersion(): number | undefined {
  const basis = requestScope.getStore()?.basis;
  if (!basis || basis.taken) return undefined;
  basis.taken = true;
  return basis.expectedVersion;
}

/**
 * A whole stream as the current request first read it (outside a request: straight from the store). Serving a
 * read made earlier in the same request is as current as reading again: both fall within the request, and the
 * command's append still expects the version the decision was made on, so a stream that moved meanwhile is a
 * conflict (409), never a lost update. Reads end at the request's first append (endRequestReads), so nothing
 * the request wrote, and nothing after it, is ever answered from here.
 */
export function readStreamInRequest(store: EventStore, streamId: string): Promise<RecordedEvent[]> {
  const reads = requestScope.getStore()?.reads;
  if (!reads) return store.readStream(streamId);
  let read = reads.get(streamId);
  if (!read) {
    read = store.readStream(streamId);
    reads.set(streamId, read);
    // A failed read is not kept: a later look in the same request asks the store again.
    read.catch(() => reads.get(streamId) === read && reads.delete(streamId));
  }
  return read;
}

/** Called before a request appends: from here on, its reads go to the store. */
export function endRequestReads(): void {
  const scope = requestScope.getStore();
  if (scope) delete scope.reads;
}
