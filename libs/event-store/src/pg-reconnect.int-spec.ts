import { ServiceUnavailableError, systemActor, type RecordedEvent } from '@cem/contracts';
import { notifyChannel } from './event-store.schema';
import { PgSqlClient } from './pg-sql-client';
import { createTestPostgresStore, testPgUrl, type TestPostgresStore } from './testing';

const event = (n: number) => ({
  type: 'test.Pinged',
  data: { n },
  metadata: { actor: systemActor('test'), occurredAt: new Date().toISOString(), correlationId: `c-${n}`, source: 'submissions' },
});

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('PostgreSQL going away', () => {
  let db: TestPostgresStore;

  beforeEach(async () => {
    db = await createTestPostgresStore({ schemaPrefix: 'es_reconnect' });
  });
  afterEach(() => db.drop());

  const listenerPids = async () => {
    const channel = notifyChannel(db.schema);
    const rows = await db.sql<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE query = $1`, [`LISTEN "${channel}"`]);
    return rows.map((r) => r.pid);
  };

  it('re-establishes the LISTEN connection after it was cut, so readers are woken by notifications again', async () => {
    const seen: RecordedEvent[] = [];
    // An hour between polls: only a notification can deliver within the test.
    const subscription = db.store.subscribe({ pollIntervalMs: 3_600_000, handler: (batch) => Promise.resolve(void seen.push(...batch)) });
    try {
      await until(async () => (await listenerPids()).length === 1);
      await db.store.append('s-1', [event(1)]);
      await until(() => seen.length === 1);

      const [before] = await listenerPids();
      await db.sql('SELECT pg_terminate_backend($1)', [before]); // what a server restart does to it
      await until(async () => {
        const pids = await listenerPids();
        return pids.length === 1 && pids[0] !== before;
      });

      await db.store.append('s-1', [event(2)]);
      await until(() => seen.length === 2);
      expect(seen.map((e) => (e.data as { n: number }).n)).toEqual([1, 2]);
    } finally {
      await subscription.stop();
    }
  });

  it('answers an unreachable server with a retryable ServiceUnavailableError, not a generic failure', async () => {
    const url = new URL(testPgUrl());
    url.port = '1'; // nothing listens there
    const client = new PgSqlClient({ connectionString: url.toString() });
    try {
      const failure = await client.query('SELECT 1').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ServiceUnavailableError);
      expect(failure).toMatchObject({ dependency: 'postgres', retryable: true });
    } finally {
      await client.close();
    }
  });
});
