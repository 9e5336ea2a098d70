// Integration project's globalTeardown: removes the run's containers (it runs after failed suites too).
import { removeRunContainers } from './test-servers';

export default function globalTeardown(): void {
  const runId = process.env.CEM_TEST_CONTAINERS;
  if (!runId) return;
  removeRunContainers(runId);
  for (const key of ['CEM_PG_URL', 'CEM_KAFKA_BROKERS', 'CEM_MONGO_URL', 'CEM_TEST_CONTAINERS']) delete process.env[key];
}
