import { createTestPostgresStore, TestPostgresStore } from '@cem/event-store/testing';
import type { EventStore } from '@cem/event-store';
import { createMongoDocumentStore, MongooseDocumentStore } from './mongo/mongoose-document-store';
import type { Projection } from './projection';
import { CHECKPOINTS_COLLECTION } from './projection-checkpoints';
import { projectBatch, RecentIds } from './projection-batch';
import { ProjectionRunner } from './projection-runner';
import { verifyRebuild } from './rebuild';
import { testMongoDbName, testMongoUrl } from './testing/mongo-test-database';
import { appendCounted, countingProjection, StreamTally } from './testing/projection-fixtures';

jest.setTimeout(120_000);

describe('ProjectionRunner on PostgreSQL into FerretDB', () => {
  let pg: TestPostgresStore;
  let store: EventStore;
  let documents: MongooseDocumentStore;

  beforeAll(async () => {
    pg = await createTestPostgresStore({ schemaPrefix: 'rm_runner' });
    store = pg.store;
    documents = await createMongoDocumentStore({ url: testMongoUrl(), dbName: testMongoDbName('runner') });
  });
  afterAll(async () => {
    await documents?.dropDatabase();
    await documents?.close();
    await pg?.drop();
  });

  it('projects, resumes without double counting, and matches a rebuild', async () => {
    const projection: Projection<StreamTally> = { ...countingProjection(), indexes: [{ fields: { count: 1 } }] };
    const tallies = documents.collection<StreamTally>(projection.collection);
    await appendCounted(store, ['a', 'b'], 20);

    let runner = new ProjectionRunner(store, documents, [projection], { batchSize: 9, pollIntervalMs: 20 });
    await runner.start();
    await runner.caughtUp();
    // Concurrent writers while the runner follows the log.
    await Promise.all(['c', 'd', 'e'].map((s) => appendCounted(store, [s], 5)));
    await runner.caughtUp();
    expect((await tallies.get('all'))?.count).toBe(55);
    await runner.stop();

    await appendCounted(store, ['a'], 3);
    runner = new ProjectionRunner(store, documents, [projection], { batchSize: 9, pollIntervalMs: 20 });
    await runner.start();
    await runner.caughtUp();
    await runner.stop();

    const docs = await tallies.find({}, { sort: { count: -1 } });
    expect(docs.map((d) => [d._id, d.count])).toEqual([
      ['all', 58],
      ['a', 23],
      ['b', 20],
      ['c', 5],
      ['d', 5],
      ['e', 5],
    ]);
    expect(docs[0]._position).toBeDefined();
    const checkpoint = await documents.collection(CHECKPOINTS_COLLECTION).get(projection.name);
    expect(checkpoint).toMatchObject({ ...(await store.headPosition()), version: 1 });
    expect(await verifyRebuild(store, documents, [projection])).toMatchObject({ equal: true });
  });

  it('settles inserts FerretDB refused in part: documents taken for new that another runner had written', async () => {
    const projection = countingProjection({ name: 'refused_inserts' });
    const tallies = documents.collection<StreamTally>(projection.collection);
    await appendCounted(store, ['r1'], 6);
    const events = (await store.readAll()).filter((e) => e.type === 'Counted' && e.streamId === 'r1');
    await projectBatch(projection, tallies, events.slice(0, 4), new RecentIds()); // the other runner
    await appendCounted(store, ['r2'], 1);
    const r2 = (await store.readAll()).filter((e) => e.type === 'Counted' && e.streamId === 'r2');
    // Unordered: r2 is inserted, r1 and all are refused, then read and folded again (4 of 6 events applied already).
    await projectBatch(projection, tallies, [...events, ...r2], new RecentIds());
    const docs = await tallies.find({}, { sort: { count: -1 } });
    expect(docs.map((d) => [d._id, d.count])).toEqual([
      ['all', 7],
      ['r1', 6],
      ['r2', 1],
    ]);
  });
});
