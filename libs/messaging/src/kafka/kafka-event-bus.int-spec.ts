import { randomUUID } from 'node:crypto';
import { deadLetterTopic, eventsTopic, type RecordedEvent } from '@cem/contracts';
import { createTestPostgresStore } from '@cem/event-store/testing';
import { encodeEvent } from '../cloud-events.codec';
import { startEventConsumer } from '../consumer/event-consumer';
import type { BusMessage } from '../event-bus';
import { EventRelay } from '../relay/event-relay';
import { SAMPLE_CONTEXT, sampleContracts, sampleNewEvent, sampleRecordedEvent } from '../test/sample-events.fixture';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaEventBus, kafkaBrokersFromEnv } from './kafka-event-bus';

// Real broker, unique topic and group names per run: test files run in parallel against one Kafka.
const prefix = `t${randomUUID().slice(0, 8)}.`;
const topic = eventsTopic(SAMPLE_CONTEXT, prefix);
const group = (name: string) => `${prefix}${name}`;

async function topicsOfThisRun(): Promise<string[]> {
  const admin = new Kafka({ brokers: kafkaBrokersFromEnv(), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).filter((t) => t.startsWith(prefix));
  } finally {
    await admin.disconnect();
  }
}

async function waitUntil(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('KafkaEventBus on the real broker', () => {
  let bus: KafkaEventBus;
  const newBus = (commitIntervalMs?: number) =>
    new KafkaEventBus({
      brokers: kafkaBrokersFromEnv(),
      clientId: `${prefix}test`,
      consumer: { sessionTimeout: 10_000, heartbeatInterval: 1_000, maxWaitTimeInMs: 100, retries: 2, commitIntervalMs },
      handlerRetryBackoffMs: 50,
    });

  beforeAll(async () => {
    bus = newBus();
    await bus.ensureTopics([topic, deadLetterTopic(group('reactor'), prefix), deadLetterTopic(group('flaky'), prefix)]);
  });
  afterAll(async () => {
    await bus.deleteTopics(await topicsOfThisRun());
    await bus.close();
  });

  it('deletes the given topics that exist and ignores the others', async () => {
    const doomed = `${prefix}doomed`;
    await bus.ensureTopics([doomed]);
    expect(await topicsOfThisRun()).toContain(doomed);
    await bus.deleteTopics([doomed, `${prefix}never-created`]);
    expect(await topicsOfThisRun()).not.toContain(doomed);
  });

  it('relays a PostgreSQL store to Kafka and a group receives every event in per-key order', async () => {
    const { store, dispose } = await createTestPostgresStore();
    const relayTopic = eventsTopic(SAMPLE_CONTEXT, `${prefix}relay.`);
    await bus.ensureTopics([relayTopic]);
    try {
      const streams = 8;
      const perStream = 25;
      for (let v = 0; v < perStream; v++) {
        await Promise.all(Array.from({ length: streams }, (_, s) => store.append(`sample-${s}`, [sampleNewEvent(v)])));
      }
      const relay = new EventRelay({ store, bus, context: SAMPLE_CONTEXT, topic: relayTopic, batchSize: 50 });
      await relay.start();
      await relay.caughtUp();
      await relay.stop();
      expect(relay.publishedCount).toBe(streams * perStream);

      const received: RecordedEvent[] = [];
      const consumer = await startEventConsumer({
        bus,
        groupId: group('ordered'),
        topics: [relayTopic],
        contracts: sampleContracts(),
        deadLetterTopic: deadLetterTopic(group('ordered'), prefix),
        handle: (e) => Promise.resolve(void received.push(e)),
      });
      await waitUntil('all relayed events', () => received.length >= streams * perStream);
      await consumer.stop();

      expect(new Set(received.map((e) => e.id)).size).toBe(streams * perStream);
      for (let s = 0; s < streams; s++) {
        const versions = received.filter((e) => e.streamId === `sample-${s}`).map((e) => e.streamVersion);
        expect(versions).toEqual(Array.from({ length: perStream }, (_, i) => i + 1));
      }
      const stored = await store.readStream('sample-3');
      expect(received.filter((e) => e.streamId === 'sample-3')).toEqual(stored);
    } finally {
      await dispose();
    }
  });

  it('delivers fetched batches to a batch handler in partition order, and the whole batch again after a failure', async () => {
    const batchTopic = eventsTopic(SAMPLE_CONTEXT, `${prefix}batch.`);
    await bus.ensureTopics([batchTopic]);
    const messages = Array.from({ length: 30 }, (_, n) => encodeEvent(SAMPLE_CONTEXT, sampleRecordedEvent(n), batchTopic));
    await bus.publish(messages);
    const seen: BusMessage[] = [];
    let failures = 1;
    const subscription = await bus.subscribe({
      groupId: group('batches'),
      topics: [batchTopic],
      handler: () => Promise.reject(new Error('a bus that delivers batches must not call the per-message handler')),
      batchHandler: (batch) => {
        if (failures-- > 0) return Promise.reject(new Error('db unavailable'));
        seen.push(...batch);
        return Promise.resolve();
      },
    });
    try {
      await waitUntil('every message', () => new Set(seen.map((m) => m.headers.ce_id)).size === messages.length);
      for (const key of new Set(messages.map((m) => m.key))) {
        const sent = messages.filter((m) => m.key === key).map((m) => m.headers.ce_id);
        const got = seen.filter((m) => m.key === key).map((m) => m.headers.ce_id);
        expect([...new Set(got)]).toEqual(sent); // per-key order; the failed batch came again, from its start
      }
    } finally {
      await subscription.stop();
    }
  });

  it('dead-letters a poison message with its reason and keeps consuming', async () => {
    const groupId = group('reactor');
    const dlq = deadLetterTopic(groupId, prefix);
    const handled: string[] = [];
    const consumer = await startEventConsumer({
      bus,
      groupId,
      topics: [topic],
      contracts: sampleContracts(),
      deadLetterTopic: dlq,
      handle: (e) => Promise.resolve(void handled.push(e.id)),
    });
    const poison = { ...encodeEvent(SAMPLE_CONTEXT, sampleRecordedEvent(1), topic), value: '{"title":' };
    const after = encodeEvent(SAMPLE_CONTEXT, sampleRecordedEvent(2, { streamId: poison.key }), topic);
    await bus.publish([poison, after]);

    const dead: BusMessage[] = [];
    const reader = await bus.subscribe({ groupId: group('dlq-reader'), topics: [dlq], handler: (m) => Promise.resolve(void dead.push(m)) });
    try {
      await waitUntil('the good event after the poison one', () => handled.includes(after.headers.ce_id));
      await waitUntil('the dead letter', () => dead.length > 0);
      expect(dead).toHaveLength(1);
      expect(dead[0].value).toBe(poison.value);
      expect(dead[0].headers.ce_id).toBe(poison.headers.ce_id);
      expect(dead[0].headers.dlq_reason).toContain('value is not valid JSON');
      expect(dead[0].headers).toMatchObject({ dlq_group: groupId, dlq_source_topic: topic });
      expect(dead[0].headers.dlq_offset).toMatch(/^\d+$/);
      expect(consumer.stats.deadLettered).toBe(1);
    } finally {
      await Promise.all([reader.stop(), consumer.stop()]);
    }
  });

  it('counts the messages a read-committed reader gets, not the offsets transaction markers and aborted writes take', async () => {
    const dlq = `${prefix}cem.dlq.counted`;
    await bus.ensureTopics([dlq], 1);
    const kafka = new Kafka({ brokers: kafkaBrokersFromEnv(), logLevel: logLevel.NOTHING });
    const producer = kafka.producer({ transactionalId: `${prefix}tx-writer`, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      const aborted = await producer.transaction();
      await aborted.send({ topic: dlq, messages: [{ key: 'a', value: 'never seen' }] });
      await aborted.abort();
      const committed = await producer.transaction();
      await committed.send({ topic: dlq, messages: [{ key: 'b', value: 'dead letter 1' }] });
      await committed.commit();
    } finally {
      await producer.disconnect();
    }
    await bus.publish([{ topic: dlq, key: 'c', value: 'dead letter 2', headers: {} }]);

    // Five offsets: the aborted message and its marker, the committed one and its marker, the plain one.
    const admin = kafka.admin();
    await admin.connect();
    const [offsets] = await admin.fetchTopicOffsets(dlq);
    await admin.disconnect();
    expect(Number(offsets.high) - Number(offsets.low)).toBe(5);
    expect(await bus.topicMessageCount(dlq)).toBe(2);
    expect((await bus.readTopic(dlq)).map((m) => m.value)).toEqual(['dead letter 1', 'dead letter 2']);
    // Counted again only when the offsets move.
    await bus.publish([{ topic: dlq, key: 'd', value: 'dead letter 3', headers: {} }]);
    expect(await bus.topicMessageCount(dlq)).toBe(3);
    expect(await bus.topicMessageCount(`${prefix}cem.dlq.none`)).toBe(0);
  });

  it('retries a handler that throws once and loses nothing', async () => {
    const failTopic = eventsTopic(SAMPLE_CONTEXT, `${prefix}flaky.`);
    await bus.ensureTopics([failTopic]);
    const events = Array.from({ length: 6 }, (_, n) => encodeEvent(SAMPLE_CONTEXT, sampleRecordedEvent(n), failTopic));
    const victim = events[3].headers.ce_id;
    let failed = false;
    const handled: string[] = [];
    const consumer = await startEventConsumer({
      bus,
      groupId: group('flaky'),
      topics: [failTopic],
      contracts: sampleContracts(),
      deadLetterTopic: deadLetterTopic(group('flaky'), prefix),
      handle: (e) => {
        if (e.id === victim && !failed) {
          failed = true;
          return Promise.reject(new Error('transient outage'));
        }
        handled.push(e.id);
        return Promise.resolve();
      },
    });
    try {
      await bus.publish(events);
      await waitUntil('every event', () => events.every((m) => handled.includes(m.headers.ce_id)));
      expect(failed).toBe(true);
      expect(consumer.stats).toMatchObject({ processed: 6, deadLettered: 0 });
    } finally {
      await consumer.stop();
    }
  });

  it('a new member of the same group picks up where a stopped one left off, losing nothing', async () => {
    const handoverTopic = eventsTopic(SAMPLE_CONTEXT, `${prefix}handover.`);
    await bus.ensureTopics([handoverTopic]);
    const groupId = group('handover');
    const events = Array.from({ length: 300 }, (_, n) =>
      encodeEvent(SAMPLE_CONTEXT, sampleRecordedEvent(n, { streamId: `s-${n % 7}` }), handoverTopic),
    );
    const seen = new Set<string>();
    const start = (consumerBus: KafkaEventBus) =>
      startEventConsumer({
        bus: consumerBus,
        groupId,
        topics: [handoverTopic],
        contracts: sampleContracts(),
        deadLetterTopic: deadLetterTopic(groupId, prefix),
        handle: async (e) => {
          await new Promise((r) => setTimeout(r, 2)); // slow enough to be stopped mid-stream
          seen.add(e.id); // idempotent by event id: redeliveries are harmless
        },
      });

    const firstBus = newBus();
    const first = await start(firstBus);
    await bus.publish(events);
    await waitUntil('the first member to get going', () => seen.size >= 50);
    await first.stop();
    await firstBus.close();
    expect(seen.size).toBeLessThan(events.length);

    const secondBus = newBus();
    const second = await start(secondBus);
    try {
      await waitUntil('every event', () => seen.size === events.length);
      expect(seen).toEqual(new Set(events.map((m) => m.headers.ce_id)));
    } finally {
      await second.stop();
      await secondBus.close();
    }
  });

  describe('offset commits (at most one per interval, not one per fetched batch)', () => {
    const published = async (name: string, count: number) => {
      const commitTopic = eventsTopic(SAMPLE_CONTEXT, `${prefix}${name}.`);
      await bus.ensureTopics([commitTopic]);
      const events = Array.from({ length: count }, (_, n) =>
        encodeEvent(SAMPLE_CONTEXT, sampleRecordedEvent(n, { streamId: `s-${n % 5}` }), commitTopic),
      );
      // Several sends: several fetched batches, each of which used to end in its own commit.
      for (let i = 0; i < events.length; i += 10) await bus.publish(events.slice(i, i + 10));
      return { commitTopic, ids: events.map((m) => m.headers.ce_id) };
    };
    const committedTotal = async (groupId: string, commitTopic: string) =>
      [...(await bus.committedOffsets(groupId, commitTopic)).values()].reduce((sum, o) => sum + Math.max(0, o), 0);

    it.each([
      ['per message', false],
      ['per batch', true],
    ])('%s: handled offsets wait for the interval, and stop commits every one of them', async (_name, batched) => {
      const { commitTopic, ids } = await published(`commit-${batched ? 'batch' : 'message'}`, 40);
      const groupId = group(`commit-${batched ? 'batch' : 'message'}`);
      const consumerBus = newBus(600_000);
      const seen = new Set<string>();
      const subscription = await consumerBus.subscribe({
        groupId,
        topics: [commitTopic],
        handler: (m) => Promise.resolve(void seen.add(m.headers.ce_id)),
        batchHandler: batched ? (ms) => Promise.resolve(ms.forEach((m) => seen.add(m.headers.ce_id))) : undefined,
      });
      try {
        await waitUntil('every message', () => seen.size === ids.length);
        await new Promise((r) => setTimeout(r, 500));
        expect(await committedTotal(groupId, commitTopic)).toBe(0);
      } finally {
        await subscription.stop();
        await consumerBus.close();
      }
      expect(await committedTotal(groupId, commitTopic)).toBe(ids.length);
    });

    it('commits when the interval ends, also once traffic has stopped', async () => {
      const { commitTopic, ids } = await published('commit-idle', 20);
      const groupId = group('commit-idle');
      const consumerBus = newBus(300);
      const seen = new Set<string>();
      const subscription = await consumerBus.subscribe({
        groupId,
        topics: [commitTopic],
        handler: (m) => Promise.resolve(void seen.add(m.headers.ce_id)),
      });
      try {
        await waitUntil('every message', () => seen.size === ids.length);
        const deadline = Date.now() + 10_000;
        while ((await committedTotal(groupId, commitTopic)) < ids.length && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 100));
        expect(await committedTotal(groupId, commitTopic)).toBe(ids.length);
      } finally {
        await subscription.stop();
        await consumerBus.close();
      }
    });

    it('a member that dies before its commit: the next one gets every message it had handled again, none lost', async () => {
      const { commitTopic, ids } = await published('commit-crash', 30);
      const groupId = group('commit-crash');
      const crashingBus = newBus(600_000);
      const first = new Set<string>();
      await crashingBus.subscribe({ groupId, topics: [commitTopic], handler: (m) => Promise.resolve(void first.add(m.headers.ce_id)) });
      await waitUntil('every message', () => first.size === ids.length);
      // A crash: the client goes without the subscription's stop (no commit), as a killed process would.
      const consumers = (crashingBus as unknown as { consumers: Map<{ disconnect(): Promise<void> }, unknown> }).consumers;
      await Promise.all([...consumers.keys()].map((c) => c.disconnect()));
      consumers.clear();
      await crashingBus.close();
      expect(await committedTotal(groupId, commitTopic)).toBe(0);

      const nextBus = newBus();
      const second = new Set<string>();
      const subscription = await nextBus.subscribe({
        groupId,
        topics: [commitTopic],
        handler: (m) => Promise.resolve(void second.add(m.headers.ce_id)),
      });
      try {
        await waitUntil('every message again', () => second.size === ids.length);
        expect(second).toEqual(new Set(ids));
      } finally {
        await subscription.stop();
        await nextBus.close();
      }
    });
  });
});
