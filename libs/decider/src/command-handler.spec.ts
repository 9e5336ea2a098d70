import { DomainRuleViolation, type DomainEvent } from '@cem/contracts';
import { createPgliteEventStore } from '@cem/event-store';
import type { SqlEventStore } from '@cem/event-store';
import { handleCommand } from './command-handler';
import type { Decider } from './decider';

type Opened = DomainEvent<'Opened', { by: string }>;
/** Refuses to open twice: what every reaction's decider does once its first delivery went through. */
const once: Decider<{ open: boolean }, { type: 'Open' }, Opened> = {
  initialState: () => ({ open: false }),
  evolve: () => ({ open: true }),
  decide: (_c, s) => {
    if (s.open) throw new DomainRuleViolation('already-open', 'already open');
    return [{ type: 'Opened', data: { by: 'reaction' } }];
  },
};
const actor = { id: 'system:test', role: 'system' as const, unitId: 'system', level: 'central' as const, unitPath: [] };

describe('handleCommand with an idempotency seed (a reaction to an incoming event)', () => {
  let store: SqlEventStore;
  beforeAll(async () => (store = await createPgliteEventStore({ schema: 'decider_spec' })));
  afterAll(() => store.close());

  it('handles a redelivered event as already done instead of deciding again (and being refused)', async () => {
    const ctx = { actor, source: 'test', idempotencySeed: 'incoming-1:open', causationId: 'incoming-1' };
    const first = await handleCommand(store, once, 'case-1', { type: 'Open' }, ctx);
    expect(first.append?.appended).toBe(true);
    const again = await handleCommand(store, once, 'case-1', { type: 'Open' }, ctx);
    expect(again.events).toEqual([]);
    expect(again.state).toEqual({ open: true });
    expect(await store.readStream('case-1')).toHaveLength(1);
  });

  it('still decides (and refuses) a different incoming event on the same stream', async () => {
    await expect(
      handleCommand(store, once, 'case-1', { type: 'Open' }, { actor, source: 'test', idempotencySeed: 'incoming-2:open' }),
    ).rejects.toThrow(DomainRuleViolation);
  });
});
