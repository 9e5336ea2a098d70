import { LOG_START } from '@cem/contracts';
import { createPgliteEventStore } from '@cem/event-store';
import type { EventStore } from '@cem/event-store';
import { EmbeddedDocumentStore } from './embedded/embedded-document-store';
import { CHECKPOINTS_COLLECTION, ProjectionCheckpoint } from './projection-checkpoints';
import { projectBatch } from './projection-batch';
import { ProjectionRunner } from './projection-runner';
import { appendCounted, countingProjection, StreamTally, testEvent } from './testing/projection-fixtures';

describe('ProjectionRunner (PGlite event store, embedded documents)', () => {
  let store: EventStore;
  let documents: EmbeddedDocumentStore;
  let runner: ProjectionRunner | undefined;

  beforeEach(async () => {
    store = await createPgliteEventStore({ schema: 'rm_test' });
    documents = new EmbeddedDocumentStore();
  });
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
    await store.close();
  });

  const tallies = () => documents.collection<StreamTally>('stream_tally');
  const counts = async () => Object.fromEntries((await tallies().find()).map((d) => [d._id, d.count]));
  const run = async (projection = countingProjection(), batchSize = 7) => {
    runner = new ProjectionRunner(store, documents, [projection], { batchSize, pollIntervalMs: 20 });
    await runner.start();
    await runner.caughtUp();
    return runner;
  };

  it('projects history, then follows live appends (read your writes with caughtUp)', async () => {
    await appendCounted(store, ['s1', 's2'], 5);
    await run();
    expect(await counts()).toEqual({ s1: 5, s2: 5, all: 10 });

    await appendCounted(store, ['s3'], 3);
    await store.append('s1', [testEvent('Counted')]);
    await runner!.caughtUp();
    expect(await counts()).toEqual({ s1: 6, s2: 5, s3: 3, all: 14 });
    const s1 = await tallies().get('s1');
    expect(s1).toMatchObject({ lastType: 'Counted', _position: await store.headPosition() });
  });

  it('deletes the document when apply returns null', async () => {
    await appendCounted(store, ['s1', 's2'], 2);
    await store.append('s1', [testEvent('Closed')]);
    await run();
    expect(await counts()).toEqual({ s2: 2, all: 4 });
  });

  it('resumes from its checkpoint after stop/start without applying anything twice', async () => {
    await appendCounted(store, ['s1', 's2'], 10);
    await run();
    await runner!.stop();
    await appendCounted(store, ['s1', 's3'], 4);
    await run();
    expect(await counts()).toEqual({ s1: 14, s2: 10, s3: 4, all: 28 });
    await runner!.stop();
    const checkpoint = await documents.collection<ProjectionCheckpoint>(CHECKPOINTS_COLLECTION).get('stream-tally');
    expect(checkpoint).toEqual({ _id: 'stream-tally', ...(await store.headPosition()), version: 1 });
  });

  it('writes the checkpoint at most once per interval while busy, then the last position on stop', async () => {
    const checkpointOf = () => documents.collection<ProjectionCheckpoint>(CHECKPOINTS_COLLECTION).get('stream-tally');
    await appendCounted(store, ['s1'], 3);
    runner = new ProjectionRunner(store, documents, [countingProjection()], {
      batchSize: 7,
      pollIntervalMs: 20,
      checkpointIntervalMs: 60_000,
    });
    await runner.start();
    await runner.caughtUp();
    const first = await store.headPosition();
    expect(await checkpointOf()).toMatchObject(first); // written by the initial build

    await appendCounted(store, ['s2'], 2);
    await runner.caughtUp();
    expect(await counts()).toEqual({ s1: 3, s2: 2, all: 5 });
    expect(await checkpointOf()).toMatchObject(first); // within the interval: documents only

    await runner.stop();
    expect(await checkpointOf()).toMatchObject(await store.headPosition());
  });

  it('writes the last position once the interval has passed after a burst', async () => {
    await appendCounted(store, ['s1'], 2);
    runner = new ProjectionRunner(store, documents, [countingProjection()], {
      batchSize: 7,
      pollIntervalMs: 20,
      checkpointIntervalMs: 200,
    });
    await runner.start();
    await runner.caughtUp();
    await appendCounted(store, ['s2'], 2);
    await runner.caughtUp();
    const head = await store.headPosition();
    await new Promise((r) => setTimeout(r, 400));
    expect(await documents.collection<ProjectionCheckpoint>(CHECKPOINTS_COLLECTION).get('stream-tally')).toMatchObject(head);
  });

  it('survives a crash between the document write and the checkpoint write (re-delivery is skipped by _position)', async () => {
    await appendCounted(store, ['s1', 's2'], 6);
    await run();
    await runner!.stop();
    // As if the documents were written but the checkpoint never was: everything gets delivered again.
    await documents.collection<ProjectionCheckpoint>(CHECKPOINTS_COLLECTION).putMany([{ _id: 'stream-tally', ...LOG_START, version: 1 }]);
    await appendCounted(store, ['s2'], 1);
    await run();
    expect(await counts()).toEqual({ s1: 6, s2: 7, all: 13 });
  });

  it('skips events at or below a document position within one batch too', async () => {
    await appendCounted(store, ['s1'], 8);
    const events = (await store.readAll()).filter((e) => e.type === 'Counted');
    const projection = countingProjection();
    await projectBatch(projection, tallies(), events.slice(0, 5));
    await projectBatch(projection, tallies(), events.slice(2)); // overlaps events 3..5
    await projectBatch(projection, tallies(), events); // a full re-delivery
    expect(await counts()).toEqual({ s1: 8, all: 8 });
  });

  it('drops and replays a projection whose version changed', async () => {
    await appendCounted(store, ['s1', 's2'], 3);
    await run();
    await runner!.stop();
    await tallies().putMany([{ _id: 'orphan', count: 99, lastType: 'x' }]);
    await run(countingProjection({ version: 2, weight: 10 }));
    expect(await counts()).toEqual({ s1: 30, s2: 30, all: 60 });
    const checkpoint = await documents.collection<ProjectionCheckpoint>(CHECKPOINTS_COLLECTION).get('stream-tally');
    expect(checkpoint?.version).toBe(2);
  });

  it('builds a newly added projection from the start while an existing one resumes', async () => {
    await appendCounted(store, ['s1'], 4);
    await run();
    await runner!.stop();
    await appendCounted(store, ['s1'], 2);
    const added = countingProjection({ name: 'second_tally' });
    runner = new ProjectionRunner(store, documents, [countingProjection(), added], { batchSize: 3 });
    await runner.start();
    await runner.caughtUp();
    expect(await counts()).toEqual({ s1: 6, all: 6 });
    expect((await documents.collection<StreamTally>('second_tally').get('all'))?.count).toBe(6);
  });

  it('refuses two projections with the same name', () => {
    expect(() => new ProjectionRunner(store, documents, [countingProjection(), countingProjection()])).toThrow(/unique/);
  });
});
