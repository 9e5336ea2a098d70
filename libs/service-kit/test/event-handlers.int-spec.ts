import { Controller, Inject, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { randomUUID } from 'crypto';
import { deadLetterTopic, DomainRuleViolation, eventsTopic, type DomainEvent, type RecordedEvent } from '@cem/contracts';
import { handleCommand, type Decider } from '@cem/decider';
import { testPgUrl } from '@cem/event-store/testing';
import { createTestIssuer } from '@cem/identity';
import { encodeEvent, KafkaEventBus, kafkaBrokersFromEnv, type BusMessage, type EventEnvelope } from '@cem/messaging';
import { testMongoUrl } from '@cem/read-models/testing';
import { dropPrefixedDeployment } from '@cem/testing';
import {
  createDistributedPorts,
  SERVICE_INFRA,
  startService,
  type InfraPorts,
  type RunningService,
  type ServiceDefinition,
  type ServiceInfra,
} from '../src';
import { PING, type PingData } from './ping.fixture';

/**
 * The event transport's guarantees on the REAL Kafka broker (and PostgreSQL, FerretDB), through startService as
 * every service runs: an @EventPattern handler in an ordinary controller with DI, fed from another context's
 * topic. Contract check and dead letters with a reason, a refusal dead-lettered by the exception filter, types
 * passed over, idempotency by the incoming id, order per stream, archive, and an offset committed only once
 * the handler succeeded (a failing message comes back to the next member of the group).
 */
type Echoed = DomainEvent<'recognition.PingEchoed', { n: number }>;
const echoDecider: Decider<number, { n: number }, Echoed> = {
  initialState: () => 0,
  evolve: (count) => count + 1,
  decide: ({ n }) => {
    if (n === 13) throw new DomainRuleViolation('unlucky', 'Số 13 không được ghi nhận');
    return [{ type: 'recognition.PingEchoed', data: { n } }];
  },
};

/** What the test steers from outside: a simulated outage for one n, and every attempt seen. */
const world = { outageFor: new Set<number>(), attempts: [] as number[] };

@Controller()
class PingEchoHandler {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @EventPattern(PING.type)
  async echo(@Payload() ping: PingData, @Ctx() event: EventEnvelope): Promise<void> {
    world.attempts.push(ping.n);
    if (world.outageFor.has(ping.n)) throw new Error('simulated outage');
    await handleCommand(this.infra.store, echoDecider, `echo-${event.streamId}`, { n: ping.n }, event.reaction('echo-ping'));
  }
}

@Module({ controllers: [PingEchoHandler] })
class PingEchoModule {}

const ECHO_SERVICE: ServiceDefinition = {
  context: 'recognition',
  title: 'ping echo',
  module: PingEchoModule,
  contracts: [PING],
  projections: [],
  consumes: { contexts: ['submissions'], archive: true },
};

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('@EventPattern handlers over the event transport, on the real Kafka broker', () => {
  const prefix = `e${randomUUID().slice(0, 8)}_`;
  const topic = eventsTopic('submissions', prefix);
  let bus: KafkaEventBus;
  let ports: InfraPorts;
  let service: RunningService | undefined;
  const dead: BusMessage[] = [];
  let dlqReader: { stop(): Promise<void> };
  let seq = 0;

  const ping = (streamId: string, n: number, data: unknown = { streamId, n }, type = PING.type): BusMessage => {
    seq++;
    const event: RecordedEvent = {
      id: randomUUID(),
      type,
      streamId,
      streamVersion: seq,
      schemaVersion: 1,
      data,
      metadata: {
        actor: { id: 'u-1', role: 'unit-officer', unitId: 'u', level: 'commune', unitPath: ['u'] },
        occurredAt: new Date().toISOString(),
        correlationId: `corr-${n}`,
        source: 'submissions',
      },
      position: { tx: 1, pos: seq },
      recordedAt: new Date().toISOString(),
      hash: '0'.repeat(64),
    };
    return encodeEvent('submissions', event, topic);
  };
  const echoed = async (streamId: string) => await ports.store.readStream(`echo-${streamId}`);
  const start = async () => {
    service = await startService(ECHO_SERVICE, ports, {
      port: 0,
      tokenVerifier: (await createTestIssuer()).verifier(),
      topicPrefix: prefix,
    });
  };

  beforeAll(async () => {
    bus = new KafkaEventBus({
      brokers: kafkaBrokersFromEnv(),
      clientId: `${prefix}echo`,
      handlerRetryBackoffMs: 50,
      consumer: { maxWaitTimeInMs: 100 },
    });
    await bus.ensureTopics([topic, deadLetterTopic('recognition', prefix), eventsTopic('recognition', prefix)]);
    ports = await createDistributedPorts('recognition', { pgUrl: testPgUrl(), mongoUrl: testMongoUrl(), namePrefix: prefix }, bus);
    dlqReader = await bus.subscribe({
      groupId: `${prefix}dlq-reader`,
      topics: [deadLetterTopic('recognition', prefix)],
      handler: (m) => Promise.resolve(void dead.push(m)),
    });
    await start();
  });

  afterAll(async () => {
    await service?.stop();
    await dlqReader.stop();
    await ports.store.close();
    await ports.documents.close();
    await dropPrefixedDeployment(prefix, ['recognition'], bus);
    await bus.close();
  });

  it('hands each stream its events in order, as the system, caused by each incoming event, archived with their ids', async () => {
    const streams = ['ping-a', 'ping-b', 'ping-c'];
    const messages = streams.flatMap((s) => Array.from({ length: 10 }, (_, n) => ping(s, n)));
    await bus.publish(messages);
    for (const s of streams) {
      const stream = await until(`echoes of ${s}`, async () => ((await echoed(s)).length === 10 ? echoed(s) : undefined));
      expect(stream.map((e) => (e.data as { n: number }).n)).toEqual(Array.from({ length: 10 }, (_, n) => n));
      expect(stream.map((e) => e.metadata.causationId)).toEqual(messages.filter((m) => m.key === s).map((m) => m.headers.ce_id));
      expect(stream[0].metadata.actor).toMatchObject({ id: 'system:recognition', role: 'system', name: 'Hệ thống (tự động)' });
      expect(stream[0].metadata).toMatchObject({ source: 'recognition', correlationId: 'corr-0' });
    }
    const archived = await ports.store.readStream('ping-a');
    expect(archived.map((e) => e.id)).toEqual(messages.filter((m) => m.key === 'ping-a').map((m) => m.headers.ce_id));
  });

  it('appends once however often Kafka delivers the same event', async () => {
    const message = ping('ping-dup', 101);
    await bus.publish([message]);
    await bus.publish([message, message]);
    await bus.publish([ping('ping-dup', 102)]); // same stream, same partition: handled after the duplicates
    await until('the later echo', async () =>
      (await echoed('ping-dup')).some((e) => (e.data as { n: number }).n === 102) ? true : undefined,
    );
    expect(world.attempts.filter((n) => n === 101)).toHaveLength(3);
    expect((await echoed('ping-dup')).map((e) => (e.data as { n: number }).n)).toEqual([101, 102]);
    expect(dead.filter((m) => m.key === 'ping-dup')).toEqual([]);
  });

  it('dead-letters a contract breach and a domain refusal with their reasons, archives a new type unhandled, and goes on', async () => {
    const breach = ping('ping-bad', 5, { streamId: 'ping-bad', n: 'five' });
    const refused = ping('ping-bad', 13);
    const newer = ping('ping-bad', 6, { anything: true }, 'submissions.PingRenamedInANewerRelease');
    const after = ping('ping-bad', 7);
    const attemptsBefore = world.attempts.length;
    await bus.publish([breach, refused, newer, after]);
    await until('the echo after them', async () => ((await echoed('ping-bad')).length ? true : undefined));
    await until('two dead letters', () => (dead.filter((m) => m.key === 'ping-bad').length >= 2 ? true : undefined));
    const letters = dead.filter((m) => m.key === 'ping-bad');
    expect(letters.map((m) => m.headers.ce_id)).toEqual([breach.headers.ce_id, refused.headers.ce_id]);
    expect(letters[0].headers.dlq_reason).toMatch(/^submissions\.TestPinged@1: n: /);
    expect(letters[1].headers.dlq_reason).toBe('unlucky: Số 13 không được ghi nhận');
    expect(letters[1].headers).toMatchObject({ dlq_group: `${prefix}cem.recognition`, dlq_source_topic: topic });
    expect((await echoed('ping-bad')).map((e) => (e.data as { n: number }).n)).toEqual([7]);
    // An archiving service keeps the newer type as it came (no handler sees it); the breach is not archived.
    expect((await ports.store.readStream('ping-bad')).map((e) => e.id)).toEqual([
      refused.headers.ce_id,
      newer.headers.ce_id,
      after.headers.ce_id,
    ]);
    expect(world.attempts.slice(attemptsBefore)).toEqual([13, 7]);
  });

  it('commits only after the handler succeeded: a message failing when the service stops comes back to its successor', async () => {
    world.outageFor.add(42);
    const failing = ping('ping-outage', 42);
    await bus.publish([failing]);
    await until('a few failed attempts', () => (world.attempts.filter((n) => n === 42).length >= 2 ? true : undefined));
    await service!.stop();
    service = undefined;
    expect(await echoed('ping-outage')).toEqual([]);

    world.outageFor.delete(42);
    await start();
    const stream = await until('the echo after the restart', async () =>
      (await echoed('ping-outage')).length ? echoed('ping-outage') : undefined,
    );
    expect(stream.map((e) => e.metadata.causationId)).toEqual([failing.headers.ce_id]);
    expect(dead.filter((m) => m.key === 'ping-outage')).toEqual([]);
  });
});
