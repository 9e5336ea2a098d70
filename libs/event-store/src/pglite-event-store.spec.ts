import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { describeEventStoreContract } from './event-store.contract';
import { createPgliteEventStore } from './pglite-event-store';
import { PgliteSqlClient } from './pglite-sql-client';
import { createSqlEventStore } from './sql-event-store';

// Starting PGlite costs seconds, so the tests share one instance and isolate themselves by schema,
// which is also how several services share one database.
let shared: Promise<PgliteSqlClient> | undefined;
let schemas = 0;
afterAll(async () => (await shared)?.close());

describeEventStoreContract(
  'PGlite (in memory)',
  async () => {
    const client = await (shared ??= PgliteSqlClient.open());
    const schema = `contract_${++schemas}`;
    const store = await createSqlEventStore(client, { schema, closeClient: false });
    return { store, schema, sql: (text, params) => client.query(text, params) };
  },
  async (h) => {
    await h.store.close();
    await h.sql(`DROP SCHEMA ${h.schema} CASCADE`);
  },
);

describe('createPgliteEventStore', () => {
  it('persists to a data directory and reopens with the same events and chain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cem-pglite-'));
    try {
      const first = await createPgliteEventStore({ dataDir: join(dir, 'db'), schema: 'persisted' });
      const { lastPosition } = await first.append('s', [
        {
          type: 'A',
          data: { n: 1 },
          metadata: {
            actor: { id: 'x', role: 'admin', unitId: 'u', level: 'central', unitPath: [] },
            occurredAt: '2025-01-01T00:00:00.000Z',
            correlationId: 'c',
            source: 't',
          },
        },
      ]);
      await first.close();

      const reopened = await createPgliteEventStore({ dataDir: join(dir, 'db'), schema: 'persisted' });
      expect((await reopened.readStream('s')).map((e) => e.data)).toEqual([{ n: 1 }]);
      expect(await reopened.headPosition()).toEqual(lastPosition);
      expect(await reopened.verifyChain()).toEqual({ eventsChecked: 1 });
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a schema name that is not a plain lower-case identifier', async () => {
    await expect(createPgliteEventStore({ schema: 'Bad; DROP' })).rejects.toThrow(/Invalid event store schema name/);
  });
});
