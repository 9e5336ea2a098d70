/* Section 3: relay store -> Kafka vs a raw kafkajs producer sending the same messages with the same acks. */
import 'reflect-metadata';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { createPostgresEventStore } from '@cem/event-store';
import { EventRelay, KafkaEventBus, encodeEvent, kafkaBrokersFromEnv } from '@cem/messaging';
import { PG_URL, RELAY_EVENTS, REPS, RUN_ID, log, populate, rate, record, recordError } from './common';
import { Client } from 'pg';
import { LOG_START, type LogPosition, type RecordedEvent } from '@cem/contracts';

const BATCH = 500; // the relay's default batch: one store read and one sendBatch each
const PARTITIONS = 3;

async function main(): Promise<void> {
  const schema = `bench_${RUN_ID}_relay`;
  const brokers = kafkaBrokersFromEnv();
  const store = await createPostgresEventStore({ connectionString: PG_URL, schema, poolSize: 4 });
  const kafka = new Kafka({ clientId: 'cem-bench', brokers, logLevel: logLevel.WARN });
  const admin = kafka.admin();
  await admin.connect();
  const topics: string[] = [];
  const bus = new KafkaEventBus({ brokers, clientId: 'cem-bench-relay' });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, maxInFlightRequests: 1 });
  try {
    log(`populating ${RELAY_EVENTS} events into ${schema}`);
    await populate(store, RELAY_EVENTS, 'relayed');
    const events: RecordedEvent[] = [];
    for (let after: LogPosition = LOG_START; ;) {
      const batch = await store.readAll({ after, limit: 5000 });
      if (!batch.length) break;
      events.push(...batch);
      after = batch[batch.length - 1].position;
    }
    for (let rep = 0; rep < REPS; rep++) topics.push(`bench.${RUN_ID}.relay.${rep}`, `bench.${RUN_ID}.raw.${rep}`);
    await bus.ensureTopics(topics, PARTITIONS);
    await producer.connect();
    // Warm-up: connections and metadata for both producers.
    await bus.publish([encodeEvent('bench', events[0], topics[0])]);
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic: topics[1], messages: [{ key: 'w', value: 'w' }] }] });

    const ours: number[] = [];
    const base: number[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      const relay = new EventRelay({ store, bus, context: 'bench', topic: topics[rep * 2], batchSize: BATCH });
      ours.push(
        await rate(events.length, async () => {
          await relay.start();
          await relay.caughtUp();
        }),
      );
      await relay.stop();
      if (relay.publishedCount !== events.length) log(`relay published ${relay.publishedCount}, expected ${events.length}`);
      // Same payloads (the relay's CloudEvents encoding, prepared up front), same acks (-1), same batch size.
      const topic = topics[rep * 2 + 1];
      const messages = events.map((e) => encodeEvent('bench', e, topic));
      base.push(
        await rate(events.length, async () => {
          for (let i = 0; i < messages.length; i += BATCH) {
            const chunk = messages.slice(i, i + BATCH).map((m) => ({ key: m.key, value: m.value, headers: m.headers }));
            await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: chunk }] });
          }
        }),
      );
      log(`relay rep ${rep}: ours ${Math.round(ours[rep])} raw ${Math.round(base[rep])} ev/s`);
    }
    record({
      figure: `relay to Kafka (${RELAY_EVENTS} events)`,
      side: 'ours',
      label: 'EventRelay (read, encode, publish, checkpoint)',
      samples: ours,
      target: '>= 0.9x raw producer',
    });
    record({
      figure: `relay to Kafka (${RELAY_EVENTS} events)`,
      side: 'baseline',
      label: 'raw kafkajs sendBatch x500, acks=-1',
      samples: base,
    });
  } catch (error) {
    recordError('relay', error);
    process.exitCode = 1;
  } finally {
    await producer.disconnect().catch(() => undefined);
    await bus.close().catch(() => undefined);
    await admin.deleteTopics({ topics }).catch((e) => log(`delete topics: ${e}`));
    await admin.disconnect().catch(() => undefined);
    await store.close().catch(() => undefined);
    const pg = new Client({ connectionString: PG_URL });
    await pg.connect();
    await pg.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await pg.end();
  }
}

void main();
