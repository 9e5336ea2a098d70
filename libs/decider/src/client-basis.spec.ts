import { type Actor, ConcurrencyError, type DomainEvent } from '@cem/contracts';
import { createPgliteEventStore, type SqlEventStore } from '@cem/event-store';
import { handleCommand } from './command-handler';
import { withClientBasis } from './client-basis';
import type { Decider } from './decider';

type Counted = DomainEvent<'Counted', { n: number }>;
/** A counter that refuses to pass 2: without a client basis, a late command meets that rule instead of a conflict. */
const counter: Decider<number, { type: 'Count' }, Counted> = {
  initialState: () => 0,
  evolve: (n) => n + 1,
  decide: (_c, n) => {
    if (n >= 2) throw new Error('full');
    return [{ type: 'Counted', data: { n: n + 1 } }];
  },
};
const actor: Actor = { id: 'u', role: 'admin', unitId: 'vn', level: 'central', unitPath: ['vn'] };
const ctx = { actor, source: 'test' };

describe('handleCommand with the client basis (If-Match)', () => {
  let store: SqlEventStore;
  beforeAll(async () => {
    store = await createPgliteEventStore();
  });
  afterAll(() => store.close());

  it('decides when the stream is still at the client’s version, and refuses with the current one when it moved', async () => {
    await withClientBasis(0, () => handleCommand(store, counter, 's-1', { type: 'Count' }, ctx));
    const lost = await withClientBasis(0, () => handleCommand(store, counter, 's-1', { type: 'Count' }, ctx)).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(ConcurrencyError);
    expect(lost).toMatchObject({ streamId: 's-1', expected: 0, actual: 1 });
    expect(await store.readStream('s-1')).toHaveLength(1);
    await withClientBasis(1, () => handleCommand(store, counter, 's-1', { type: 'Count' }, ctx));
    // Moved past the rule: with the stale basis it is a conflict (409), not the rule (422).
    await expect(withClientBasis(1, () => handleCommand(store, counter, 's-1', { type: 'Count' }, ctx))).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    await expect(handleCommand(store, counter, 's-1', { type: 'Count' }, ctx)).rejects.toThrow('full');
  });

  it('applies to the first command of the request only, and never to reactions', async () => {
    await withClientBasis(0, async () => {
      await handleCommand(store, counter, 's-2', { type: 'Count' }, ctx);
      await handleCommand(store, counter, 's-3', { type: 'Count' }, ctx);
      await handleCommand(store, counter, 's-3', { type: 'Count' }, ctx);
    });
    expect(await store.readStream('s-3')).toHaveLength(2);
    await withClientBasis(5, () => handleCommand(store, counter, 's-4', { type: 'Count' }, { ...ctx, idempotencySeed: 'incoming-1' }));
    expect(await store.readStream('s-4')).toHaveLength(1);
  });
});
