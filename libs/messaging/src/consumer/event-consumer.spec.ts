import { ConcurrencyError, DomainRuleViolation, NotFoundError, type RecordedEvent } from '@cem/contracts';
import { encodeEvent } from '../cloud-events.codec';
import type { BusMessage, BusSubscriptionOptions } from '../event-bus';
import { InProcessEventBus } from '../in-process/in-process-event-bus';
import { SAMPLE_CONTEXT, sampleContracts, sampleRecordedEvent } from '../test/sample-events.fixture';
import { EventRefused, refusalReason, startEventConsumer } from './event-consumer';

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
    await bus.subscribe({ groupId: 'dlq-reader', topics: [DLQ], handler: (m) => Promise.resolve(void dead.push(m)) });
  });
  afterEach(() => bus.close());

  const start = (handle: (e: RecordedEvent) => Promise<void> = (e) => Promise.resolve(void handled.push(e)), types?: string[]) =>
    startEventConsumer({ bus, groupId: 'reactor', topics: [TOPIC], contracts: sampleContracts(), handle, types });

  it.each([
    ['bad JSON', { ...good(1), value: '{not json' }, 'value is not valid JSON'],
    [
      'missing header',
      (() => {
        const m = good(1);
        delete m.headers.ce_id;
        return m;
      })(),
      'missing header ce_id',
    ],
    [
      'unknown schema version',
      encodeEvent(SAMPLE_CONTEXT, sampleRecordedEvent(1, { schemaVersion: 9 })),
      'unsupported schema version 9 of SampleRecorded',
    ],
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

  it('passes over a type it does not subscribe to: a producer adding a new type does not break an older consumer', async () => {
    const consumer = await start();
    const newer = encodeEvent(SAMPLE_CONTEXT, sampleRecordedEvent(1, { type: 'SampleRenamedInANewerRelease', data: { anything: true } }));
    await bus.publish([newer, good(2)]);
    expect(handled.map((e) => e.data)).toEqual([{ title: 't2', n: 2 }]);
    expect(dead).toHaveLength(0);
    expect(consumer.stats).toEqual({ processed: 1, deadLettered: 0, ignored: 1 });
  });

  it('dead-letters what the handler refuses (EventRefused) with its reason', async () => {
    const consumer = await start((e) => {
      if ((e.data as { n: number }).n === 1) return Promise.reject(new EventRefused('dossier-closed: dossier is closed'));
      handled.push(e);
      return Promise.resolve();
    });
    await bus.publish([good(1), good(3)]);
    expect(dead.map((m) => m.headers.dlq_reason)).toEqual(['dossier-closed: dossier is closed']);
    expect(handled).toHaveLength(1);
    expect(consumer.stats).toEqual({ processed: 1, deadLettered: 1, ignored: 0 });
  });

  it('names refusals by their code and leaves lost races and outages to a retry', () => {
    expect(refusalReason(new DomainRuleViolation('dossier-closed', 'dossier is closed'))).toBe('dossier-closed: dossier is closed');
    expect(refusalReason(new NotFoundError('no such council'))).toBe('not-found: no such council');
    expect(refusalReason(new EventRefused('no-council: x'))).toBe('no-council: x');
    expect(refusalReason(new ConcurrencyError('s-1', 1, 2))).toBeUndefined();
    expect(refusalReason(new Error('db unavailable'))).toBeUndefined();
  });

  it.each([
    ['a plain error', () => new Error('db unavailable')],
    ['a concurrency conflict', () => new ConcurrencyError('s-1', 1, 2)],
    ['a domain error that did not go through the exception filter', () => new DomainRuleViolation('x', 'y')],
  ])('lets the bus retry %s instead of dead-lettering it', async (_name, failure) => {
    let failuresLeft = 2;
    const consumer = await start((e) => {
      if (failuresLeft-- > 0) return Promise.reject(failure());
      handled.push(e);
      return Promise.resolve();
    });
    await bus.publish([good(1)]);
    expect(handled).toHaveLength(1);
    expect(dead).toHaveLength(0);
    expect(consumer.stats.processed).toBe(1);
  });

  it('passes over registered types it does not subscribe to, without validating them', async () => {
    const consumer = await start(undefined, ['SomethingElse']);
    await bus.publish([good(1), { ...good(2), value: '"not an object"' }]);
    expect(handled).toHaveLength(0);
    expect(dead).toHaveLength(0);
    expect(consumer.stats).toEqual({ processed: 0, deadLettered: 0, ignored: 2 });
  });

  describe('with an archive', () => {
    let archived: RecordedEvent[];
    const startArchiving = (types: string[] = []) =>
      startEventConsumer({
        bus,
        groupId: 'archiver',
        topics: [TOPIC],
        contracts: sampleContracts(),
        types,
        deadLetterTopic: DLQ,
        handle: (e) => Promise.resolve(void handled.push(e)),
        archive: (e) => Promise.resolve(void archived.push(e)),
      });
    beforeEach(() => (archived = []));

    it('keeps every well-formed event, a type this release does not know included, and handles only its own', async () => {
      const consumer = await startArchiving([]);
      const newer = encodeEvent(SAMPLE_CONTEXT, sampleRecordedEvent(1, { type: 'SampleRenamedInANewerRelease', data: { anything: true } }));
      await bus.publish([good(0), newer]);
      expect(archived.map((e) => e.type)).toEqual(['SampleRecorded', 'SampleRenamedInANewerRelease']);
      expect(handled).toHaveLength(0);
      expect(consumer.stats).toEqual({ processed: 2, deadLettered: 0, ignored: 0 });
    });

    it('still validates a known type, at an unknown version as well, since its projections read it', async () => {
      const consumer = await startArchiving(['SampleRecorded']);
      await bus.publish([
        encodeEvent(SAMPLE_CONTEXT, sampleRecordedEvent(3, { schemaVersion: 4 })),
        encodeEvent(SAMPLE_CONTEXT, sampleRecordedEvent(4, { data: { title: 4 } })),
        good(5),
      ]);
      expect(dead.map((m) => m.headers.dlq_reason)).toEqual([
        'unsupported schema version 4 of SampleRecorded',
        expect.stringContaining('SampleRecorded@1: title'),
      ]);
      expect(archived.map((e) => e.data)).toEqual([{ title: 't5', n: 5 }]);
      expect(handled.map((e) => e.data)).toEqual([{ title: 't5', n: 5 }]);
      expect(consumer.stats).toEqual({ processed: 1, deadLettered: 2, ignored: 0 });
    });
  });
  describe('with a batch archive on a bus that delivers batches', () => {
    /** The bus side of Kafka's eachBatch: one partition's fetched messages per call, redelivered whole on a throw. */
    class BatchingBus extends InProcessEventBus {
      batchHandler?: (messages: BusMessage[]) => Promise<void>;
      override subscribe(options: BusSubscriptionOptions) {
        if (options.batchHandler) this.batchHandler = options.batchHandler;
        return super.subscribe(options);
      }
      async deliverBatch(messages: BusMessage[]): Promise<void> {
        for (let attempt = 1; ; attempt++) {
          try {
            return await this.batchHandler!(messages.map((m, i) => ({ ...m, topic: TOPIC, partition: 0, offset: String(i) })));
          } catch (error) {
            if (attempt >= 3) throw error;
          }
        }
      }
    }
    let batches: RecordedEvent[][];
    let batchBus: BatchingBus;
    const startBatching = (handle: (e: RecordedEvent) => Promise<void>, types: string[] = []) =>
      startEventConsumer({
        bus: batchBus,
        groupId: 'archiver',
        topics: [TOPIC],
        contracts: sampleContracts(),
        types,
        deadLetterTopic: DLQ,
        handle,
        archiveBatch: (events) => {
          // What append_archived does: an event already kept is passed over.
          const kept = new Set(batches.flat().map((e) => e.id));
          batches.push(events.filter((e) => !kept.has(e.id)));
          return Promise.resolve();
        },
      });
    beforeEach(async () => {
      batches = [];
      batchBus = new BatchingBus({ retryBackoffMs: 1 });
      await batchBus.subscribe({ groupId: 'dlq-reader', topics: [DLQ], handler: (m) => Promise.resolve(void dead.push(m)) });
    });
    afterEach(() => batchBus.close());

    it('archives the well-formed events of a batch in one call, dead-letters the others together, then handles in order', async () => {
      const consumer = await startBatching((e) => Promise.resolve(void handled.push(e)), ['SampleRecorded']);
      const newer = encodeEvent(SAMPLE_CONTEXT, sampleRecordedEvent(7, { type: 'SampleRenamedInANewerRelease', data: { anything: true } }));
      await batchBus.deliverBatch([
        good(1),
        { ...good(2), value: '{not json' },
        newer,
        encodeEvent(SAMPLE_CONTEXT, sampleRecordedEvent(3, { data: { title: 3 } })),
        good(4),
      ]);
      expect(batches.map((b) => b.map((e) => e.type))).toEqual([['SampleRecorded', 'SampleRenamedInANewerRelease', 'SampleRecorded']]);
      expect(handled.map((e) => e.data)).toEqual([
        { title: 't1', n: 1 },
        { title: 't4', n: 4 },
      ]);
      expect(dead.map((m) => m.headers.dlq_reason)).toEqual([
        expect.stringContaining('value is not valid JSON'),
        expect.stringContaining('SampleRecorded@1: title'),
      ]);
      expect(consumer.stats).toEqual({ processed: 3, deadLettered: 2, ignored: 0 });
    });

    it('retries the whole batch when a handler fails: nothing archived twice, the refused one dead-lettered once', async () => {
      let failuresLeft = 1;
      const consumer = await startBatching(
        (e) => {
          if ((e.data as { n: number }).n === 2 && failuresLeft-- > 0) return Promise.reject(new Error('db unavailable'));
          if ((e.data as { n: number }).n === 3) return Promise.reject(new EventRefused('dossier-closed: dossier is closed'));
          handled.push(e);
          return Promise.resolve();
        },
        ['SampleRecorded'],
      );
      await batchBus.deliverBatch([good(1), good(2), good(3)]);
      expect(batches.map((b) => b.length)).toEqual([3, 0]);
      expect(handled.map((e) => (e.data as { n: number }).n)).toEqual([1, 1, 2]); // at least once: 1 again on the retry
      expect(dead.map((m) => m.headers.dlq_reason)).toEqual(['dossier-closed: dossier is closed']);
      expect(consumer.stats).toEqual({ processed: 2, deadLettered: 1, ignored: 0 });
    });

    it('archives message by message through the batch archive on a bus that delivers one at a time', async () => {
      await startBatching((e) => Promise.resolve(void handled.push(e)));
      await batchBus.publish([good(1), good(2)]);
      expect(batches.map((b) => b.map((e) => e.data))).toEqual([[{ title: 't1', n: 1 }], [{ title: 't2', n: 2 }]]);
    });
  });
});
