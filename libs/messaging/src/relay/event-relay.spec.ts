import type { RecordedEvent } from '@cem/contracts';
import { createPgliteEventStore, type EventStore } from '@cem/event-store';
import { decodeEvent } from '../cloud-events.codec';
import type { BusMessage } from '../event-bus';
import { InProcessEventBus } from '../in-process/in-process-event-bus';
import { SAMPLE_CONTEXT, sampleNewEvent } from '../test/sample-events.fixture';
import { EventRelay, relayCheckpointName } from './event-relay';

const TOPIC = 'cem.sampling.events';

describe('EventRelay (PGlite store -> in-process bus)', () => {
  let store: EventStore;
  let bus: InProcessEventBus;
  let received: RecordedEvent[];

  beforeEach(async () => {
    store = await createPgliteEventStore({});
    bus = new InProcessEventBus({ retryBackoffMs: 1 });
    received = [];
    await bus.subscribe({ groupId: 'reader', topics: [TOPIC], handler: (m) => Promise.resolve(void received.push(decodeEvent(m))) });
  });
  afterEach(async () => {
    await bus.close();
    await store.close();
  });

  const appendMany = async (streams: number, perStream: number, offset = 0) => {
    for (let v = 0; v < perStream; v++) {
      for (let s = 0; s < streams; s++) await store.append(`sample-${s}`, [sampleNewEvent(offset + v)]);
    }
  };
  const relay = (batchSize = 7) => new EventRelay({ store, bus, context: SAMPLE_CONTEXT, batchSize, pollIntervalMs: 20 });

  it('publishes every event once, in global order, and checkpoints the last one', async () => {
    await appendMany(3, 10);
    const r = relay();
    await r.start();
    await r.caughtUp();
    await r.stop();

    const all = await store.readAll({ limit: 1000 });
    expect(received).toEqual(all);
    expect(r.publishedCount).toBe(30);
    expect(await store.load(relayCheckpointName(TOPIC))).toEqual(all[all.length - 1].position);
  });

  it('checkpoints batches with nothing to publish at most once a second, and on stop', async () => {
    const saves: unknown[] = [];
    const save = store.save.bind(store);
    store.save = async (name, position) => {
      saves.push(position);
      return save(name, position);
    };
    const r = new EventRelay({ store, bus, context: SAMPLE_CONTEXT, batchSize: 1, pollIntervalMs: 20, filter: () => false });
    await r.start();
    await appendMany(1, 5);
    await r.caughtUp();
    expect(received).toEqual([]);
    expect(saves.length).toBeLessThanOrEqual(1); // the first filtered batch only; the other four wait
    await r.stop();
    const all = await store.readAll();
    expect(await store.load(relayCheckpointName(TOPIC))).toEqual(all[all.length - 1].position);
  });

  it('follows live appends', async () => {
    const r = relay();
    await r.start();
    await appendMany(2, 4);
    await r.caughtUp();
    await r.stop();
    expect(received).toEqual(await store.readAll());
  });

  it('resumes from its checkpoint after stop/start: nothing lost, nothing repeated', async () => {
    await appendMany(2, 5);
    const first = relay();
    await first.start();
    await first.caughtUp();
    await first.stop();

    await appendMany(2, 5, 5); // written while no relay runs
    const second = relay(); // a fresh instance: only the durable checkpoint carries over
    await second.start();
    await second.caughtUp();
    await second.stop();

    expect(second.publishedCount).toBe(10);
    expect(received.map((e) => e.id)).toEqual((await store.readAll()).map((e) => e.id));
  });

  it('retries a failed publish of the same batch until the bus takes it, losing nothing', async () => {
    const failing = new InProcessEventBus();
    let failures = 2;
    const sent: BusMessage[][] = [];
    const flaky = {
      publish: (messages: BusMessage[]) => {
        if (failures-- > 0) return Promise.reject(new Error('bus down'));
        sent.push(messages);
        return Promise.resolve();
      },
      subscribe: failing.subscribe.bind(failing),
      close: failing.close.bind(failing),
    };
    await appendMany(1, 3);
    const errors: unknown[] = [];
    const r = new EventRelay({ store, bus: flaky, context: SAMPLE_CONTEXT, retryBackoffMs: 1, onError: (e) => errors.push(e) });
    await r.start();
    await r.caughtUp();
    await r.stop();

    expect(errors).toHaveLength(2);
    expect(sent).toHaveLength(1); // one store batch -> one publish
    expect(sent[0].map((m) => decodeEvent(m).id)).toEqual((await store.readAll()).map((e) => e.id));
  });
});
