/**
 * The real servers of an integration test run: PostgreSQL 15, Kafka 3.9 (KRaft) and the MongoDB-wire server
 * (FerretDB), one set per run shared by every suite, started through Testcontainers from the images that
 * deploy/images/build.sh builds (or any image named by CEM_POSTGRES_IMAGE / CEM_KAFKA_IMAGE / CEM_MONGO_IMAGE,
 * e.g. the official postgres, apache/kafka and mongo images). Every container carries the run's label, so the
 * teardown (and tools/test.sh's exit trap, should jest die) removes exactly this run's containers.
 *
 * When CEM_PG_URL, CEM_KAFKA_BROKERS and CEM_MONGO_URL are all set already (`source deploy/local/env.sh`), those
 * servers are used and no container is started: the machines without Docker, and targeted runs on the
 * servers deploy/local runs.
 */
import { execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { createServer } from 'net';
import { join } from 'path';
import { GenericContainer, StartedTestContainer, Wait } from 'testcontainers';

const ROOT = join(__dirname, '..', '..');
export const RUN_LABEL = 'org.cem.test-run';
const IMAGES_ENV = join(ROOT, '.cache', 'images.env');

export interface TestServers {
  env: { CEM_PG_URL: string; CEM_KAFKA_BROKERS: string; CEM_MONGO_URL: string };
  containers: StartedTestContainer[];
}

export const givenServers = (env: NodeJS.ProcessEnv = process.env): boolean =>
  Boolean(env.CEM_PG_URL && env.CEM_KAFKA_BROKERS && env.CEM_MONGO_URL);

/** Image names: the environment first, then what deploy/images/build.sh wrote (building them if needed). */
export function serverImages(env: NodeJS.ProcessEnv = process.env): { postgres: string; kafka: string; mongo: string } {
  const read = () => {
    const written: Record<string, string> = {};
    if (existsSync(IMAGES_ENV)) {
      for (const m of readFileSync(IMAGES_ENV, 'utf8').matchAll(/^export (CEM_\w+_IMAGE)=(\S+)$/gm)) written[m[1]] = m[2];
    }
    const pick = (name: string) => env[name] || written[name];
    return { postgres: pick('CEM_POSTGRES_IMAGE'), kafka: pick('CEM_KAFKA_IMAGE'), mongo: pick('CEM_MONGO_IMAGE') };
  };
  let images = read();
  if (!images.postgres || !images.kafka || !images.mongo || !imagesExist(images)) {
    execFileSync('bash', [join(ROOT, 'deploy', 'images', 'build.sh'), 'servers'], { stdio: ['ignore', process.stderr, process.stderr] });
    images = read();
  }
  if (!images.postgres || !images.kafka || !images.mongo) throw new Error(`no server images in ${IMAGES_ENV} after deploy/images/build.sh`);
  return images;
}

function imagesExist(images: Record<string, string | undefined>): boolean {
  try {
    execFileSync('docker', ['image', 'inspect', ...Object.values(images).filter((i): i is string => Boolean(i))], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A free TCP port on this machine (Kafka must advertise the port its clients reach it on). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startTestServers(runId: string): Promise<TestServers> {
  const images = serverImages();
  const labels = { [RUN_LABEL]: runId };
  const postgres = new GenericContainer(images.postgres)
    .withLabels(labels)
    .withEnvironment({ POSTGRES_USER: 'cem', POSTGRES_PASSWORD: 'cem', POSTGRES_DB: 'cem' })
    // Throw-away data (no fsync); as many connections as deploy/local allows (every suite opens pools).
    .withCommand(['postgres', '-c', 'max_connections=200', '-c', 'fsync=off', '-c', 'synchronous_commit=off'])
    .withExposedPorts(5432)
    .withWaitStrategy(Wait.forSuccessfulCommand('pg_isready -h 127.0.0.1 -p 5432 -U cem -d cem'))
    .withStartupTimeout(120_000);
  // The broker listens inside on the same port number its clients use outside, so the one advertised
  // address (127.0.0.1:<port>) is right for both the broker itself and the tests.
  const kafkaPort = await freePort();
  const kafka = new GenericContainer(images.kafka)
    .withLabels(labels)
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: `PLAINTEXT://:${kafkaPort},CONTROLLER://:9093`,
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${kafkaPort}`,
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_NUM_PARTITIONS: '3',
      KAFKA_HEAP_OPTS: '-Xms256m -Xmx768m',
    })
    .withExposedPorts({ container: kafkaPort, host: kafkaPort })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(120_000);
  const mongo = new GenericContainer(images.mongo)
    .withLabels(labels)
    .withExposedPorts(27017)
    .withWaitStrategy(Wait.forListeningPorts())
    .withStartupTimeout(60_000);

  const started = await Promise.allSettled([postgres.start(), kafka.start(), mongo.start()]);
  const containers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    removeRunContainers(runId);
    throw failed.reason;
  }
  const [pg, , mg] = containers;
  return {
    containers,
    env: {
      CEM_PG_URL: `postgres://cem:cem@${pg.getHost()}:${pg.getMappedPort(5432)}/cem`,
      CEM_KAFKA_BROKERS: `127.0.0.1:${kafkaPort}`,
      CEM_MONGO_URL: `mongodb://${mg.getHost()}:${mg.getMappedPort(27017)}`,
    },
  };
}

/** Removes every container of the run (by label, with the docker CLI: works even if Testcontainers did not). */
export function removeRunContainers(runId: string): void {
  try {
    const ids = execFileSync('docker', ['ps', '-aq', '--filter', `label=${RUN_LABEL}=${runId}`], { encoding: 'utf8' })
      .split(/\s+/)
      .filter(Boolean);
    if (ids.length) execFileSync('docker', ['rm', '-f', '-v', ...ids], { stdio: 'ignore' });
  } catch (error) {
    console.error(`removing the test containers of run ${runId} failed:`, error);
  }
}
