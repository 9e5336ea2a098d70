// Integration project's globalSetup: one set of real servers for the whole run (tools/jest/test-servers.ts).
// The URLs go into process.env, which the test workers (started afterwards) inherit.
import { randomUUID } from 'crypto';
import { givenServers, startTestServers } from './test-servers';

export default async function globalSetup(): Promise<void> {
  if (givenServers()) return;
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
  const runId = (process.env.CEM_TEST_RUN_ID ||= `jest-${process.pid}-${randomUUID().slice(0, 8)}`);
  process.env.CEM_TEST_CONTAINERS = runId;
  const servers = await startTestServers(runId);
  Object.assign(process.env, servers.env);
  console.log(
    `\n[test servers] ${Object.entries(servers.env)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
}
