import { ConcurrencyError, DomainRuleViolation, NotFoundError, type RecordedEvent } from '@cem/contracts';
import { encodeEvent } from '../cloud-events.codec';
import type { BusMessage } from '../event-bus';
import { InProcessEventBus } from '../in-process/in-process-event-bus';
import { SAMPLE_CONTEXT, sampleContracts, sampleRecordedEvent } from '../test/sample-events.fixture';
import { ANY_UNREGISTERED_TYPE, startEventConsumer } from './event-consumer';

const TOPIC = 'cem.sampling.events';
const DLQ = 'cem.dlq.reactor';
const good = (n: number) => encodeEvent(SAMPLE_CONTEXT, sampleRecordedEvent(n));

describe('startEventConsumer', () => {
  let bus: InProcessEventBus;
  let handled: RecordedEvent[];
  let dead: BusMessage[];

  beforeEach(async () => {
    bus = new InProcessEventBus({ retryBackoffMs: 1 });
    handled = [];
    dead = [];
    await bus.subscribe({ groupId: 'dlq-reader', topics: [DLQ], handler: async (m) => void dead.push(m) });
  });
  afterEach(() => bus.close());

  const start = (handle: (e: RecordedEvent) => Promise<void> = async (e) => void handled.push(e), ignore?: string[]) =>
    startEventConsumer({ bus, groupId: 'reactor', topics: [TOPIC], contracts: sampleContracts(), handle, ignoreUnhandledTypes: ignore });

  it.each([
    ['bad JSON', { ...good(1), value: '{not json' }, 'value is not valid JSON'],
    ['missing header', (() => { const m = good(1); delete m.headers.ce_id; return m; })(), 'missing header ce_id'],
    ['unknown type', encodeEvent(SAMPLE_CONTEXT, sampleRecordedEvent(1, { type: 'Mystery' })), 'unknown event type Mystery'],
    ['unknown schema version', encodeEvent(SAMPLE_CONTEXT, sampleRecordedEvent(1, { schemaVersion: 9 })), 'unsupported schema version 9 of SampleRecorded'],
    ['invalid data', encodeEvent(SAMPLE_CONTEXT, sampleRecordedEvent(1, { data: { title: 5, n: -1 } })), 'n: n must not be less than 0'],
  ])('dead-letters a poison message (%s) with its reason and handles the next good one', async (_name, poison, reason) => {
    const consumer = await start();
    await bus.publish([{ ...poison, topic: TOPIC }, good(2)]);

    expect(handled.map((e) => e.data)).toEqual([{ title: 't2', n: 2 }]);
    expect(dead).toHaveLength(1);
    expect(dead[0].value).toBe(poison.value);
    expect(dead[0].key).toBe(poison.key);
    expect(dead[0].headers.dlq_reason).toContain(reason);
    expect(dead[0].headers).toMatchObject({ dlq_group: 'reactor', dlq_source_topic: TOPIC, dlq_partition: '0', dlq_offset: '0' });
    expect(Date.parse(dead[0].headers.dlq_failed_at)).not.toBeNaN();
    expect(consumer.stats).toEqual({ processed: 1, deadLettered: 1, ignored: 0 });
  });

  it('dead-letters permanent refusals from the handler with their code', async () => {
    const consumer = await start(async (e) => {
      if (e.data && (e.data as { n: number }).n === 1) throw new DomainRuleViolation('dossier-closed', 'dossier is closed');
      if ((e.data as { n: number }).n === 2) throw new NotFoundError('no such council');
      handled.push(e);
    });
    await bus.publish([good(1), good(2), good(3)]);
    expect(dead.map((m) => m.headers.dlq_reason)).toEqual(['dossier-closed: dossier is closed', 'not-found: no such council']);
    expect(handled).toHaveLength(1);
    expect(consumer.stats).toEqual({ processed: 1, deadLettered: 2, ignored: 0 });
  });

  it.each([
    ['a plain error', () => new Error('db unavailable')],
    ['a concurrency conflict', () => new ConcurrencyError('s-1', 1, 2)],
  ])('lets the bus retry %s instead of dead-lettering it', async (_name, failure) => {
    let failuresLeft = 2;
    const consumer = await start(async (e) => {
      if (failuresLeft-- > 0) throw failure();
      handled.push(e);
    });
    await bus.publish([good(1)]);
    expect(handled).toHaveLength(1);
    expect(dead).toHaveLength(0);
    expect(consumer.stats.processed).toBe(1);
  });

  it('acknowledges ignored types without validating or handling them', async () => {
    const other = encodeEvent(SAMPLE_CONTEXT, sampleRecordedEvent(1, { type: 'SomethingElse', data: 'not an object' }));
    const listed = await start(undefined, ['SomethingElse']);
    await bus.publish([other, good(2)]);
    expect(listed.stats).toEqual({ processed: 1, deadLettered: 0, ignored: 1 });
    await listed.stop();

    const wildcard = await startEventConsumer({
      bus, groupId: 'wildcard', topics: [TOPIC], contracts: sampleContracts(),
      handle: async () => undefined, ignoreUnhandledTypes: [ANY_UNREGISTERED_TYPE],
    });
    await bus.publish([encodeEvent(SAMPLE_CONTEXT, sampleRecordedEvent(3, { schemaVersion: 4 }))]);
    // Known type at an unknown version is still poison: only unknown types are ignored by the wildcard.
    expect(wildcard.stats).toEqual({ processed: 1, deadLettered: 1, ignored: 1 });
  });
});
