import { describeEventStoreContract } from './event-store.contract';
import { createTestPostgresStore, type TestPostgresStore } from './testing';

jest.setTimeout(60_000);

// Real PostgreSQL at CEM_PG_URL, one fresh schema per test, dropped afterwards. A pool of 10 lets the
// concurrent-writer test's 8 writers and the subscriber hold transactions open at the same time.
describeEventStoreContract(
  'PostgreSQL (pg pool)',
  () => createTestPostgresStore({ schemaPrefix: 'es_contract', poolSize: 10 }),
  (h) => (h as TestPostgresStore).drop(),
);
