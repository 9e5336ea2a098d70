import type { BusMessage } from '../event-bus';
import { InProcessEventBus } from './in-process-event-bus';

const msg = (topic: string, n: number): BusMessage => ({ topic, key: `k${n % 2}`, value: String(n), headers: {} });
const values = (ms: BusMessage[]) => ms.map((m) => Number(m.value));

describe('InProcessEventBus', () => {
  let bus: InProcessEventBus;
  beforeEach(() => (bus = new InProcessEventBus({ retryBackoffMs: 1 })));
  afterEach(() => bus.close());

  it('delivers to every group of the topic, in publish order, before publish resolves', async () => {
    const a: BusMessage[] = [];
    const b: BusMessage[] = [];
    await bus.subscribe({ groupId: 'a', topics: ['t'], handler: (m) => Promise.resolve(void a.push(m)) });
    await bus.subscribe({
      groupId: 'b',
      topics: ['t'],
      handler: async (m) => {
        await new Promise((r) => setTimeout(r, 2)); // slow group: publish still waits for it
        b.push(m);
      },
    });
    await bus.publish([msg('t', 1), msg('t', 2), msg('other', 3)]);
    await bus.publish([msg('t', 4)]);
    expect(values(a)).toEqual([1, 2, 4]);
    expect(values(b)).toEqual([1, 2, 4]);
    expect(a.map((m) => m.offset)).toEqual(['0', '1', '2']);
  });

  it('handles one message at a time per group even when publishes overlap', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const seen: number[] = [];
    await bus.subscribe({
      groupId: 'g',
      topics: ['t'],
      handler: async (m) => {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await new Promise((r) => setTimeout(r, 1));
        seen.push(Number(m.value));
        inFlight--;
      },
    });
    await Promise.all([1, 2, 3, 4].map((n) => bus.publish([msg('t', n)])));
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(maxInFlight).toBe(1);
  });

  it('retries a failing handler and delivers the message once it succeeds', async () => {
    let failures = 2;
    const seen: number[] = [];
    await bus.subscribe({
      groupId: 'g',
      topics: ['t'],
      handler: (m) => {
        if (failures-- > 0) return Promise.reject(new Error('transient'));
        seen.push(Number(m.value));
        return Promise.resolve();
      },
    });
    await bus.publish([msg('t', 1), msg('t', 2)]);
    expect(seen).toEqual([1, 2]);
  });

  it('rejects publish after the bounded attempts, keeps the message and redelivers it on the next publish', async () => {
    let broken = true;
    const seen: number[] = [];
    let attempts = 0;
    await bus.subscribe({
      groupId: 'g',
      topics: ['t'],
      handler: (m) => {
        attempts++;
        if (broken) return Promise.reject(new Error('handler down'));
        seen.push(Number(m.value));
        return Promise.resolve();
      },
    });
    await expect(bus.publish([msg('t', 1)])).rejects.toThrow('handler down');
    expect(attempts).toBe(5);
    broken = false;
    await bus.publish([msg('t', 2)]);
    expect(seen).toEqual([1, 2]);
  });

  it('gives a late subscriber the history; fromBeginning=false starts at the end', async () => {
    await bus.publish([msg('t', 1), msg('t', 2)]);
    const early: number[] = [];
    const late: number[] = [];
    await bus.subscribe({ groupId: 'history', topics: ['t'], handler: (m) => Promise.resolve(void early.push(Number(m.value))) });
    await bus.subscribe({
      groupId: 'live',
      topics: ['t'],
      fromBeginning: false,
      handler: (m) => Promise.resolve(void late.push(Number(m.value))),
    });
    await bus.publish([msg('t', 3)]);
    expect(early).toEqual([1, 2, 3]);
    expect(late).toEqual([3]);
  });

  it('resumes a group at its offset after stop and re-subscribe; publish does not wait for an absent group', async () => {
    const seen: number[] = [];
    const handler = (m: BusMessage) => Promise.resolve(void seen.push(Number(m.value)));
    const first = await bus.subscribe({ groupId: 'g', topics: ['t'], handler });
    await bus.publish([msg('t', 1)]);
    await first.stop();
    await bus.publish([msg('t', 2)]); // resolves: nobody in group g is listening
    expect(seen).toEqual([1]);
    await bus.subscribe({ groupId: 'g', topics: ['t'], handler });
    await bus.publish([msg('t', 3)]);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('refuses a second live subscriber in the same group', async () => {
    await bus.subscribe({ groupId: 'g', topics: ['t'], handler: () => Promise.resolve() });
    await expect(bus.subscribe({ groupId: 'g', topics: ['t'], handler: () => Promise.resolve() })).rejects.toThrow(
      'already has a subscriber',
    );
  });

  it('does not deadlock when a handler publishes to a topic its own group reads', async () => {
    const seen: number[] = [];
    await bus.subscribe({
      groupId: 'g',
      topics: ['t'],
      handler: async (m) => {
        seen.push(Number(m.value));
        if (m.value === '1') await bus.publish([msg('t', 10)]);
      },
    });
    await bus.publish([msg('t', 1)]);
    await bus.publish([msg('t', 2)]);
    expect(seen).toEqual([1, 10, 2]);
  });
});
