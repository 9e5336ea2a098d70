// A separate OS process running a downstream service on the real servers; the cross-process test kills it
// with SIGKILL mid-stream and starts it again.
import 'reflect-metadata';
import { createTestIssuer } from '@cem/identity';
import { KafkaEventBus, kafkaBrokersFromEnv } from '@cem/messaging';
import { createDistributedPorts, startService } from '../src/runtime';
import { PING_CONSUMER } from './ping.fixture';

async function main() {
  const prefix = process.env.TEST_PREFIX!;
  const bus = new KafkaEventBus({ brokers: kafkaBrokersFromEnv(), clientId: `${prefix}consumer` });
  const ports = await createDistributedPorts(
    PING_CONSUMER.context,
    { pgUrl: process.env.CEM_PG_URL!, mongoUrl: process.env.CEM_MONGO_URL!, namePrefix: prefix },
    bus,
  );
  const issuer = await createTestIssuer();
  await startService(PING_CONSUMER, ports, { port: 0, tokenVerifier: issuer.verifier(), topicPrefix: prefix });
  process.send?.('ready');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
