// A relay in its own OS process (the relay exactly-once test kills it with SIGKILL mid-stream).
import 'reflect-metadata';
import { createPostgresEventStore } from '@cem/event-store';
import { KafkaEventBus, kafkaBrokersFromEnv } from '../kafka/kafka-event-bus';
import { EventRelay } from '../relay/event-relay';

async function main() {
  const store = await createPostgresEventStore({ connectionString: process.env.CEM_PG_URL!, schema: process.env.RELAY_SCHEMA! });
  const bus = new KafkaEventBus({ brokers: kafkaBrokersFromEnv(), clientId: 'relay-process' });
  const relay = new EventRelay({ store, bus, context: 'sampling', topic: process.env.RELAY_TOPIC!, batchSize: 20 });
  await relay.start();
  process.send?.('ready');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
