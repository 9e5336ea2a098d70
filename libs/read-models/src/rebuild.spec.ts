import { PassThrough } from 'stream';
import { createPgliteEventStore } from '@cem/event-store';
import type { EventStore } from '@cem/event-store';
import { runRebuildCli } from './cli/rebuild.cli';
import { EmbeddedDocumentStore } from './embedded/embedded-document-store';
import { CHECKPOINTS_COLLECTION, ProjectionCheckpoint } from './projection-checkpoints';
import { ProjectionRunner } from './projection-runner';
import { rebuildProjections, verifyRebuild } from './rebuild';
import { appendCounted, countingProjection, StreamTally, testEvent } from './testing/projection-fixtures';

describe('rebuild and verification (PGlite event store, embedded documents)', () => {
  let store: EventStore;
  let documents: EmbeddedDocumentStore;
  const projections = [countingProjection(), countingProjection({ name: 'weighted', weight: 3 })];
  const tallies = (name = 'stream_tally') => documents.collection<StreamTally>(name);

  /** Live read models built by the runner in small batches, across several appends. */
  async function buildLive(): Promise<void> {
    const runner = new ProjectionRunner(store, documents, projections, { batchSize: 5, pollIntervalMs: 10 });
    await runner.start();
    for (let round = 0; round < 4; round++) {
      await appendCounted(store, [`s${round}`, 's-shared'], 6);
      if (round === 2) await store.append('s0', [testEvent('Closed')]);
    }
    await runner.caughtUp();
    await runner.stop();
  }

  beforeEach(async () => {
    store = await createPgliteEventStore({ schema: 'rm_rebuild' });
    documents = new EmbeddedDocumentStore();
    await buildLive();
  });
  afterEach(() => store.close());

  it('rebuilds documents equal to the live ones, reports progress and leaves resumable checkpoints', async () => {
    const live = await tallies().find();
    const liveWeighted = await tallies('weighted').find();
    await tallies().putMany([{ _id: 'stale', count: 1, lastType: 'x' }]);
    const progress: [number, number][] = [];

    const result = await rebuildProjections(store, documents, projections, { batchSize: 4, onProgress: (d, t) => progress.push([d, t]) });

    expect(await tallies().find()).toEqual(live);
    expect(await tallies('weighted').find()).toEqual(liveWeighted);
    const total = (await store.readAll({ limit: 10_000 })).length;
    expect(result.events).toBe(total);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
    const checkpoint = await documents.collection<ProjectionCheckpoint>(CHECKPOINTS_COLLECTION).get('weighted');
    expect(checkpoint).toEqual({ _id: 'weighted', ...result.position, version: 1 });

    // A runner started afterwards applies only what is new.
    await appendCounted(store, ['s1'], 1);
    const runner = new ProjectionRunner(store, documents, projections);
    await runner.start();
    await runner.caughtUp();
    await runner.stop();
    expect((await tallies().get('all'))?.count).toBe(live.find((d) => d._id === 'all')!.count + 1);
  });

  it('verifyRebuild finds live equal to a rebuild and drops its shadow collections', async () => {
    const result = await verifyRebuild(store, documents, projections, { batchSize: 6 });
    expect(result).toMatchObject({ equal: true, differenceCount: 0, differences: [] });
    expect(await tallies('stream_tally__verify').count()).toBe(0);
    expect(await tallies('weighted__verify').count()).toBe(0);
  });

  it('gives the same result when the replay buffer flushes and reloads documents along the way', async () => {
    const result = await verifyRebuild(store, documents, projections, { batchSize: 3, maxCachedDocuments: 1 });
    expect(result).toMatchObject({ equal: true, differenceCount: 0 });
    await rebuildProjections(store, documents, projections, { batchSize: 2, maxCachedDocuments: 2 });
    expect((await verifyRebuild(store, documents, projections)).equal).toBe(true);
  });

  it('verifyRebuild reports changed, missing and extra documents', async () => {
    const corrupted = (await tallies().get('s1'))!;
    await tallies().putMany([
      { ...corrupted, count: corrupted.count + 1 },
      { _id: 'ghost', count: 1, lastType: 'x' },
    ]);
    await tallies('weighted').deleteMany(['s2']);

    const result = await verifyRebuild(store, documents, projections, { maxDifferences: 2 });

    expect(result.equal).toBe(false);
    expect(result.differenceCount).toBe(3);
    expect(result.differences).toHaveLength(2);
    const again = await verifyRebuild(store, documents, projections);
    const byId = Object.fromEntries(again.differences.map((d) => [`${d.collection}/${d.id}`, d]));
    expect(byId['stream_tally/s1']).toMatchObject({ live: { count: corrupted.count + 1 }, rebuilt: { count: corrupted.count } });
    expect(byId['stream_tally/ghost']).toMatchObject({ live: { _id: 'ghost' }, rebuilt: null });
    expect(byId['weighted/s2']).toMatchObject({ live: null, rebuilt: { _id: 's2' } });
  });

  it('runRebuildCli rebuilds, verifies and prints a summary', async () => {
    const out = new PassThrough();
    let printed = '';
    out.on('data', (chunk) => (printed += chunk));
    const result = await runRebuildCli({ store, documents, projections, verify: true, out });
    expect(result.verification?.equal).toBe(true);
    expect(printed).toMatch(/Rebuilt stream-tally, weighted from \d+ events/);
    expect(printed).toMatch(/rebuild equals live/);
  });
});
