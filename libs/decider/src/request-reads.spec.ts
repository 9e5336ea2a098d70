import { type Actor, ConcurrencyError, type DomainEvent } from '@cem/contracts';
import { createPgliteEventStore, type SqlEventStore } from '@cem/event-store';
import { endRequestReads, readStreamInRequest, withRequestScope } from './client-basis';
import { handleCommand, loadState } from './command-handler';
import type { Decider } from './decider';

type Counted = DomainEvent<'Counted', { n: number }>;
const counter: Decider<number, { type: 'Count' }, Counted> = {
  initialState: () => 0,
  evolve: (n) => n + 1,
  decide: (_c, n) => [{ type: 'Counted', data: { n: n + 1 } }],
};
const actor: Actor = { id: 'u', role: 'admin', unitId: 'vn', level: 'central', unitPath: ['vn'] };
const ctx = { actor, source: 'test' };

describe('a request reads each stream once (readStreamInRequest)', () => {
  let store: SqlEventStore;
  let reads: string[];
  beforeAll(async () => {
    store = await createPgliteEventStore();
    const readStream = store.readStream.bind(store);
    store.readStream = (streamId, options) => {
      reads.push(streamId);
      return readStream(streamId, options);
    };
  });
  beforeEach(() => (reads = []));
  afterAll(() => store.close());

  const count = (streamId: string) => reads.filter((s) => s === streamId).length;

  it('folds a stream the request already read without asking the store again, and decides on that read', async () => {
    await handleCommand(store, counter, 'other-1', { type: 'Count' }, ctx);
    await handleCommand(store, counter, 'own-1', { type: 'Count' }, ctx);
    reads = [];
    const { result } = withRequestScope(undefined, async () => {
      // The access rule's facts and the handler's look-up of another stream, then the command on its own stream.
      expect((await loadState(store, counter, 'other-1')).version).toBe(1);
      expect((await loadState(store, counter, 'other-1')).version).toBe(1);
      await readStreamInRequest(store, 'own-1');
      return handleCommand(store, counter, 'own-1', { type: 'Count' }, ctx);
    });
    expect((await result).state).toBe(2);
    expect(count('other-1')).toBe(1);
    expect(count('own-1')).toBe(1);
  });

  it('a stream that moved after the request read it is a conflict on append (409), never a lost update', async () => {
    await handleCommand(store, counter, 'raced-1', { type: 'Count' }, ctx);
    const { result } = withRequestScope(undefined, async () => {
      await readStreamInRequest(store, 'raced-1'); // the access rule's read, at version 1
      await handleCommand(store, counter, 'raced-1', { type: 'Count' }, ctx); // another request's command lands
      return handleCommand(store, counter, 'raced-1', { type: 'Count' }, ctx);
    });
    // (The second command of the same request runs after the first's append: reads went to the store again.)
    await expect(result).resolves.toMatchObject({ state: 3 });
    const { result: stale } = withRequestScope(undefined, async () => {
      await readStreamInRequest(store, 'raced-1'); // version 3
      await store.append('raced-1', [{ id: crypto.randomUUID(), type: 'Counted', data: { n: 4 }, metadata: {} as never }], {
        expectedVersion: 3,
      });
      return handleCommand(store, counter, 'raced-1', { type: 'Count' }, ctx);
    });
    await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await store.readStream('raced-1')).length).toBe(4);
  });

  it('ends at the request’s first append and with the request: later reads see what was written', async () => {
    const { result, endReads } = withRequestScope(undefined, async () => {
      await handleCommand(store, counter, 'written-1', { type: 'Count' }, ctx);
      // After the append: the stream as the store has it now, not as the request first read it.
      expect((await loadState(store, counter, 'written-1')).version).toBe(1);
      return 'done';
    });
    await result;
    expect(count('written-1')).toBe(2);
    endReads();
    const { result: second, endReads: endSecond } = withRequestScope(undefined, () => readStreamInRequest(store, 'later-1'));
    await second;
    endSecond();
    await store.append('later-1', [{ id: crypto.randomUUID(), type: 'Counted', data: { n: 1 }, metadata: {} as never }], {
      expectedVersion: 0,
    });
    reads = [];
    await readStreamInRequest(store, 'later-1');
    await readStreamInRequest(store, 'later-1');
    expect(count('later-1')).toBe(2); // outside any request: always the store
    endRequestReads(); // outside a request: nothing to end
  });

  it('reactions (idempotencySeed) and dated reads always ask the store', async () => {
    const { result } = withRequestScope(undefined, async () => {
      await readStreamInRequest(store, 'reaction-1');
      await handleCommand(store, counter, 'reaction-1', { type: 'Count' }, { ...ctx, idempotencySeed: 'in-1' });
      await loadState(store, counter, 'reaction-1', new Date());
    });
    await result;
    expect(count('reaction-1')).toBe(3);
  });

  it('a stream the server just named (newStream) is not read, and is appended only if it is still empty', async () => {
    await handleCommand(store, counter, 'named-1', { type: 'Count' }, ctx, { newStream: true });
    expect(count('named-1')).toBe(0);
    expect(await store.readStream('named-1')).toHaveLength(1);
    // Were the id taken after all: a conflict (409), nothing overwritten.
    await expect(handleCommand(store, counter, 'named-1', { type: 'Count' }, ctx, { newStream: true })).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    expect(await store.readStream('named-1')).toHaveLength(1);
  });
});
